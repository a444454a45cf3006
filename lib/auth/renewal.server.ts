import { SingleFlight } from '@/lib/github/single-flight';
import { lockTiming, onceAcrossInstances, type LockTiming, type Timing } from '@/lib/server/once-across-instances.server';
import { renewalKey, type RenewalRecord, type RenewalStore } from './renewal-store.server';
import type { GithubTokens } from './session-claims';

/**
 * Renewing a GitHub App's user token with its refresh token, which GitHub accepts exactly once:
 * spending it twice ends the session (the second answer is `bad_refresh_token`, and the first
 * one's tokens are lost). So every renewal of one refresh token is one renewal:
 * - callers in this process at the same moment share one flight;
 * - with a shared store (Redis), one instance takes a short lock and renews while the others
 *   wait for the result it stores;
 * - whoever comes later with the same, now spent, refresh token (a request still carrying the old
 *   cookie, a server-rendered page that could not write the cookie) gets the stored result,
 *   following the chain if the new token was itself renewed since.
 */

/** What GitHub's token endpoint answered a refresh. */
export type ExchangeResult =
  | { kind: 'renewed'; tokens: GithubTokens }
  /** GitHub refused the refresh token (revoked, expired, already spent): the session is over. */
  | { kind: 'rejected' }
  /** No answer (network, timeout, 5xx): nothing is known, the session goes on. */
  | { kind: 'unavailable' };

export type RenewalOutcome = { kind: 'renewed'; tokens: GithubTokens } | { kind: 'ended' } | { kind: 'unavailable' };

/** Timing: a caller that waits `waitMs` for another instance's renewal gives up (for now). */
export interface RenewerOptions extends LockTiming {
  exchange(refreshToken: string): Promise<ExchangeResult>;
  /** This process's records. */
  local: RenewalStore;
  /** The records and lock every instance shares (Redis), if any. */
  shared?: RenewalStore | null;
  now?: () => number;
}

/** How long a renewal's result is kept for late callers: the new token's lifetime, at least ten minutes. */
const MIN_RECORD_MS = 10 * 60_000;
/** A chain of renewals followed at most this far (a week of 8-hour tokens is 21). */
const MAX_CHAIN = 32;

export class TokenRenewer {
  private readonly flights = new SingleFlight<RenewalOutcome>();
  private readonly timing: Timing;

  constructor(private readonly options: RenewerOptions) {
    this.timing = lockTiming(options);
  }

  /** Renews the tokens behind `refreshToken`, once for everyone who asks. */
  renew(refreshToken: string): Promise<RenewalOutcome> {
    const key = renewalKey(refreshToken);
    return this.flights.run(key, () => this.renewOnce(key, refreshToken));
  }

  /**
   * What is already known about `refreshToken` in this process: a neighbour renewed it (here are
   * the newest tokens), or its session ended. Cheap (memory only): asked on every request.
   */
  async known(refreshToken: string): Promise<RenewalOutcome | null> {
    return this.latest(renewalKey(refreshToken), false);
  }

  /**
   * Ends the session behind `refreshToken` (sign-out): whoever brings it later, however old the
   * cookie, is not renewed. Returns the access tokens renewals had issued for it since, to revoke.
   */
  async end(refreshToken: string, forMs: number): Promise<string[]> {
    const successors: string[] = [];
    let key = renewalKey(refreshToken);
    for (let hops = 0; hops < MAX_CHAIN; hops++) {
      const record = await this.record(key, true);
      await this.store({ kind: 'ended' }, key, forMs);
      if (record?.kind !== 'renewed') break;
      successors.push(record.tokens.accessToken);
      if (!record.tokens.refreshToken) break;
      key = renewalKey(record.tokens.refreshToken);
    }
    return successors;
  }

  private async renewOnce(key: string, refreshToken: string): Promise<RenewalOutcome> {
    const known = await this.latest(key, true);
    if (known) return known;
    return onceAcrossInstances<RenewalOutcome>(this.options.shared, key, this.timing, {
      stored: () => this.latest(key, true),
      gaveUp: () => ({ kind: 'unavailable' }),
      work: async () => {
        const answer = await this.options.exchange(refreshToken);
        if (answer.kind === 'unavailable') return answer;
        if (answer.kind === 'rejected') {
          await this.store({ kind: 'ended' }, key, MIN_RECORD_MS);
          return { kind: 'ended' };
        }
        const lifetimeMs = (answer.tokens.accessTokenLifetimeS ?? 0) * 1000;
        await this.store({ kind: 'renewed', tokens: answer.tokens }, key, Math.max(MIN_RECORD_MS, lifetimeMs));
        return { kind: 'renewed', tokens: answer.tokens };
      },
    });
  }

  /** The newest record reachable from `key`: a renewal's tokens, renewed again since if they were. */
  private async latest(key: string, includeShared: boolean): Promise<RenewalOutcome | null> {
    let record = await this.record(key, includeShared);
    if (!record) return null;
    for (let hops = 0; record.kind === 'renewed' && record.tokens.refreshToken && hops < MAX_CHAIN; hops++) {
      const next = await this.record(renewalKey(record.tokens.refreshToken), includeShared);
      if (!next) break;
      record = next;
    }
    return record.kind === 'renewed' ? { kind: 'renewed', tokens: record.tokens } : { kind: 'ended' };
  }

  private async record(key: string, includeShared: boolean): Promise<RenewalRecord | undefined> {
    const local = await this.options.local.get(key);
    if (local || !includeShared || !this.options.shared) return local;
    const shared = await this.options.shared.get(key);
    // Kept here too, briefly: the next request with the same old cookie need not ask Redis.
    if (shared) await this.options.local.put(key, shared, MIN_RECORD_MS);
    return shared;
  }

  private async store(record: RenewalRecord, key: string, ttlMs: number) {
    await Promise.all([this.options.local.put(key, record, ttlMs), this.options.shared?.put(key, record, ttlMs)]);
  }
}
