import 'server-only';
import { SingleFlight } from '@/lib/github/single-flight';
import { lockTiming, onceAcrossInstances, type LockTiming, type Timing } from '@/lib/server/once-across-instances.server';
import type { InstallationToken, InstallationTokenStore } from './token-store.server';

/**
 * Installation tokens, kept until shortly before they expire (GitHub's last an hour) and taken
 * anew once for everyone who needs one:
 * - callers in this process at the same moment share one flight;
 * - with a shared store (Redis), one instance takes a short lock and asks GitHub while the others
 *   wait for the token it stores, and use it until it is due, as the one that took it does.
 * Without Redis, or while it is down, each instance takes its own: GitHub allows many tokens per
 * installation, so that costs requests, never correctness.
 */

/** Timing: a caller that waits `waitMs` for another instance's token asks GitHub itself. */
export interface InstallationTokensOptions extends LockTiming {
  /** Part of the key: one app's tokens are not another's. */
  appId: string;
  /** Asks GitHub for a new token (`POST /app/installations/{id}/access_tokens`). */
  mint(installationId: number): Promise<InstallationToken>;
  local: InstallationTokenStore;
  shared?: InstallationTokenStore | null;
  now?: () => number;
  /** A token is renewed once less than this is left of it. */
  renewBeforeMs?: number;
}

/** Five minutes of an hour: a run that starts with the token has time to finish with it. */
export const RENEW_BEFORE_MS = 5 * 60_000;

export class InstallationTokens {
  private readonly flights = new SingleFlight<InstallationToken>();
  private readonly now: () => number;
  private readonly renewBeforeMs: number;
  private readonly timing: Timing;

  constructor(private readonly options: InstallationTokensOptions) {
    this.now = options.now ?? Date.now;
    this.renewBeforeMs = options.renewBeforeMs ?? RENEW_BEFORE_MS;
    this.timing = lockTiming(options);
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
    const known = await this.sharedFresh(key);
    if (known) return known;
    return onceAcrossInstances(this.options.shared, key, this.timing, {
      stored: () => this.sharedFresh(key),
      work: async (lock) => {
        const token = await this.options.mint(installationId);
        await Promise.all([
          this.options.local.put(key, token, this.keepFor(token)),
          lock.state === 'acquired' ? this.options.shared?.put(key, token, this.keepFor(token)) : undefined,
        ]);
        return token;
      },
    });
  }
}
