/**
 * The Redis store against a real redis-server: what several Hangar instances share, and how it
 * behaves when Redis is not there.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { RedisStore } from './redis-store';
import { resourceKey, userKeyOf } from './types';

let redis: RedisServer;
const stores: RedisStore[] = [];
const open = (url = redis.url, options?: ConstructorParameters<typeof RedisStore>[1]) => {
  const store = new RedisStore(url, options);
  stores.push(store);
  return store;
};

beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

const mona = userKeyOf('gho_mona_token');
const hubot = userKeyOf('gho_hubot_token');
const list = resourceKey('/user/codespaces', { per_page: 100 });

describe('the Redis store', () => {
  it('shares what one instance stored with another instance', async () => {
    const first = open();
    const second = open();
    await first.putAnswer(mona, list, { etag: 'W/"1"', body: '{"total_count":1}', link: '<x>; rel="next"' });
    expect(await second.getAnswer(mona, list)).toEqual({ etag: 'W/"1"', body: '{"total_count":1}', link: '<x>; rel="next"' });
  });

  it('keeps users apart', async () => {
    const store = open();
    await store.putAnswer(mona, resourceKey('/user'), { etag: 'W/"m"', body: '{"login":"mona"}' });
    expect(await store.getAnswer(hubot, resourceKey('/user'))).toBeUndefined();
  });

  it('keys by token hash, never the token, and lets every answer expire', async () => {
    const store = open(redis.url, { prefix: 'keys-test' });
    await store.putAnswer(userKeyOf('gho_visible_secret'), list, { etag: 'W/"k"', body: '{}' });
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys('keys-test:*');
      expect(keys).toHaveLength(1);
      expect(keys[0]).toContain(userKeyOf('gho_visible_secret'));
      expect(keys[0]).not.toContain('gho_visible_secret');
      expect(await client.get(keys[0]!)).not.toContain('gho_visible_secret');
      const ttl = await client.ttl(keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(6 * 60 * 60);
    } finally {
      await client.close();
    }
  });

  it('shares rate-limit state, which expires after its window', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 60;
    await open().putRateLimit(mona, {
      limit: 5000,
      remaining: 0,
      reset,
      used: 5000,
      resource: 'core',
      blockedUntil: reset * 1000,
      blockedStatus: 403,
    });
    expect(await open().getRateLimit(mona)).toMatchObject({ remaining: 0, blockedUntil: reset * 1000, blockedStatus: 403 });
    expect(await open().getRateLimit(hubot)).toBeUndefined();
  });

  it('misses quietly, and quickly, when Redis is not there', async () => {
    const store = open('redis://127.0.0.1:1', { timeoutMs: 300 });
    const started = Date.now();
    expect(await store.getAnswer(mona, list)).toBeUndefined();
    await store.putAnswer(mona, list, { etag: 'W/"x"', body: '{}' });
    expect(await store.getRateLimit(mona)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the Redis store when Redis goes away and comes back', () => {
  it('misses at once while Redis is down, says so once, and recovers when it is back', async () => {
    const own = await startRedisServer();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = open(own.url, { timeoutMs: 300, prefix: 'outage-test' });
    try {
      await store.putAnswer(mona, list, { etag: 'W/"before"', body: '{}' });
      expect(await store.getAnswer(mona, list)).toMatchObject({ etag: 'W/"before"' });
      expect(await store.available()).toBe(true);

      await own.stop();
      // The first call may wait out the deadline; every one after that misses at once.
      await store.getAnswer(mona, list);
      const started = Date.now();
      for (let i = 0; i < 20; i++) expect(await store.getAnswer(mona, list)).toBeUndefined();
      await store.putAnswer(mona, list, { etag: 'W/"during"', body: '{}' });
      expect(Date.now() - started).toBeLessThan(200);
      expect(await store.available()).toBe(false);
      const complaints = logged.mock.calls.filter((call) => String(call[0]).includes('"state":"unavailable"'));
      expect(complaints).toHaveLength(1);

      const back = await startRedisServer({ port: own.port });
      try {
        await expect.poll(() => store.available(), { timeout: 10_000, interval: 200 }).toBe(true);
        await store.putAnswer(mona, list, { etag: 'W/"after"', body: '{}' });
        expect(await store.getAnswer(mona, list)).toMatchObject({ etag: 'W/"after"' });
      } finally {
        await store.close();
        await back.stop();
      }
    } finally {
      logged.mockRestore();
    }
  }, 30_000);

  it('does not write an answer larger than it may hold', async () => {
    const store = open(redis.url, { prefix: 'size-test', maxAnswerBytes: 1_000 });
    await store.putAnswer(mona, list, { etag: 'W/"big"', body: 'x'.repeat(2_000) });
    expect(await store.getAnswer(mona, list)).toBeUndefined();
    await store.putAnswer(mona, list, { etag: 'W/"small"', body: '{}' });
    expect(await store.getAnswer(mona, list)).toMatchObject({ etag: 'W/"small"' });
  });
});
