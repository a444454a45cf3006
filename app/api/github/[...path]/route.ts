import type { NextRequest } from 'next/server';
import { proxyGithubRequest } from '@/lib/operations/proxy.server';

export const dynamic = 'force-dynamic';

// Params arrive decoded; the proxy validates the raw request path instead.
export const GET = (req: NextRequest) => proxyGithubRequest(req);
export const POST = GET;
export const PATCH = GET;
export const PUT = GET;
export const DELETE = GET;
