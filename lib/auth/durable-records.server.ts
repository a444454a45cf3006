import type { RedisConnection } from '@/lib/github/store/redis-connection.server';

/**
 * Redis records that no cache eviction may take: a renewal's result, a renewal's lock, a
 * sign-out. Losing one would spend a refresh token twice or bring a signed-out cookie back, so
 * they are written without a TTL, and Redis's `maxmemory-policy volatile-lru` (README: Scale out)
 * evicts only keys that have one: the cached answers, which all do. Hangar expires these records
 * itself: each value starts with its end (epoch ms, Redis's own clock, so instances whose clocks
 * differ agree), a read past it finds nothing, and a sorted set of ends is swept on every write.
 *
 * Each operation is one Lua script, so a sweep never deletes a record written again meanwhile.
 * (The sweep names keys the script was not given: fine for one Redis, not for Redis Cluster.)
 */

/** Redis's clock, in epoch ms. */
const NOW = "local t = redis.call('time') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

/** Deletes what has ended, oldest first, at most ARGV[3] of them, from the index KEYS[2]. */
const SWEEP = `
local gone = redis.call('zrangebyscore', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, key in ipairs(gone) do redis.call('del', key) end
if #gone > 0 then redis.call('zrem', KEYS[2], unpack(gone)) end`;

/** Writes ARGV[1] under KEYS[1] until `now` + ARGV[2] ms, indexes its end in KEYS[2], and sweeps (at most ARGV[3]). */
const WRITE = `local ends = now + tonumber(ARGV[2])
redis.call('set', KEYS[1], string.format('%.0f', ends) .. '|' .. ARGV[1])
redis.call('zadd', KEYS[2], ends, KEYS[1])
${SWEEP}
return 1`;

/** KEYS: record, index. ARGV: payload, ttl ms, sweep limit. */
const PUT = `${NOW}
${WRITE}`;

/** KEYS: record. The payload, or nil once its end has passed. */
const GET = `local value = redis.call('get', KEYS[1])
if not value then return false end
local ends, payload = string.match(value, '^(%d+)|(.*)$')
-- Written by an older Hangar (SET PX): its TTL ends it.
if not ends then return value end
${NOW}
if tonumber(ends) <= now then return false end
return payload`;

/** KEYS: lock, index. ARGV: holder id, ttl ms, sweep limit. 1 when taken, 0 while someone else holds it. */
const LOCK = `${NOW}
local held = redis.call('get', KEYS[1])
if held then
  local ends = tonumber(string.match(held, '^(%d+)|'))
  -- A lock written by an older Hangar (SET NX PX) has no end of its own: its TTL ends it.
  if not ends or ends > now then return 0 end
end
${WRITE}`;

/** KEYS: lock, index. ARGV: holder id. Deletes the lock only if that holder still has it. */
const UNLOCK = `local held = redis.call('get', KEYS[1])
if held and string.match(held, '^%d+|(.*)$') == ARGV[1] then
  redis.call('del', KEYS[1])
  redis.call('zrem', KEYS[2], KEYS[1])
  return 1
end
return 0`;

/** How many ended records one write deletes at most: writes come at least as often as records end. */
const SWEEP_LIMIT = 100;

export class DurableRecords {
  private readonly index: string;

  constructor(
    private readonly connection: RedisConnection,
    prefix = 'hangar:v1',
  ) {
    this.index = `${prefix}:session-records-by-end`;
  }

  /** Stores `payload` under `key` for `ttlMs`. False when Redis did not take it (down, slow, out of memory). */
  async put(key: string, payload: string, ttlMs: number): Promise<boolean> {
    const args = [payload, String(Math.max(1, Math.round(ttlMs))), String(SWEEP_LIMIT)];
    return (await this.connection.run((c) => c.eval(PUT, { keys: [key, this.index], arguments: args }))) === 1;
  }

  /** The payload under `key`, or undefined when there is none, it has ended, or Redis does not answer. */
  async get(key: string): Promise<string | undefined> {
    const value = await this.connection.run((c) => c.eval(GET, { keys: [key] }));
    return typeof value === 'string' ? value : undefined;
  }

  /** Takes the lock `key` for `holder` for `ttlMs`; undefined when Redis does not answer. */
  async lock(key: string, holder: string, ttlMs: number): Promise<boolean | undefined> {
    const args = [holder, String(Math.max(1, Math.round(ttlMs))), String(SWEEP_LIMIT)];
    const answer = await this.connection.run((c) => c.eval(LOCK, { keys: [key, this.index], arguments: args }));
    return answer === undefined ? undefined : answer === 1;
  }

  async unlock(key: string, holder: string): Promise<void> {
    await this.connection.run((c) => c.eval(UNLOCK, { keys: [key, this.index], arguments: [holder] }));
  }
}
