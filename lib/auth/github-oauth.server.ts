import { z } from 'zod';
import type { ExchangeResult } from './renewal.server';
import { tokensFromAnswer } from './session-claims';

/**
 * The two calls Hangar makes to GitHub about tokens themselves, with the app's own credentials:
 * renewing a GitHub App's user token, and revoking a token at sign-out. Neither body is ever logged.
 */

export interface OAuthAppConfig {
  /** Where `/login/oauth/access_token` is reached from the server. */
  serverWebUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

const RENEWED = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  expires_in: z.coerce.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.coerce.number().int().positive().optional(),
});
const REFUSED = z.object({ error: z.string().min(1), error_description: z.string().optional() });

const TIMEOUT_MS = 10_000;

/** `POST /login/oauth/access_token` with `grant_type=refresh_token`, as GitHub documents for GitHub Apps. */
export async function exchangeRefreshToken(
  config: OAuthAppConfig,
  refreshToken: string,
  { fetch: fetchImpl = fetch, now = Date.now }: { fetch?: typeof fetch; now?: () => number } = {},
): Promise<ExchangeResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${config.serverWebUrl}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Hangar' },
      body: new URLSearchParams({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (!response.ok) return { kind: 'unavailable' };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unavailable' };
  }
  const renewed = RENEWED.safeParse(body);
  if (renewed.success) return { kind: 'renewed', tokens: tokensFromAnswer(renewed.data, now()) };
  // GitHub answers 200 with an error: bad_refresh_token (spent, expired, revoked), and the like.
  if (REFUSED.safeParse(body).success) return { kind: 'rejected' };
  return { kind: 'unavailable' };
}

/**
 * `DELETE /applications/{client_id}/token`: the token stops working at once, so a copy of the
 * session cookie is worth nothing after sign-out. Answers GitHub's status (204: revoked; 404:
 * no such token for these app credentials), or 0 when GitHub could not be reached.
 */
export async function revokeGithubToken(
  config: OAuthAppConfig,
  accessToken: string,
  { fetch: fetchImpl = fetch }: { fetch?: typeof fetch } = {},
): Promise<number> {
  try {
    const response = await fetchImpl(`${config.apiUrl}/applications/${encodeURIComponent(config.clientId)}/token`, {
      method: 'DELETE',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'user-agent': 'Hangar',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify({ access_token: accessToken }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}
