import type { NextRequest } from 'next/server';
import { policyRuns } from '@/lib/policies/service.server';
import { ownerRoute } from '../../../../owner-route';

export const dynamic = 'force-dynamic';

/** The policy's last runs, newest first. */
export const GET = async (req: NextRequest, { params }: { params: Promise<{ org: string; id: string }> }) => {
  const { id } = await params;
  return ownerRoute(req, params, async ({ org }) => Response.json(await policyRuns(org, id), { headers: { 'cache-control': 'no-store' } }));
};
