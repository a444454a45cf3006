import 'server-only';
import type { NextRequest } from 'next/server';
import { serverConfig } from '@/lib/config';
import { servedOverHttps } from '@/lib/auth/origin';
import { clearSessionCookieHeaders } from '@/lib/auth/session-cookie';
import { decodeSession, renewAfterRejection, resolveSession, sessionCookieFor } from '@/lib/auth/session.server';
import type { HangarJwt } from '@/lib/auth/session-claims';

/**
 * Runs one proxied request with the session's GitHub token, in a route handler (which, unlike a
 * page, can write cookies):
 * - no session cookie, or one Hangar did not make: `unauthorized`, GitHub is not called;
 * - a session that is over (lifetime, sign-out, GitHub refused its renewal): `unauthorized`, and
 *   the cookie is cleared;
 * - a GitHub App's token due for renewal is renewed first; one GitHub rejects with 401 is renewed
 *   and the request tried once more (it was refused, so nothing happened twice);
 * - a renewed session goes back to the browser as its new cookie.
 */
export async function withGithubSession(
  req: NextRequest,
  run: (accessToken: string, jwt: HangarJwt) => Promise<Response>,
  unauthorized: (message: string) => Response,
): Promise<Response> {
  const session = await decodeSession(req.cookies, servedOverHttps(serverConfig(), req.headers, req.url));
  if (!session) return unauthorized('Sign in to continue');
  const ended = () => {
    const response = unauthorized('Your session has ended. Sign in again to continue.');
    for (const cookie of clearSessionCookieHeaders(session.carried)) response.headers.append('set-cookie', cookie);
    return response;
  };

  let resolved = await resolveSession(session.jwt);
  if (resolved.state === 'ended') return ended();
  let response = await run(resolved.accessToken, resolved.jwt);
  if (response.status === 401) {
    const retry = await renewAfterRejection(resolved.jwt);
    if (retry?.state === 'ended') return ended();
    if (retry?.state === 'active') {
      resolved = retry;
      response = await run(resolved.accessToken, resolved.jwt);
    }
  }
  if (resolved.renewed) {
    for (const cookie of await sessionCookieFor(resolved.jwt, session)) response.headers.append('set-cookie', cookie);
  }
  return response;
}
