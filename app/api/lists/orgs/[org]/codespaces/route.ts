import type { NextRequest } from 'next/server';
import { refuseListRequest, serveCodespaceList } from '@/lib/codespaces/list-stream.server';
import { ownerName } from '@/lib/github/params';

export const dynamic = 'force-dynamic';

/** Every codespace billed to the organisation, as summaries, streamed page by page (for its owners; see list-stream.server.ts). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  if (!ownerName.safeParse(org).success) return refuseListRequest(req, 400, 'Not a GitHub organisation name');
  if (req.nextUrl.search !== '') return refuseListRequest(req, 400, 'This list takes no query');
  return serveCodespaceList(req, { kind: 'organization', org }, { from: 1 });
}
