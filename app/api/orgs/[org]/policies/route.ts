import type { NextRequest } from 'next/server';
import { createPolicy, policiesPageData } from '@/lib/policies/service.server';
import { jsonBody, ownerRoute } from '../../owner-route';

type Context = { params: Promise<{ org: string }> };

export const dynamic = 'force-dynamic';

/** The organisation's policies, their last runs, its webhook URL, and whether Hangar's GitHub App is installed. */
export const GET = (req: NextRequest, { params }: Context) =>
  ownerRoute(req, params, async ({ org }) => Response.json(await policiesPageData(org), { headers: { 'cache-control': 'no-store' } }));

/** New policy. */
export const POST = (req: NextRequest, { params }: Context) =>
  ownerRoute(req, params, async ({ org, login }) => Response.json(await createPolicy(org, login, await jsonBody(req)), { status: 201 }));
