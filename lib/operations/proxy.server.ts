import 'server-only';
import type { NextRequest } from 'next/server';
import { proxyGithubRequest as proxy } from '@/lib/github/proxy.server';
import { allowlist } from './allowlist.server';

/** The GitHub proxy (`/api/github/...`) held to Hangar's allowlist. */
export function proxyGithubRequest(req: NextRequest): Promise<Response> {
  return proxy(req, allowlist);
}
