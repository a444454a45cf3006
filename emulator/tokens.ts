/** The emulator's OAuth state: authorization codes waiting to be exchanged, and live access tokens. */
import { newAccessToken, type Grant, type TokenInfo } from './oauth';

const CODE_TTL_MS = 10 * 60_000;

export class Tokens {
  private tokens = new Map<string, TokenInfo>();
  private grants = new Map<string, Grant>();

  constructor(private readonly now: () => number) {}

  /** A new access token for `login` with these scopes. */
  issue(login: string, scopes: string[]): string {
    const token = newAccessToken();
    this.tokens.set(token, { login, scopes });
    return token;
  }

  get(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  /** Every token, or every token of `login`: as when a user revokes the app on github.com. */
  revoke(login?: string | null) {
    for (const [token, info] of this.tokens) if (!login || info.login === login) this.tokens.delete(token);
  }

  list(): string[] {
    return [...this.tokens.keys()];
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
  }
}
