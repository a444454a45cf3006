import type { NextRequest } from 'next/server';
import { previewPolicy } from '@/lib/policies/service.server';
import { jsonBody, ownerRoute } from '../../../owner-route';

export const dynamic = 'force-dynamic';

/** What a policy would do now (`{ rule, exempt }`, saved or not), acting on nothing. */
export const POST = (req: NextRequest, { params }: { params: Promise<{ org: string }> }) =>
  ownerRoute(req, params, async ({ org }) => Response.json(await previewPolicy(org, await jsonBody(req))));
