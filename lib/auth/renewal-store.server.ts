import { createHash, randomBytes } from 'node:crypto';
import type { RedisConnection } from '@/lib/github/store/redis-connection.server';
import type { Lockable, SharedLock } from '@/lib/server/once-across-instances.server';
import { SealedValues } from '@/lib/server/sealed-values.server';
import { DurableRecords } from './durable-records.server';
import type { GithubTokens } from './session-claims';

/**
 * What one renewal left behind, under a hash of the refresh token it spent: the new tokens (so a
 * request still carrying the old cookie gets them instead of spending a spent token), or that
 * the session ended (GitHub refused the refresh token, or the user signed out).
 */
export type RenewalRecord = { kind: 'renewed'; tokens: GithubTokens } | { kind: 'ended' };

/** Its lock: `acquired`, this caller renews; `held`, another instance is renewing. */
export interface RenewalStore extends Lockable {
  get(key: string): Promise<RenewalRecord | undefined>;
  put(key: string, record: RenewalRecord, ttlMs: number): Promise<void>;
}

/** The store key for a refresh token: a hash, never the token. */
export function renewalKey(refreshToken: string): string {
  return createHash('sha256').update(`hangar/refresh-token\0${refreshToken}`).digest('hex');
}

/**
 * This process's records, bounded in number (oldest first out) and time. Its lock is always
 * granted: within one process, renewals of one token already share a single flight.
 */
export class MemoryRenewalStore implements RenewalStore {
  private readonly records = new Map<string, { record: RenewalRecord; until: number }>();

  constructor(
    private readonly maxRecords = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<RenewalRecord | undefined> {
    const entry = this.records.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.records.delete(key);
      return undefined;
    }
    return entry.record;
  }

  async put(key: string, record: RenewalRecord, ttlMs: number): Promise<void> {
    this.records.delete(key);
    this.records.set(key, { record, until: this.now() + ttlMs });
    while (this.records.size > this.maxRecords) this.records.delete(this.records.keys().next().value!);
  }

  async lock(): Promise<SharedLock> {
    return { state: 'acquired', id: 'memory' };
  }

  async unlock(): Promise<void> {}

  get size(): number {
    return this.records.size;
  }
}

/**
 * Records shared by every instance on one Redis (`REDIS_URL`), and the short lock that lets one of
 * them spend a refresh token while the others wait for its result. Keys hold a hash of the refresh
 * token; values hold tokens, so they are encrypted (AES-256-GCM, with a key derived from
 * AUTH_SECRET, bound to the key they are stored under). Records and locks are durable (no TTL, out
 * of the cache's eviction: lib/auth/durable-records.ts), ended by Hangar itself. If Redis is down,
 * `get` misses and `lock` is `unavailable`: each instance then renews on its own.
 */
export class RedisRenewalStore implements RenewalStore {
  private readonly sealed: SealedValues<RenewalRecord>;
  private readonly records: DurableRecords;

  constructor(
    connection: RedisConnection,
    secret: string,
    private readonly prefix = 'hangar:v1',
  ) {
    this.sealed = new SealedValues(secret, 'hangar renewal records v1');
    this.records = new DurableRecords(connection, prefix);
  }

  async get(key: string): Promise<RenewalRecord | undefined> {
    const name = this.recordKey(key);
    const raw = await this.records.get(name);
    return raw === undefined ? undefined : this.sealed.open(name, raw);
  }

  async put(key: string, record: RenewalRecord, ttlMs: number): Promise<void> {
    const name = this.recordKey(key);
    await this.records.put(name, this.sealed.seal(name, record), ttlMs);
  }

  async lock(key: string, ttlMs: number): Promise<SharedLock> {
    const id = randomBytes(12).toString('base64url');
    const taken = await this.records.lock(this.lockKey(key), id, ttlMs);
    if (taken === undefined) return { state: 'unavailable' };
    return taken ? { state: 'acquired', id } : { state: 'held' };
  }

  async unlock(key: string, lock: SharedLock): Promise<void> {
    if (lock.state !== 'acquired') return;
    await this.records.unlock(this.lockKey(key), lock.id);
  }

  private recordKey(key: string) {
    return `${this.prefix}:renewal:${key}`;
  }

  private lockKey(key: string) {
    return `${this.prefix}:renewal-lock:${key}`;
  }
}
