import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import { serverConfig, type ServerConfig } from '@/lib/config';
import { exchangeRefreshToken, revokeGithubToken } from '@/lib/auth/github-oauth.server';
import { localSignIn } from '@/lib/auth/local-mode.server';
import { TokenRenewer } from '@/lib/auth/renewal.server';
import { MemoryRenewalStore, RedisRenewalStore } from '@/lib/auth/renewal-store.server';
import { EndedSessions, MemoryEndedSessions, RedisEndedSessions } from '@/lib/auth/ended-sessions.server';
import { readSessionCookie, sessionCookieHeaders, sessionCookieNames } from '@/lib/auth/session-cookie';
import {
  renewalDue,
  sessionEndsAt,
  sessionExpired,
  sessionIdOf,
  sessionSecondsLeft,
  tokensOf,
  withTokens,
  type GithubTokens,
  type HangarJwt,
} from '@/lib/auth/session-claims';
import { sharedRedis } from '@/lib/github/store.server';
import { logEvent } from '@/lib/server/log.server';

/**
 * A session, from its cookie to the GitHub token a request may use: decrypted, checked against
 * its absolute lifetime and against sign-outs (and, in local mode, against the live browser
 * sessions), and renewed when it is a GitHub App's token about to expire (once, whoever asks:
 * lib/auth/renewal.ts).
 */

export type CookieSource = { getAll(): { name: string; value: string }[] };

export type ResolvedSession =
  /** `renewed`: the tokens are newer than the cookie's; whoever can should write the cookie again. */
  | { state: 'active'; jwt: HangarJwt; accessToken: string; renewed: boolean }
  /** Over (past its lifetime, signed out, refused by GitHub): the cookie is worth clearing. */
  | { state: 'ended' };

// On globalThis: the proxy, server-rendered pages and next-auth's routes are bundled apart, and
// must share one renewer (one flight per refresh token, one memory of what was renewed) and one
// memory of sign-outs.
const holder = globalThis as typeof globalThis & { __hangarRenewer?: TokenRenewer; __hangarEndedSessions?: EndedSessions };

function tokenRenewer(config: ServerConfig = serverConfig()): TokenRenewer {
  if (!holder.__hangarRenewer) {
    const redis = sharedRedis();
    holder.__hangarRenewer = new TokenRenewer({
      exchange: (refreshToken) => exchangeRefreshToken(config, refreshToken),
      local: new MemoryRenewalStore(),
      shared: redis ? new RedisRenewalStore(redis, config.secret) : null,
    });
  }
  return holder.__hangarRenewer;
}

/** Sessions signed out: in this process's memory, and in Redis when instances share one (`REDIS_URL`). */
function endedSessions(): EndedSessions {
  if (!holder.__hangarEndedSessions) {
    const redis = sharedRedis();
    holder.__hangarEndedSessions = new EndedSessions(new MemoryEndedSessions(), redis ? new RedisEndedSessions(redis) : null);
  }
  return holder.__hangarEndedSessions;
}

/** Decrypted sessions, by cookie value: decrypting (HKDF and AES-GCM) costs ~0.4 ms, and a page that
 * polls asks several times a minute. Bounded in size and time. */
const DECODED_MAX = 1_000;
const DECODED_TTL_MS = 60_000;
const decoded = new Map<string, { jwt: HangarJwt | null; until: number }>();

/**
 * Decrypts the session from cookies only (never an `Authorization: Bearer` header, which
 * next-auth's getToken would also take). Null without a cookie, or for one Hangar did not make.
 */
export async function decodeSession(
  cookies: CookieSource,
  https: boolean,
): Promise<{ jwt: HangarJwt; secure: boolean; carried: string[] } | null> {
  const all = cookies.getAll();
  const cookie = readSessionCookie(all, https);
  if (!cookie) return null;
  const now = Date.now();
  let hit = decoded.get(cookie.value);
  if (!hit || hit.until <= now) {
    let jwt: HangarJwt | null = null;
    try {
      jwt = (await decode({ token: cookie.value, secret: serverConfig().secret })) as HangarJwt | null;
    } catch {
      jwt = null;
    }
    hit = { jwt, until: now + DECODED_TTL_MS };
    decoded.delete(cookie.value);
    decoded.set(cookie.value, hit);
    if (decoded.size > DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  }
  return hit.jwt ? { jwt: hit.jwt, secure: cookie.secure, carried: sessionCookieNames(all) } : null;
}

/** The session's GitHub token now: checked, and renewed first if it is due. */
export async function resolveSession(jwt: HangarJwt, config: ServerConfig = serverConfig(), now = Date.now()): Promise<ResolvedSession> {
  if (sessionExpired(jwt, now, config.sessionMaxAgeS)) return { state: 'ended' };
  if (await endedSessions().isEnded(sessionIdOf(jwt))) return { state: 'ended' };
  if (config.mode === 'local') {
    if (!config.localToken || !localSignIn().isLive(jwt.localSession)) return { state: 'ended' };
    return { state: 'active', jwt, accessToken: config.localToken, renewed: false };
  }
  let tokens = tokensOf(jwt);
  if (!tokens) return { state: 'ended' };
  if (!tokens.refreshToken) return { state: 'active', jwt, accessToken: tokens.accessToken, renewed: false };

  const renewer = tokenRenewer(config);
  let renewed = false;
  // A neighbour (another tab's request, a page) may have renewed already: its cookie is newer than this one.
  const known = await renewer.known(tokens.refreshToken);
  if (known?.kind === 'ended') return { state: 'ended' };
  if (known?.kind === 'renewed') {
    tokens = known.tokens;
    renewed = true;
  }
  if (renewalDue(tokens, now)) {
    const outcome = await renewer.renew(tokens.refreshToken!);
    if (outcome.kind === 'ended') return { state: 'ended' };
    if (outcome.kind === 'renewed') {
      tokens = outcome.tokens;
      renewed = true;
    }
    // Unavailable: GitHub did not answer. The token may still work; if not, GitHub says 401 and
    // the next request tries again.
  }
  return active(jwt, tokens, renewed);
}

/**
 * GitHub answered 401 to the session's token: renew it if it can be (a GitHub App's token that
 * expired early, or one a neighbour's renewal replaced), else null and GitHub's 401 stands.
 */
export async function renewAfterRejection(jwt: HangarJwt, config: ServerConfig = serverConfig()): Promise<ResolvedSession | null> {
  if (config.mode === 'local' || !jwt.refreshToken) return null;
  const outcome = await tokenRenewer(config).renew(jwt.refreshToken);
  if (outcome.kind === 'ended') return { state: 'ended' };
  if (outcome.kind === 'unavailable') return null;
  return active(jwt, outcome.tokens, true);
}

function active(jwt: HangarJwt, tokens: GithubTokens, renewed: boolean): ResolvedSession {
  return { state: 'active', jwt: renewed ? withTokens(jwt, tokens) : jwt, accessToken: tokens.accessToken, renewed };
}

/** Set-Cookie values that carry `jwt` as the session, for as long as it has left. */
export async function sessionCookieFor(
  jwt: HangarJwt,
  { secure, carried }: { secure: boolean; carried: string[] },
  config: ServerConfig = serverConfig(),
): Promise<string[]> {
  const now = Date.now();
  const maxAge = Math.max(1, sessionSecondsLeft(jwt, now, config.sessionMaxAgeS));
  const value = await encode({ token: { ...jwt } as Record<string, unknown>, secret: config.secret, maxAge });
  return sessionCookieHeaders(value, { secure, expires: new Date(now + maxAge * 1000), carried });
}

/**
 * Signing out. First the session is marked ended on the server, for as long as its cookie could
 * live, so no copy of the cookie is read again whatever GitHub says next. Then its GitHub token
 * is revoked (and any a renewal had issued since), and its refresh token is never renewed again.
 * In local mode the browser session ends; the token is the user's own and stays valid.
 */
export async function endSession(jwt: HangarJwt, config: ServerConfig = serverConfig()): Promise<void> {
  const until = sessionEndsAt(jwt, config.sessionMaxAgeS);
  if (until > Date.now()) await endedSessions().end(sessionIdOf(jwt), until);
  if (config.mode === 'local') {
    localSignIn().endSession(jwt.localSession);
    return;
  }
  const revoke = new Set<string>();
  if (jwt.accessToken) revoke.add(jwt.accessToken);
  if (jwt.refreshToken) {
    for (const token of await tokenRenewer(config).end(jwt.refreshToken, config.sessionMaxAgeS * 1000)) revoke.add(token);
  }
  const statuses = await Promise.all([...revoke].map((token) => revokeGithubToken(config, token)));
  // 404: GitHub no longer knows the token (a renewal had replaced it, or it was revoked already).
  const failed = statuses.filter((status) => status !== 204 && status !== 404);
  if (failed.length) logEvent('warn', 'auth.revoke', { tokens: revoke.size, failedStatuses: failed });
}
