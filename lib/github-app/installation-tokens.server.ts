import 'server-only';
import { SingleFlight } from '@/lib/github/single-flight';
import type { InstallationToken, InstallationTokenStore, TokenLock } from './token-store.server';

/**
 * Installation tokens, kept until shortly before they expire (GitHub's last an hour) and taken
 * anew once for everyone who needs one:
 * - callers in this process at the same moment share one flight;
 * - with a shared store (Redis), one instance takes a short lock and asks GitHub while the others
 *   wait for the token it stores, and use it until it is due, as the one that took it does.
 * Without Redis, or while it is down, each instance takes its own: GitHub allows many tokens per
 * installation, so that costs requests, never correctness.
 */

export interface InstallationTokensOptions {
  /** Part of the key: one app's tokens are not another's. */
  appId: string;
  /** Asks GitHub for a new token (`POST /app/installations/{id}/access_tokens`). */
  mint(installationId: number): Promise<InstallationToken>;
  local: InstallationTokenStore;
  shared?: InstallationTokenStore | null;
  now?: () => number;
  /** A token is renewed once less than this is left of it. */
  renewBeforeMs?: number;
  /** How long the shared lock holds if its holder dies: longer than asking GitHub may take. */
  lockMs?: number;
  /** How long a caller waits for another instance's token before asking GitHub itself. */
  waitMs?: number;
  pollMs?: number;
}

/** Five minutes of an hour: a run that starts with the token has time to finish with it. */
export const RENEW_BEFORE_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class InstallationTokens {
  private readonly flights = new SingleFlight<InstallationToken>();
  private readonly now: () => number;
  private readonly renewBeforeMs: number;
  private readonly lockMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: InstallationTokensOptions) {
    this.now = options.now ?? Date.now;
    this.renewBeforeMs = options.renewBeforeMs ?? RENEW_BEFORE_MS;
    this.lockMs = options.lockMs ?? 20_000;
    this.waitMs = options.waitMs ?? 15_000;
    this.pollMs = options.pollMs ?? 100;
  }

  /** A token for the installation with time left on it: a kept one, or a new one. */
  async get(installationId: number): Promise<string> {
    const key = this.keyOf(installationId);
    const kept = await this.options.local.get(key);
    if (this.fresh(kept)) return kept.token;
    return (await this.flights.run(key, () => this.renew(key, installationId))).token;
  }

  /**
   * Forgets a token GitHub refused (revoked, the app uninstalled and installed again), here and in
   * the shared store unless another instance has already put a newer one there.
   */
  async forget(installationId: number, token: string): Promise<void> {
    const key = this.keyOf(installationId);
    const gone = { token, expiresAt: 0 };
    if ((await this.options.local.get(key))?.token === token) await this.options.local.put(key, gone, 0);
    const shared = this.options.shared;
    if (shared && (await shared.get(key))?.token === token) await shared.put(key, gone, 1);
  }

  private keyOf(installationId: number) {
    return `${this.options.appId}:${installationId}`;
  }

  private fresh(token: InstallationToken | undefined): token is InstallationToken {
    return token !== undefined && token.expiresAt - this.now() > this.renewBeforeMs;
  }

  /** How long a token may be handed out: until it is due for renewal. */
  private keepFor(token: InstallationToken) {
    return Math.max(1, token.expiresAt - this.renewBeforeMs - this.now());
  }

  private async sharedFresh(key: string): Promise<InstallationToken | undefined> {
    const token = await this.options.shared?.get(key);
    if (!this.fresh(token)) return undefined;
    await this.options.local.put(key, token, this.keepFor(token));
    return token;
  }

  private async renew(key: string, installationId: number): Promise<InstallationToken> {
    const kept = await this.options.local.get(key);
    if (this.fresh(kept)) return kept;
    const shared = this.options.shared;
    const known = await this.sharedFresh(key);
    if (known) return known;

    let lock: TokenLock = shared ? await shared.lock(key, this.lockMs) : { state: 'unavailable' };
    if (lock.state === 'held' && shared) {
      // Another instance is asking GitHub: wait for the token it stores.
      const giveUp = this.now() + this.waitMs;
      while (lock.state === 'held' && this.now() < giveUp) {
        await sleep(this.pollMs);
        const stored = await this.sharedFresh(key);
        if (stored) return stored;
        // The lock is gone without a token (its holder could not reach GitHub): try in its place.
        lock = await shared.lock(key, this.lockMs);
      }
    }
    try {
      // Someone may have finished between the first look and the lock.
      if (lock.state === 'acquired' && shared) {
        const stored = await this.sharedFresh(key);
        if (stored) return stored;
      }
      const token = await this.options.mint(installationId);
      await Promise.all([
        this.options.local.put(key, token, this.keepFor(token)),
        lock.state === 'acquired' ? shared?.put(key, token, this.keepFor(token)) : undefined,
      ]);
      return token;
    } finally {
      if (shared) await shared.unlock(key, lock);
    }
  }
}
