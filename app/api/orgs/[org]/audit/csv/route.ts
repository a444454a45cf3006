import type { NextRequest } from 'next/server';
import { auditCsvDownload } from '@/lib/audit/service.server';
import { ownerRoute, routeError } from '../../../owner-route';

export const dynamic = 'force-dynamic';

/** Download CSV: every entry matching the filters. */
export const GET = (req: NextRequest, { params }: { params: Promise<{ org: string }> }) =>
  ownerRoute(req, params, async ({ org }) => {
    const csv = await auditCsvDownload(org, req.nextUrl.searchParams);
    if (!csv.ok) return routeError(400, csv.message);
    return new Response(csv.value, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${org.toLowerCase()}-audit-log.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
