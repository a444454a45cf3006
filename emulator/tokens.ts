/**
 * The emulator's OAuth state: authorization codes waiting to be exchanged, live access tokens, the
 * refresh tokens of GitHub Apps with expiring user tokens, and what was revoked.
 */
import type { InstallationGrant } from './github-apps';
import { randomBytes } from 'node:crypto';

export interface Grant {
  login: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  codeChallenge: string | null;
}

export interface TokenInfo {
  login: string;
  scopes: string[];
  /** The app it was issued to (none for tokens the test hooks mint). */
  clientId?: string;
  /**
   * `oauth`: an OAuth App's token; `app`: a GitHub App's user token, whose permissions are the app's;
   * `installation`: a GitHub App's installation token, acting as the app's bot on one organisation.
   */
  kind: 'oauth' | 'app' | 'installation';
  /** Epoch ms when it stops working; GitHub App tokens only. */
  expiresAt?: number;
  /** An installation token's organisation and permissions. */
  installation?: InstallationGrant;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function base62(length: number) {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

/** `gho_` tokens, GitHub's OAuth access token format. */
const newAccessToken = () => `gho_${base62(36)}`;
/** `ghu_` user access tokens and `ghr_` refresh tokens, a GitHub App's. */
const newAppAccessToken = () => `ghu_${base62(36)}`;
const newRefreshToken = () => `ghr_${base62(76)}`;
/** `ghs_` installation access tokens (server-to-server). */
const newInstallationToken = () => `ghs_${base62(36)}`;
/** An authorization code, waiting to be exchanged for a token. */
export const newCode = () => base62(20).toLowerCase();

const CODE_TTL_MS = 10 * 60_000;

/** A GitHub App's refresh token: single use, and how often someone tried to spend it. */
interface RefreshRecord {
  login: string;
  scopes: string[];
  clientId: string;
  /** The access token issued with it: it stops working once this refresh token is spent. */
  accessToken: string;
  expiresAt: number;
  lifetimes: { accessS: number; refreshS: number };
  /** Refresh requests that presented this token, successful or not (a second one is a bug in the client). */
  uses: number;
  spent: boolean;
  revoked: boolean;
}

/** A user token pair of a GitHub App, as the token endpoint answers it. */
export interface ExpiringTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresIn: number;
}

export interface Revocation {
  token: string;
  login: string;
  clientId: string | null;
  at: number;
}

export class Tokens {
  private tokens = new Map<string, TokenInfo>();
  private grants = new Map<string, Grant>();
  private refreshTokens = new Map<string, RefreshRecord>();
  private revocations: Revocation[] = [];

  constructor(private readonly now: () => number) {}

  /** A new OAuth App access token (`gho_`, never expires) for `login` with these scopes. */
  issue(login: string, scopes: string[], clientId?: string): string {
    const token = newAccessToken();
    this.tokens.set(token, { login, scopes, clientId, kind: 'oauth' });
    return token;
  }

  /** A GitHub App user token (`ghu_`) that expires, with its single-use refresh token (`ghr_`). */
  issueExpiring(login: string, scopes: string[], clientId: string, lifetimes: { accessS: number; refreshS: number }): ExpiringTokens {
    const accessToken = newAppAccessToken();
    const refreshToken = newRefreshToken();
    const now = this.now();
    this.tokens.set(accessToken, { login, scopes, clientId, kind: 'app', expiresAt: now + lifetimes.accessS * 1000 });
    this.refreshTokens.set(refreshToken, {
      login,
      scopes,
      clientId,
      accessToken,
      expiresAt: now + lifetimes.refreshS * 1000,
      lifetimes,
      uses: 0,
      spent: false,
      revoked: false,
    });
    return { accessToken, expiresIn: lifetimes.accessS, refreshToken, refreshTokenExpiresIn: lifetimes.refreshS };
  }

  /** An installation token (`ghs_`) for the app's bot, on one organisation, until `expiresAt`. */
  issueInstallation(botLogin: string, installation: InstallationGrant, expiresAt: number): string {
    const token = newInstallationToken();
    this.tokens.set(token, { login: botLogin, scopes: [], kind: 'installation', installation, expiresAt });
    return token;
  }

  /** The token's owner and scopes while it works: not once it expired or was revoked. */
  get(token: string): TokenInfo | undefined {
    const info = this.tokens.get(token);
    if (info?.expiresAt !== undefined && info.expiresAt <= this.now()) return undefined;
    return info;
  }

  /**
   * Spends a refresh token, as GitHub does: once. The access token issued with it stops working
   * and a new pair is issued. Undefined when the token is unknown, of another app, expired, spent
   * or revoked (GitHub's `bad_refresh_token`).
   */
  refresh(clientId: string, refreshToken: string): ExpiringTokens | undefined {
    const record = this.refreshTokens.get(refreshToken);
    if (!record) return undefined;
    record.uses += 1;
    if (record.clientId !== clientId || record.spent || record.revoked || record.expiresAt <= this.now()) return undefined;
    record.spent = true;
    this.tokens.delete(record.accessToken);
    return this.issueExpiring(record.login, record.scopes, record.clientId, record.lifetimes);
  }

  /**
   * Revokes one access token of `clientId` (`DELETE /applications/{client_id}/token`), and the
   * refresh token issued with it. False when the app holds no such token.
   */
  revokeToken(clientId: string, token: string): boolean {
    const info = this.tokens.get(token);
    if (!info || (info.clientId ?? null) !== clientId) return false;
    this.tokens.delete(token);
    for (const record of this.refreshTokens.values()) if (record.accessToken === token) record.revoked = true;
    this.revocations.push({ token, login: info.login, clientId, at: this.now() });
    return true;
  }

  /** Every token, or every token of `login`: as when a user revokes the app on github.com. */
  revoke(login?: string | null) {
    for (const [token, info] of this.tokens) if (!login || info.login === login) this.tokens.delete(token);
    for (const record of this.refreshTokens.values()) if (!login || record.login === login) record.revoked = true;
  }

  list(): string[] {
    return [...this.tokens.keys()];
  }

  /** Every refresh token issued, and how many refresh requests presented it (test hook). */
  refreshReport(): { token: string; login: string; clientId: string; uses: number; spent: boolean; revoked: boolean }[] {
    return [...this.refreshTokens].map(([token, r]) => ({
      token,
      login: r.login,
      clientId: r.clientId,
      uses: r.uses,
      spent: r.spent,
      revoked: r.revoked,
    }));
  }

  /** Tokens revoked through the API, oldest first (test hook). */
  revoked(): Revocation[] {
    return [...this.revocations];
  }

  /** Remembers what the user approved until the app exchanges the code (ten minutes at most). */
  grant(code: string, grant: Omit<Grant, 'expiresAt'>) {
    this.grants.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS });
  }

  /** The grant behind a code, if it is still valid; a code is exchanged once. */
  peekGrant(code: string | undefined): Grant | undefined {
    const grant = code ? this.grants.get(code) : undefined;
    return grant && grant.expiresAt >= this.now() ? grant : undefined;
  }

  spendGrant(code: string) {
    this.grants.delete(code);
  }

  clear() {
    this.tokens = new Map();
    this.grants = new Map();
    this.refreshTokens = new Map();
    this.revocations = [];
  }
}
