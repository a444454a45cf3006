import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import { logEvent } from '@/lib/server/log';
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

type Client = ReturnType<typeof createClient>;

/**
 * The shared store for several Hangar instances (`REDIS_URL`): what one instance learned (an ETag
 * and its body, GitHub's "rate limit reached") serves all. Keys carry the user's token hash, never
 * the token. If Redis is slow or down, reads miss and writes are dropped, and Hangar goes on
 * asking GitHub directly: the store is an economy, never a dependency. While it is down, calls
 * miss at once (node-redis reconnects in the background), it says so in the log once a minute,
 * and `available()` says false, until Redis answers again.
 *
 * Every answer expires (`answerTtlSeconds`, 6 h): with `maxmemory-policy allkeys-lru` Redis
 * evicts the least recently used first when full, and keys of users long gone never linger.
 */
export class RedisStore implements GithubStateStore {
  readonly kind = 'redis';
  private readonly client: Client;
  private readonly prefix: string;
  private readonly answerTtlSeconds: number;
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;
  private ready: Promise<boolean> | null = null;
  /** Since when Redis has failed to answer (a failed connection or command); null while it answers. */
  private downSince: number | null = null;
  private lastComplaint = 0;

  constructor(
    url: string,
    { prefix = 'hangar:v1', answerTtlSeconds = 6 * 60 * 60, timeoutMs = 500, maxAnswerBytes = 2 * 1024 * 1024 }: RedisStoreOptions = {},
  ) {
    this.prefix = prefix;
    this.answerTtlSeconds = answerTtlSeconds;
    this.timeoutMs = timeoutMs;
    this.maxAnswerBytes = maxAnswerBytes;
    this.client = createClient({
      url,
      // Fail fast while disconnected instead of queueing requests behind a dead connection.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    // Without a listener an unreachable Redis would crash the server; here it is only reported.
    this.client.on('error', (error: Error) => this.complain(error));
    this.client.on('ready', () => this.answering());
  }

  async getAnswer(user: UserKey, resource: string): Promise<CachedAnswer | undefined> {
    const raw = await this.run((c) => c.get(this.answerKey(user, resource)));
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
    await this.run((c) => c.set(this.answerKey(user, resource), value, { expiration: { type: 'EX', value: this.answerTtlSeconds } }));
  }

  async getRateLimit(user: UserKey): Promise<RateLimitState | undefined> {
    const raw = await this.run((c) => c.get(this.rateLimitKey(user)));
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
    await this.run((c) => c.set(this.rateLimitKey(user), JSON.stringify(state), { expiration: { type: 'PXAT', value: until } }));
  }

  /**
   * Whether Redis answers a PING now. The health check is asked seldom and may wait a little
   * longer than a request would: a first connection on a busy server is not an outage.
   */
  async available(): Promise<boolean> {
    return (await this.run((c) => c.ping(), Math.max(this.timeoutMs, 1_000))) === 'PONG';
  }

  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    // Still trying to connect: nothing to flush, stop the retries.
    else if (this.client.isOpen) this.client.destroy();
  }

  private answerKey(user: UserKey, resource: string) {
    return `${this.prefix}:answer:${user}:${createHash('sha256').update(resource).digest('hex').slice(0, 32)}`;
  }

  private rateLimitKey(user: UserKey) {
    return `${this.prefix}:ratelimit:${user}`;
  }

  /**
   * Runs one command with a deadline (connecting included: node-redis keeps retrying an unreachable
   * server rather than failing). Any failure is a miss (undefined), reported at most once a minute.
   */
  private async run<T>(command: (client: Client) => Promise<T>, deadlineMs = this.timeoutMs): Promise<T | undefined> {
    // Known to be down and not reconnected yet: a miss at once, not a wait for every request.
    if (this.downSince !== null && !this.client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const attempt = (async () => {
      if (!this.client.isReady) {
        this.ready ??= this.client.connect().then(
          () => true,
          (error: Error) => {
            this.complain(error);
            this.ready = null;
            return false;
          },
        );
        if (!(await this.ready)) return undefined;
      }
      const result = await command(this.client);
      this.answering();
      return result;
    })();
    try {
      return await Promise.race([
        attempt,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => {
            this.complain(new Error(`Redis did not answer within ${deadlineMs} ms`));
            resolve(undefined);
          }, deadlineMs);
        }),
      ]);
    } catch (error) {
      this.complain(error as Error);
      return undefined;
    } finally {
      clearTimeout(timer);
      // A command that lost the race may still fail later: that is already reported, not thrown.
      attempt.catch(() => undefined);
    }
  }

  /** Redis answered: if it had not been, say it is back (and the next outage is reported at once). */
  private answering() {
    if (this.downSince === null) return;
    logEvent('info', 'github.store', { store: 'redis', state: 'available again', downForMs: Date.now() - this.downSince });
    this.downSince = null;
    this.lastComplaint = 0;
  }

  private complain(error: Error) {
    const now = Date.now();
    this.downSince ??= now;
    if (now - this.lastComplaint < 60_000) return;
    this.lastComplaint = now;
    logEvent('warn', 'github.store', { store: 'redis', state: 'unavailable', error: error.message });
  }
}
