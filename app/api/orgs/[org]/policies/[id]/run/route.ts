import type { NextRequest } from 'next/server';
import { runPolicyNow } from '@/lib/policies/service.server';
import { ownerRoute } from '../../../../owner-route';

export const dynamic = 'force-dynamic';

/** Run now: the policy acts at once, with Hangar's GitHub App, and the run is recorded. */
export const POST = async (req: NextRequest, { params }: { params: Promise<{ org: string; id: string }> }) => {
  const { id } = await params;
  return ownerRoute(req, params, async ({ org }) => Response.json(await runPolicyNow(org, id)));
};
