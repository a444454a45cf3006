import type { NextRequest } from 'next/server';
import { saveWebhookUrl } from '@/lib/policies/service.server';
import { jsonBody, ownerRoute } from '../../../owner-route';

export const dynamic = 'force-dynamic';

/** The organisation's Webhook URL (`{ webhookUrl }`; empty clears it). */
export const PUT = (req: NextRequest, { params }: { params: Promise<{ org: string }> }) =>
  ownerRoute(req, params, async ({ org, login }) => Response.json(await saveWebhookUrl(org, login, await jsonBody(req))));
