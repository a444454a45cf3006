import { createHash } from 'node:crypto';
import type { HeaderFields } from '@/lib/github/conditional';
import { RedisConnection } from './redis-connection.server';
import type { AccountKey, AnswerKey, CachedAnswer, Freshening, GithubStateStore, RateLimitState, UserKey } from './types.server';

export interface RedisStoreOptions {
  /** Namespace for every key, so several deployments can share one Redis. */
  prefix?: string;
  /** How long an answer is kept without being used; Redis itself bounds memory (`maxmemory`). */
  answerTtlSeconds?: number;
  /** A Redis call slower than this counts as a miss: the cache must never make GitHub calls slower. */
  timeoutMs?: number;
  /** Bytes of answers one GitHub account may hold, all its tokens together; its least recently used go first. */
  maxAccountBytes?: number;
}

type Client = Parameters<Parameters<RedisConnection['run']>[0]>[0];

/**
 * The bookkeeping every script shares, in Lua (Redis runs each script whole, so an account's
 * entries and its count of their bytes never disagree, whichever instance writes):
 * - `sizes` (a hash): each entry key of the account → its bytes, and `#total`, their sum;
 * - `lru` (a sorted set): each entry key → when it was last used (µs), oldest first.
 * An entry names its account too, so eviction never deletes an entry another account holds now.
 */
const BOOKKEEPING = `
local entry, sizes, lru = KEYS[1], KEYS[2], KEYS[3]
-- An answer another version of Hangar wrote as a string (or anything else): not this store's, a miss.
local function stored_here(key) return redis.call('TYPE', key).ok == 'hash' end
local account, quota, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
-- Redis's clock (µs), not an instance's: every instance orders uses alike.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local function forget(key)
  local size = tonumber(redis.call('HGET', sizes, key) or 0)
  redis.call('HDEL', sizes, key)
  redis.call('ZREM', lru, key)
  if size ~= 0 then redis.call('HINCRBY', sizes, '#total', -size) end
end

-- The entry counted at its size now, as the account's most recently used; the account's least
-- recently used others go until the account is within its quota.
local function account_for(size)
  local before = tonumber(redis.call('HGET', sizes, entry) or 0)
  redis.call('HSET', sizes, entry, size)
  redis.call('HINCRBY', sizes, '#total', size - before)
  -- Later than every other use, even within one microsecond: the order of uses is the order of eviction.
  local latest = redis.call('ZREVRANGE', lru, 0, 0, 'WITHSCORES')[2]
  redis.call('ZADD', lru, math.max(now, (tonumber(latest) or 0) + 1), entry)
  redis.call('EXPIRE', entry, ttl)
  redis.call('EXPIRE', sizes, ttl)
  redis.call('EXPIRE', lru, ttl)
  -- Entries unused for a whole TTL have expired by themselves: their bytes no longer count.
  for _, gone in ipairs(redis.call('ZRANGEBYSCORE', lru, '-inf', now - ttl * 1000000, 'LIMIT', 0, 16)) do forget(gone) end
  while tonumber(redis.call('HGET', sizes, '#total') or 0) > quota do
    local oldest = redis.call('ZRANGE', lru, 0, 0)[1]
    if not oldest or oldest == entry then break end
    if redis.call('HGET', oldest, 'account') == account then redis.call('DEL', oldest) end
    forget(oldest)
  end
end
`;

/** Stores an answer (ARGV 4…: bytes, resource, etag, headers, body); one larger than the quota only removes the old one. */
const PUT = `${BOOKKEEPING}
local size = tonumber(ARGV[4])
forget(entry)
redis.call('DEL', entry)
if size > quota then return 0 end
redis.call('HSET', entry, 'resource', ARGV[5], 'etag', ARGV[6], 'headers', ARGV[7], 'body', ARGV[8], 'account', account, 'size', size)
account_for(size)
return 1
`;

/** Reads an answer, and makes it the account's most recently used. */
const GET = `${BOOKKEEPING}
if not stored_here(entry) then return false end
local found = redis.call('HMGET', entry, 'resource', 'etag', 'headers', 'body', 'account', 'size')
if not found[1] then return false end
if found[5] == account then account_for(tonumber(found[6])) end
return { found[1], found[2], found[3], found[4] }
`;

/** A 304 confirmed the answer stored with ETag ARGV[4]: ETag ARGV[5] and headers ARGV[6] replace its own. */
const FRESHEN = `${BOOKKEEPING}
if not stored_here(entry) then return 0 end
local found = redis.call('HMGET', entry, 'etag', 'headers', 'account', 'size')
if found[1] ~= ARGV[4] then return 0 end
local size = tonumber(found[4]) - #found[1] - #found[2] + #ARGV[5] + #ARGV[6]
redis.call('HSET', entry, 'etag', ARGV[5], 'headers', ARGV[6], 'size', size)
if found[3] == account then account_for(size) end
return 1
`;

/** What one entry costs Redis beyond its fields: the key twice more (in the account's hash and set) and Redis's own overhead. */
const ENTRY_OVERHEAD_BYTES = 200;

/** Runs a script by its SHA-1, sending the whole script only when Redis does not know it yet (after a restart). */
async function runScript(client: Client, script: { text: string; sha: string }, keys: string[], args: string[]): Promise<unknown> {
  try {
    return await client.evalSha(script.sha, { keys, arguments: args });
  } catch (error) {
    if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
    return client.eval(script.text, { keys, arguments: args });
  }
}

const script = (text: string) => ({ text, sha: createHash('sha1').update(text).digest('hex') });
const SCRIPTS = { put: script(PUT), get: script(GET), freshen: script(FRESHEN) };

/**
 * The shared store for several Hangar instances (`REDIS_URL`): what one instance learned (an ETag,
 * its body and headers, GitHub's "rate limit reached") serves all. Keys carry the token's hash and
 * the account's, never the token. If Redis is slow or down, reads miss and writes are dropped, and
 * Hangar goes on asking GitHub directly: the store is an economy, never a dependency
 * (lib/github/store/redis-connection.ts).
 *
 * Each GitHub account holds at most `maxAccountBytes` of answers, all its tokens together, its
 * least recently used going first (atomic scripts, so instances writing at once cannot overshoot):
 * one account cannot make Redis evict another's. Every key expires (`answerTtlSeconds`, 6 h after
 * its last use), and with `maxmemory-policy allkeys-lru` a full Redis evicts the least recently used.
 */
export class RedisStore implements GithubStateStore {
  readonly kind = 'redis';
  /** Also used for token renewals (lib/auth/renewal-store.ts): one connection per process. */
  readonly connection: RedisConnection;
  readonly maxAccountBytes: number;
  private readonly prefix: string;
  private readonly answerTtlSeconds: number;

  constructor(
    url: string | RedisConnection,
    { prefix = 'hangar:v1', answerTtlSeconds = 6 * 60 * 60, timeoutMs = 500, maxAccountBytes = 2 * 1024 * 1024 }: RedisStoreOptions = {},
  ) {
    this.prefix = prefix;
    this.answerTtlSeconds = answerTtlSeconds;
    this.maxAccountBytes = maxAccountBytes;
    this.connection = typeof url === 'string' ? new RedisConnection(url, { timeoutMs }) : url;
  }

  async getAnswer(key: AnswerKey): Promise<CachedAnswer | undefined> {
    const found = await this.connection.run((c) => runScript(c, SCRIPTS.get, this.keys(key), this.bookkeeping(key.account)));
    if (!Array.isArray(found)) return undefined;
    const [resource, etag, headers, body] = found as string[];
    // The key holds a hash of the resource; the value names it in full, so a collision is a miss.
    if (resource !== key.resource || !etag || body === undefined) return undefined;
    try {
      return { etag, body, headers: JSON.parse(headers ?? '{}') as HeaderFields };
    } catch {
      return undefined;
    }
  }

  async putAnswer(key: AnswerKey, answer: CachedAnswer): Promise<void> {
    const headers = JSON.stringify(answer.headers);
    const size =
      Buffer.byteLength(answer.body) +
      Buffer.byteLength(headers) +
      Buffer.byteLength(answer.etag) +
      Buffer.byteLength(key.resource) +
      3 * this.answerKey(key.user, key.resource).length +
      ENTRY_OVERHEAD_BYTES;
    // Larger than the account may hold: not even sent, only the answer it replaces removed.
    const fields = size > this.maxAccountBytes ? ['', '', '', ''] : [key.resource, answer.etag, headers, answer.body];
    await this.connection.run((c) =>
      runScript(c, SCRIPTS.put, this.keys(key), [...this.bookkeeping(key.account), String(size), ...fields]),
    );
  }

  async freshenAnswer(key: AnswerKey, { revalidated, etag, headers }: Freshening): Promise<void> {
    await this.connection.run((c) =>
      runScript(c, SCRIPTS.freshen, this.keys(key), [...this.bookkeeping(key.account), revalidated, etag, JSON.stringify(headers)]),
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

  /** Bytes an account holds now, as its bookkeeping counts them (tests, diagnostics). */
  async bytesOf(account: AccountKey): Promise<number> {
    const total = await this.connection.run((c) => c.hGet(this.sizesKey(account), '#total'));
    return Number(total ?? 0);
  }

  /** Whether Redis answers now (the health check). */
  available(): Promise<boolean> {
    return this.connection.available();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private keys({ user, account, resource }: AnswerKey): string[] {
    return [this.answerKey(user, resource), this.sizesKey(account), this.lruKey(account)];
  }

  /** ARGV 1–3 of every script: the account (as its hash), its quota, and the TTL. */
  private bookkeeping(account: AccountKey): string[] {
    return [accountHash(account), String(this.maxAccountBytes), String(this.answerTtlSeconds)];
  }

  private answerKey(user: UserKey, resource: string) {
    return `${this.prefix}:answer:${user}:${createHash('sha256').update(resource).digest('hex').slice(0, 32)}`;
  }

  private sizesKey(account: AccountKey) {
    return `${this.prefix}:quota:${accountHash(account)}`;
  }

  private lruKey(account: AccountKey) {
    return `${this.prefix}:quota-lru:${accountHash(account)}`;
  }

  private rateLimitKey(user: UserKey) {
    return `${this.prefix}:ratelimit:${user}`;
  }
}

/** An account as Redis knows it: a hash, like a token, so no GitHub identity is written there in plain. */
function accountHash(account: AccountKey): string {
  return createHash('sha256').update(`hangar/github-account\0${account}`).digest('hex');
}
