import type { NextRequest } from 'next/server';
import { refuseListRequest, serveCodespaceList } from '@/lib/codespaces/list-stream.server';
import { listStartQuery } from '@/lib/codespaces/domain/schemas';
import { ownerName } from '@/lib/github/params';

export const dynamic = 'force-dynamic';

/**
 * Every codespace billed to the organisation, as summaries, streamed page by page, for its owners
 * (list-stream.server.ts): all of them, or from `?from=<page>&total=<GitHub's count>` on when the
 * page holds those before.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  if (!ownerName.safeParse(org).success) return refuseListRequest(req, 400, 'Not a GitHub organisation name');
  const start = listStartQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!start.success) return refuseListRequest(req, 400, `Invalid query: ${start.error.issues[0]?.message ?? 'not a list start'}`);
  return serveCodespaceList(req, { kind: 'organization', org }, start.data);
}
