import { createHash } from 'node:crypto';
import { RedisConnection } from './redis-connection';
import type { CachedAnswer, GithubStateStore, RateLimitState, UserKey } from './types';

export interface RedisStoreOptions {
  /** Namespace for every key, so several deployments can share one Redis. */
  prefix?: string;
  /** How long an answer is kept without being refreshed; Redis itself bounds memory (`maxmemory`). */
  answerTtlSeconds?: number;
  /** A Redis call slower than this counts as a miss: the cache must never make GitHub calls slower. */
  timeoutMs?: number;
  /** Answers larger than this are not written: one user's huge answer must not crowd out others'. */
  maxAnswerBytes?: number;
}

/**
 * The shared store for several Hangar instances (`REDIS_URL`): what one instance learned (an ETag
 * and its body, GitHub's "rate limit reached") serves all. Keys carry the user's token hash, never
 * the token. If Redis is slow or down, reads miss and writes are dropped, and Hangar goes on
 * asking GitHub directly: the store is an economy, never a dependency (lib/github/store/redis-connection.ts).
 *
 * Every answer expires (`answerTtlSeconds`, 6 h): with `maxmemory-policy allkeys-lru` Redis
 * evicts the least recently used first when full, and keys of users long gone never linger.
 */
export class RedisStore implements GithubStateStore {
  readonly kind = 'redis';
  /** Also used for token renewals (lib/auth/renewal-store.ts): one connection per process. */
  readonly connection: RedisConnection;
  private readonly prefix: string;
  private readonly answerTtlSeconds: number;
  private readonly maxAnswerBytes: number;

  constructor(
    url: string | RedisConnection,
    { prefix = 'hangar:v1', answerTtlSeconds = 6 * 60 * 60, timeoutMs = 500, maxAnswerBytes = 2 * 1024 * 1024 }: RedisStoreOptions = {},
  ) {
    this.prefix = prefix;
    this.answerTtlSeconds = answerTtlSeconds;
    this.maxAnswerBytes = maxAnswerBytes;
    this.connection = typeof url === 'string' ? new RedisConnection(url, { timeoutMs }) : url;
  }

  async getAnswer(user: UserKey, resource: string): Promise<CachedAnswer | undefined> {
    const raw = await this.connection.run((c) => c.get(this.answerKey(user, resource)));
    if (typeof raw !== 'string') return undefined;
    try {
      const stored = JSON.parse(raw) as CachedAnswer & { resource: string };
      // The key holds a hash of the resource; the value names it in full, so a collision is a miss.
      if (stored.resource !== resource) return undefined;
      return { etag: stored.etag, body: stored.body, link: stored.link, lastModified: stored.lastModified };
    } catch {
      return undefined;
    }
  }

  async putAnswer(user: UserKey, resource: string, answer: CachedAnswer): Promise<void> {
    const value = JSON.stringify({ ...answer, resource });
    if (value.length > this.maxAnswerBytes) return;
    await this.connection.run((c) =>
      c.set(this.answerKey(user, resource), value, { expiration: { type: 'EX', value: this.answerTtlSeconds } }),
    );
  }

  async getRateLimit(user: UserKey): Promise<RateLimitState | undefined> {
    const raw = await this.connection.run((c) => c.get(this.rateLimitKey(user)));
    if (typeof raw !== 'string') return undefined;
    try {
      return JSON.parse(raw) as RateLimitState;
    } catch {
      return undefined;
    }
  }

  async putRateLimit(user: UserKey, state: RateLimitState): Promise<void> {
    // GitHub's window is an hour; the state means nothing once both it and any block are over.
    const until = Math.max(state.reset * 1000, state.blockedUntil ?? 0, Date.now()) + 60_000;
    await this.connection.run((c) => c.set(this.rateLimitKey(user), JSON.stringify(state), { expiration: { type: 'PXAT', value: until } }));
  }

  /** Whether Redis answers now (the health check). */
  available(): Promise<boolean> {
    return this.connection.available();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private answerKey(user: UserKey, resource: string) {
    return `${this.prefix}:answer:${user}:${createHash('sha256').update(resource).digest('hex').slice(0, 32)}`;
  }

  private rateLimitKey(user: UserKey) {
    return `${this.prefix}:ratelimit:${user}`;
  }
}
