import type { NextRequest } from 'next/server';
import { deletePolicy, setPolicyEnabled, updatePolicy } from '@/lib/policies/service.server';
import { jsonBody, ownerRoute } from '../../../owner-route';

type Context = { params: Promise<{ org: string; id: string }> };

export const dynamic = 'force-dynamic';

/** Edit: the whole definition, checked as New policy's. */
export const PUT = async (req: NextRequest, { params }: Context) => {
  const { id } = await params;
  return ownerRoute(req, params, async ({ org, login }) => Response.json(await updatePolicy(org, id, login, await jsonBody(req))));
};

/** Enable / Disable: `{ enabled }`. */
export const PATCH = async (req: NextRequest, { params }: Context) => {
  const { id } = await params;
  return ownerRoute(req, params, async ({ org, login }) => Response.json(await setPolicyEnabled(org, id, login, await jsonBody(req))));
};

export const DELETE = async (req: NextRequest, { params }: Context) => {
  const { id } = await params;
  return ownerRoute(req, params, async ({ org }) => {
    await deletePolicy(org, id);
    return new Response(null, { status: 204 });
  });
};
