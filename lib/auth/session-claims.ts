/**
 * What Hangar keeps in the encrypted session cookie, and the rules about time that apply to it:
 * when a session ends however active it is, and when a GitHub App's token is renewed. Pure, so
 * the rules are unit tested.
 */

/** The session JWT's claims. The access and refresh tokens never leave the server. */
export interface HangarJwt {
  accessToken?: string;
  /** GitHub's granted scopes (comma-separated, as GitHub writes them); empty for a GitHub App. */
  scope?: string;
  login?: string;
  name?: string | null;
  picture?: string | null;
  /** A GitHub App's single-use refresh token (`ghr_`), when its user tokens expire. */
  refreshToken?: string;
  /** Epoch ms when the access token stops working. */
  accessTokenExpiresAt?: number;
  /** Its lifetime as GitHub gave it (seconds): the renewal margin scales with it. */
  accessTokenLifetimeS?: number;
  /** Epoch ms when the refresh token stops working. */
  refreshTokenExpiresAt?: number;
  /** Epoch seconds of sign-in: the session ends `HANGAR_SESSION_MAX_AGE` after it, re-signed or not. */
  signedInAt?: number;
  /** Random, chosen at sign-in: what a sign-out marks as ended (lib/auth/ended-sessions.ts). */
  sessionId?: string;
  /** Local mode: which browser session this is. The token itself is the server's, never the cookie's. */
  localSession?: string;
  /** Set by the JWT library: issued-at, in epoch seconds. */
  iat?: number;
}

/** The tokens a renewal replaces, as one value. */
export interface GithubTokens {
  accessToken: string;
  refreshToken?: string;
  accessTokenExpiresAt?: number;
  accessTokenLifetimeS?: number;
  refreshTokenExpiresAt?: number;
  /** GitHub's granted scopes, when the answer names them. */
  scope?: string;
}

/**
 * Whether the session is past its absolute lifetime (`maxAgeS` from sign-in), at `nowMs`. A cookie
 * without a sign-in time is over: `iat` would not do instead, since every re-sign moves it, so such
 * a session would never reach its end.
 */
export function sessionExpired(jwt: HangarJwt, nowMs: number, maxAgeS: number): boolean {
  if (typeof jwt.signedInAt !== 'number') return true;
  return nowMs >= sessionEndsAt(jwt, maxAgeS);
}

/** Epoch ms when the session ends at the latest (its cookie cannot live longer); 0 without a sign-in time. */
export function sessionEndsAt(jwt: HangarJwt, maxAgeS: number): number {
  return typeof jwt.signedInAt === 'number' ? (jwt.signedInAt + maxAgeS) * 1000 : 0;
}

/** Seconds the session has left (at least 0). */
export function sessionSecondsLeft(jwt: HangarJwt, nowMs: number, maxAgeS: number): number {
  return Math.max(0, Math.floor((sessionEndsAt(jwt, maxAgeS) - nowMs) / 1000));
}

/**
 * What a sign-out marks as ended. Cookies made before sessions had an id get one from what never
 * changes in them (who, and the second they signed in), so every copy of one cookie agrees.
 */
export function sessionIdOf(jwt: HangarJwt): string {
  return jwt.sessionId ?? `legacy:${jwt.login ?? jwt.localSession ?? ''}:${jwt.signedInAt ?? ''}`;
}

/** How long before expiry a token is renewed: five minutes, or a quarter of a short lifetime. */
const RENEWAL_MARGIN_MS = 5 * 60_000;

export function renewalMarginMs(lifetimeS: number | undefined): number {
  if (!lifetimeS || lifetimeS <= 0) return RENEWAL_MARGIN_MS;
  return Math.min(RENEWAL_MARGIN_MS, (lifetimeS * 1000) / 4);
}

/**
 * Whether the access token should be renewed now: it expires (a GitHub App's) and is within the
 * margin of doing so, and there is a refresh token to renew it with.
 */
export function renewalDue(tokens: Pick<GithubTokens, 'refreshToken' | 'accessTokenExpiresAt' | 'accessTokenLifetimeS'>, nowMs: number) {
  if (!tokens.refreshToken || tokens.accessTokenExpiresAt === undefined) return false;
  return nowMs >= tokens.accessTokenExpiresAt - renewalMarginMs(tokens.accessTokenLifetimeS);
}

/** The session's tokens, as one value. */
export function tokensOf(jwt: HangarJwt): GithubTokens | null {
  if (!jwt.accessToken) return null;
  return {
    accessToken: jwt.accessToken,
    refreshToken: jwt.refreshToken,
    accessTokenExpiresAt: jwt.accessTokenExpiresAt,
    accessTokenLifetimeS: jwt.accessTokenLifetimeS,
    refreshTokenExpiresAt: jwt.refreshTokenExpiresAt,
  };
}

/** The session with renewed tokens (and everything else, sign-in time included, as it was). */
export function withTokens(jwt: HangarJwt, tokens: GithubTokens): HangarJwt {
  const next: HangarJwt = {
    ...jwt,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    accessTokenLifetimeS: tokens.accessTokenLifetimeS,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
  };
  if (tokens.scope !== undefined) next.scope = tokens.scope;
  return next;
}

/**
 * What GitHub's token answer (a sign-in's or a renewal's) says about the tokens, at `nowMs`:
 * `expires_in` and `refresh_token` mark a GitHub App with expiring user tokens.
 */
export function tokensFromAnswer(
  answer: { access_token: string; refresh_token?: string; expires_in?: number; refresh_token_expires_in?: number; scope?: string },
  nowMs: number,
): GithubTokens {
  const tokens: GithubTokens = { accessToken: answer.access_token };
  if (answer.scope !== undefined) tokens.scope = answer.scope;
  if (answer.expires_in && answer.expires_in > 0) {
    tokens.accessTokenLifetimeS = answer.expires_in;
    tokens.accessTokenExpiresAt = nowMs + answer.expires_in * 1000;
  }
  if (answer.refresh_token) {
    tokens.refreshToken = answer.refresh_token;
    if (answer.refresh_token_expires_in) tokens.refreshTokenExpiresAt = nowMs + answer.refresh_token_expires_in * 1000;
  }
  return tokens;
}

/**
 * Whether OAuth scopes say what the token may do: not for a GitHub App's user token (`ghu_`),
 * whose permissions are the app's, nor in local mode for a token whose scopes GitHub did not
 * report (a fine-grained token).
 */
export function scopesApply(accessToken: string, scope: string | undefined, local = false): boolean {
  if (accessToken.startsWith('ghu_')) return false;
  return !local || scope !== undefined;
}
