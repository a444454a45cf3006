/**
 * Session-critical records in a shared Redis (renewals, their locks, sign-outs): out of reach of
 * the answer cache's eviction, and ended by Hangar itself. Against a real redis-server with the
 * memory cap and policy the README asks for.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '@/lib/github/store/redis-connection.server';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { DurableRecords } from './durable-records.server';
import { EndedSessions, MemoryEndedSessions, RedisEndedSessions } from './ended-sessions.server';
import { RedisRenewalStore, renewalKey } from './renewal-store.server';

const SECRET = 'x'.repeat(32);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: RedisServer;
const connections: RedisConnection[] = [];
const connect = () => {
  const connection = new RedisConnection(redis.url, { timeoutMs: 2_000 });
  connections.push(connection);
  return connection;
};

beforeAll(async () => {
  redis = await startRedisServer({ args: ['--maxmemory', '4mb', '--maxmemory-policy', 'volatile-lru'] });
}, 20_000);
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await redis?.stop();
});

describe('session records in a Redis that evicts', () => {
  it('keeps a renewal, its lock and a sign-out while cached answers fill Redis far past maxmemory', async () => {
    const renewals = new RedisRenewalStore(connect(), SECRET, 'evict');
    const ended = new RedisEndedSessions(connect(), 'evict');
    const tokens = { accessToken: 'ghu_new', refreshToken: 'ghr_new', accessTokenLifetimeS: 28_800 };
    await renewals.put(renewalKey('ghr_spent'), { kind: 'renewed', tokens }, 10 * 60_000);
    await ended.end('signed-out-session', Date.now() + 60 * 60_000);
    const lock = await renewals.lock(renewalKey('ghr_renewing'), 20_000);
    expect(lock.state).toBe('acquired');

    // What the answer store writes: a TTL on every key. 24 MB of them into a 4 MB Redis.
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const body = 'a'.repeat(8 * 1024);
      for (let batch = 0; batch < 30; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            client.set(`evict:answer:${batch}:${i}`, body, { expiration: { type: 'EX', value: 21_600 } }),
          ),
        );
      }
      const stats = await client.info('stats');
      expect(Number(/evicted_keys:(\d+)/.exec(stats)![1])).toBeGreaterThan(1_000);
    } finally {
      await client.close();
    }

    // A request still carrying the old cookie gets the new tokens, not a second spend of ghr_spent.
    expect(await renewals.get(renewalKey('ghr_spent'))).toEqual({ kind: 'renewed', tokens });
    // The signed-out cookie stays signed out.
    expect(await ended.isEnded('signed-out-session')).toBe(true);
    // Another instance still waits for the renewal in progress instead of spending the token too.
    expect((await renewals.lock(renewalKey('ghr_renewing'), 20_000)).state).toBe('held');
  }, 30_000);
});

describe('how Hangar ends its own records', () => {
  it('finds nothing past a record’s end, and the next write sweeps it away', async () => {
    const records = new DurableRecords(connect(), 'sweep');
    expect(await records.put('sweep:a', 'one', 50)).toBe(true);
    expect(await records.get('sweep:a')).toBe('one');
    await sleep(80);
    expect(await records.get('sweep:a')).toBeUndefined();

    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      expect(await client.exists('sweep:a')).toBe(1);
      await records.put('sweep:b', 'two', 60_000);
      expect(await client.exists('sweep:a')).toBe(0);
      expect(await client.zRange('sweep:session-records-by-end', 0, -1)).toEqual(['sweep:b']);
    } finally {
      await client.close();
    }
  });

  it('lets a lock whose holder died be taken once its time is up, and only its holder release it', async () => {
    const records = new DurableRecords(connect(), 'locks');
    expect(await records.lock('locks:l', 'first', 50)).toBe(true);
    expect(await records.lock('locks:l', 'second', 50)).toBe(false);
    await records.unlock('locks:l', 'second');
    expect(await records.lock('locks:l', 'second', 50)).toBe(false);
    await sleep(80);
    expect(await records.lock('locks:l', 'second', 60_000)).toBe(true);
    await records.unlock('locks:l', 'first');
    expect(await records.lock('locks:l', 'third', 60_000)).toBe(false);
    await records.unlock('locks:l', 'second');
    expect(await records.lock('locks:l', 'third', 60_000)).toBe(true);
  });
});

describe('sign-out markers', () => {
  it('are seen by every instance sharing the Redis, for as long as the cookie could live', async () => {
    const now = Date.now();
    const signedOutOn = new EndedSessions(new MemoryEndedSessions(), new RedisEndedSessions(connect(), 'markers'));
    const elsewhere = new EndedSessions(new MemoryEndedSessions(), new RedisEndedSessions(connect(), 'markers'));
    expect(await elsewhere.isEnded('s1')).toBe(false);
    await signedOutOn.end('s1', now + 150);
    expect(await elsewhere.isEnded('s1')).toBe(true);
    expect(await elsewhere.isEnded('s2')).toBe(false);

    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      // The session id is in the encrypted cookie only: Redis holds a hash of it.
      const keys = await client.keys('markers:*');
      expect(keys.every((key) => !key.includes('s1'))).toBe(true);
    } finally {
      await client.close();
    }
    await sleep(200);
    expect(await new RedisEndedSessions(connect(), 'markers').isEnded('s1')).toBe(false);
  });

  it('still hold in the instance that signed out while Redis is down', async () => {
    const down = new RedisConnection('redis://127.0.0.1:1', { timeoutMs: 200 });
    connections.push(down);
    const store = new EndedSessions(new MemoryEndedSessions(), new RedisEndedSessions(down));
    await store.end('s1', Date.now() + 60_000);
    expect(await store.isEnded('s1')).toBe(true);
    expect(await store.isEnded('s2')).toBe(false);
  });

  it('in memory, run out with the cookie, and past the cap the soonest to run out goes first', async () => {
    let now = 0;
    const memory = new MemoryEndedSessions(2, () => now);
    await memory.end('long', 10_000);
    await memory.end('short', 1_000);
    await memory.end('middle', 5_000);
    expect(memory.size).toBe(2);
    expect(await memory.isEnded('short')).toBe(false);
    expect(await memory.isEnded('long')).toBe(true);
    now = 6_000;
    expect(await memory.isEnded('middle')).toBe(false);
    expect(await memory.isEnded('long')).toBe(true);
  });
});
