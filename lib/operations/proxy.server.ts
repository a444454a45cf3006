import 'server-only';
import type { NextRequest } from 'next/server';
import { recordPersonsChange } from '@/lib/audit/proxy-hook.server';
import { proxyGithubRequest as proxy } from '@/lib/github/proxy.server';
import { allowlist } from './allowlist.server';

/** The GitHub proxy (`/api/github/...`) held to Hangar's allowlist; organisation changes go to the audit log. */
export function proxyGithubRequest(req: NextRequest): Promise<Response> {
  return proxy(req, allowlist, { recordAudit: recordPersonsChange });
}
