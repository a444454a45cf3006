import type { NextRequest } from 'next/server';
import { auditPageData } from '@/lib/audit/service.server';
import { ownerRoute, routeError } from '../../owner-route';

export const dynamic = 'force-dynamic';

/** One page of the organisation's audit log, newest first: `?actor=&action=&before=`. */
export const GET = (req: NextRequest, { params }: { params: Promise<{ org: string }> }) =>
  ownerRoute(req, params, async ({ org }) => {
    const page = await auditPageData(org, req.nextUrl.searchParams);
    return page.ok ? Response.json(page.value, { headers: { 'cache-control': 'no-store' } }) : routeError(400, page.message);
  });
