import type { NextRequest } from 'next/server';
import { refuseListRequest, serveCodespaceList } from '@/lib/codespaces/list-stream.server';
import { listStartQuery } from '@/lib/codespaces/domain/schemas';

export const dynamic = 'force-dynamic';

/**
 * The signed-in user's codespaces, as summaries, streamed page by page (list-stream.server.ts):
 * all of them, or from `?from=<page>&total=<GitHub's count>` on when the page holds those before.
 */
export async function GET(req: NextRequest) {
  const start = listStartQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!start.success) return refuseListRequest(req, 400, `Invalid query: ${start.error.issues[0]?.message ?? 'not a list start'}`);
  return serveCodespaceList(req, { kind: 'mine' }, start.data);
}
