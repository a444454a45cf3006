import 'server-only';
import type { NextRequest } from 'next/server';
import { expectedOrigin } from '@/lib/auth/origin';
import { withGithubSession } from '@/lib/auth/request-session.server';
import { serverConfig } from '@/lib/config';
import { operations as codespaceOperations } from '@/lib/codespaces/operations';
import { accountOfSession } from '@/lib/github/account.server';
import { ownerName } from '@/lib/github/params';
import { serverTransport } from '@/lib/operations/server-transport.server';
import { InvalidInput, NoSuchPolicy } from '@/lib/policies/service.server';
import type { RouteError } from '@/lib/policies/domain/page-data';
import { logEvent } from '@/lib/server/log.server';
import { ApiError } from '@/lib/transport/api-error';

/**
 * Hangar's own routes for an organisation's owners (`/api/orgs/<org>/policies…`, `/api/orgs/<org>/audit…`):
 * - a valid organisation name (else 404);
 * - on a change (POST, PUT, PATCH, DELETE), an `Origin` that is Hangar's own, as the GitHub proxy asks;
 * - a session (else 401), and its person an owner of the organisation, decided as the
 *   organisation view decides it: GitHub lists the organisation's codespaces to the person's own
 *   token only for its owners (else GitHub's 403, or 404, with its words);
 * - every input parsed with zod by the handler; errors as JSON `{ message, status }` (and `fields`).
 */

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const routeError = (status: number, message: string, fields?: Record<string, string>): Response =>
  Response.json({ message, status, ...(fields ? { fields } : {}) } satisfies RouteError, {
    status,
    headers: { 'cache-control': 'no-store' },
  });

export interface Owner {
  org: string;
  login: string;
}

/** A request body as JSON (at most 64 KB), or a 400. */
export async function jsonBody(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.length > 64 * 1024) throw new InvalidInput({ form: 'The request is too large' });
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInput({ form: 'The request is not valid JSON' });
  }
}

export async function ownerRoute(
  req: NextRequest,
  params: Promise<{ org: string }>,
  handle: (owner: Owner) => Promise<Response>,
): Promise<Response> {
  const { org } = await params;
  if (!ownerName.safeParse(org).success) return routeError(404, 'Not Found');
  if (MUTATING.has(req.method.toUpperCase())) {
    const origin = expectedOrigin(serverConfig(), req.headers, req.url);
    if (!origin || req.headers.get('origin') !== origin) return routeError(403, 'Cross-origin request refused');
  }
  return withGithubSession(
    req,
    async (accessToken, jwt) => {
      if (!jwt.login) return routeError(401, 'Sign in to continue');
      try {
        await serverTransport({ accessToken, account: accountOfSession(jwt, accessToken) }).request(codespaceOperations.listOrgCodespaces, {
          params: { org },
          query: { per_page: 1 },
        });
      } catch (error) {
        if (error instanceof ApiError) {
          if (error.status === 401) return routeError(401, 'Your session has ended. Sign in again to continue.');
          if (error.status === 403)
            return routeError(
              403,
              `Only owners of ${org} can manage its policies and read its audit log. GitHub refused: “${error.facts.message ?? 'Forbidden'}”`,
            );
          if (error.status === 404) return routeError(404, `No organization named ${org}`);
          return routeError(502, `GitHub could not say whether you own ${org}: ${error.facts.message ?? `HTTP ${error.status}`}`);
        }
        throw error;
      }
      try {
        return await handle({ org, login: jwt.login });
      } catch (error) {
        if (error instanceof InvalidInput) return routeError(400, error.message, error.fields);
        if (error instanceof NoSuchPolicy) return routeError(404, error.message);
        logEvent('error', 'owner-route', {
          path: new URL(req.url).pathname,
          error: error instanceof Error ? error.message : String(error),
        });
        return routeError(500, 'Something went wrong on Hangar’s side; nothing more was changed. Try again.');
      }
    },
    (message) => routeError(401, message),
  );
}
