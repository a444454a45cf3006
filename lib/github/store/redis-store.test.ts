/**
 * The Redis store against a real redis-server: what several Hangar instances share, and how it
 * behaves when Redis is not there.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { RedisStore } from './redis-store.server';
import { accountKeyOfUser, resourceKey, userKeyOf, type AnswerKey, type CachedAnswer, type UserKey } from './types.server';

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
const MONA = accountKeyOfUser(583_231);
const HUBOT = accountKeyOfUser(583_232);
const list = resourceKey('/user/codespaces', { per_page: 100 });
/** A token's answer for `resource`, counted against mona's account (hubot's for his token). */
const at = (user: UserKey, resource: string, account = user === hubot ? HUBOT : MONA): AnswerKey => ({ user, account, resource });
const answer = (etag: string, body: string, headers: Record<string, string> = {}): CachedAnswer => ({
  etag,
  body,
  headers: { etag, ...headers },
});

describe('the Redis store', () => {
  it('shares what one instance stored with another instance', async () => {
    const first = open();
    const second = open();
    const stored = answer('W/"1"', '{"total_count":1}', { link: '<x>; rel="next"', 'x-github-sso': 'partial-results; organizations=7' });
    await first.putAnswer(at(mona, list), stored);
    expect(await second.getAnswer(at(mona, list))).toEqual(stored);
  });

  it('keeps users apart', async () => {
    const store = open();
    await store.putAnswer(at(mona, resourceKey('/user')), answer('W/"m"', '{"login":"mona"}'));
    expect(await store.getAnswer(at(hubot, resourceKey('/user')))).toBeUndefined();
  });

  it('keys by token hash and account hash, never the token or the account, and lets every key expire', async () => {
    const store = open(redis.url, { prefix: 'keys-test' });
    await store.putAnswer(at(userKeyOf('gho_visible_secret'), list), answer('W/"k"', '{}'));
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = (await client.keys('keys-test:*')).sort();
      expect(keys.map((key) => key.replace(/[0-9a-f]{32,64}/g, '…'))).toEqual([
        'keys-test:answer:…:…',
        'keys-test:quota-lru:…',
        'keys-test:quota:…',
      ]);
      expect(keys[0]).toContain(userKeyOf('gho_visible_secret'));
      for (const key of keys) {
        expect(key).not.toContain('gho_visible_secret');
        expect(key).not.toContain('583231');
        expect(JSON.stringify(await client.dump(key))).not.toContain('gho_visible_secret');
        const ttl = await client.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(6 * 60 * 60);
      }
    } finally {
      await client.close();
    }
  });

  it('takes an answer an earlier version wrote in another shape as a miss, and replaces it', async () => {
    const store = open(redis.url, { prefix: 'shape-test' });
    const key = at(mona, list);
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      await store.putAnswer(key, answer('W/"new"', '{}'));
      const [answerKey] = await client.keys('shape-test:answer:*');
      // As the store before hashes wrote it: one JSON string.
      await client.set(answerKey!, JSON.stringify({ etag: 'W/"old"', body: '{}', resource: list }));
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        expect(await store.getAnswer(key)).toBeUndefined();
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
      await store.putAnswer(key, answer('W/"new"', '{}'));
      expect(await store.getAnswer(key)).toMatchObject({ etag: 'W/"new"' });
    } finally {
      await client.close();
    }
  });

  it('freshens a stored answer with a 304’s headers, unless a newer body was stored meanwhile', async () => {
    const store = open();
    const key = at(mona, resourceKey('/user/codespaces', { per_page: 3 }));
    await store.putAnswer(key, answer('W/"1"', '{}', { 'x-github-sso': 'partial-results; organizations=7' }));
    const headers = { etag: 'W/"2"', 'x-github-sso': 'partial-results; organizations=7', 'x-ratelimit-remaining': '4999' };
    await store.freshenAnswer(key, { revalidated: 'W/"1"', etag: 'W/"2"', headers });
    expect(await store.getAnswer(key)).toEqual({ etag: 'W/"2"', body: '{}', headers });

    await store.freshenAnswer(key, { revalidated: 'W/"1"', etag: 'W/"stale"', headers: { etag: 'W/"stale"' } });
    expect(await store.getAnswer(key)).toMatchObject({ etag: 'W/"2"' });
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
    expect(await store.getAnswer(at(mona, list))).toBeUndefined();
    await store.putAnswer(at(mona, list), answer('W/"x"', '{}'));
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
      await store.putAnswer(at(mona, list), answer('W/"before"', '{}'));
      expect(await store.getAnswer(at(mona, list))).toMatchObject({ etag: 'W/"before"' });
      expect(await store.available()).toBe(true);

      await own.stop();
      // The first call may wait out the deadline; every one after that misses at once.
      await store.getAnswer(at(mona, list));
      const started = Date.now();
      for (let i = 0; i < 20; i++) expect(await store.getAnswer(at(mona, list))).toBeUndefined();
      await store.putAnswer(at(mona, list), answer('W/"during"', '{}'));
      expect(Date.now() - started).toBeLessThan(200);
      expect(await store.available()).toBe(false);
      const complaints = logged.mock.calls.filter((call) => String(call[0]).includes('"state":"unavailable"'));
      expect(complaints).toHaveLength(1);

      const back = await startRedisServer({ port: own.port });
      try {
        await expect.poll(() => store.available(), { timeout: 10_000, interval: 200 }).toBe(true);
        await store.putAnswer(at(mona, list), answer('W/"after"', '{}'));
        expect(await store.getAnswer(at(mona, list))).toMatchObject({ etag: 'W/"after"' });
      } finally {
        await store.close();
        await back.stop();
      }
    } finally {
      logged.mockRestore();
    }
  }, 30_000);

  it('does not write an answer larger than an account may hold', async () => {
    const store = open(redis.url, { prefix: 'size-test', maxAccountBytes: 1_000 });
    await store.putAnswer(at(mona, list), answer('W/"big"', 'x'.repeat(2_000)));
    expect(await store.getAnswer(at(mona, list))).toBeUndefined();
    await store.putAnswer(at(mona, list), answer('W/"small"', '{}'));
    expect(await store.getAnswer(at(mona, list))).toMatchObject({ etag: 'W/"small"' });
  });
});

describe('each account’s quota in the Redis store', () => {
  const big = (n: number) => `{"codespaces":[${`"${n}",`.repeat(91_000)}"x"]}`;
  /** The bytes Redis holds in answers under `prefix`: every entry's fields. */
  async function heldBytes(prefix: string): Promise<number> {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      let total = 0;
      for (const key of await client.keys(`${prefix}:answer:*`)) {
        for (const value of Object.values(await client.hGetAll(key))) total += Buffer.byteLength(value);
      }
      return total;
    } finally {
      await client.close();
    }
  }

  it('holds an account to its quota, all its tokens together, keeping its most recent answers', async () => {
    // Security review, finding 2: one token stored ~11 MB in Redis against the documented 2 MB.
    const store = open(redis.url, { prefix: 'quota-test' });
    for (let signIn = 1; signIn <= 15; signIn++) {
      const token = userKeyOf(`gho_mona_sign_in_${signIn}`);
      await store.putAnswer(at(token, list), answer(`W/"${signIn}a"`, big(signIn)));
      await store.putAnswer(at(token, `${list}&page=2`), answer(`W/"${signIn}b"`, big(signIn)));
    }
    expect(await store.bytesOf(MONA)).toBeLessThanOrEqual(store.maxAccountBytes);
    expect(await heldBytes('quota-test')).toBeLessThanOrEqual(store.maxAccountBytes);
    expect(await heldBytes('quota-test')).toBeGreaterThan(store.maxAccountBytes / 2);
    expect(await store.getAnswer(at(userKeyOf('gho_mona_sign_in_15'), `${list}&page=2`))).toMatchObject({ etag: 'W/"15b"' });
    expect(await store.getAnswer(at(userKeyOf('gho_mona_sign_in_1'), list))).toBeUndefined();
  });

  it('evicts an account’s least recently used answer first, counting what it read as used', async () => {
    const store = open(redis.url, { prefix: 'lru-test', maxAccountBytes: 1_000_000 });
    const page = (n: number) => `${list}&page=${n}`;
    for (const n of [1, 2]) await store.putAnswer(at(mona, page(n)), answer(`W/"${n}"`, big(n)));
    await store.getAnswer(at(mona, page(1)));
    await store.putAnswer(at(mona, page(3)), answer('W/"3"', big(3)));
    expect(await store.getAnswer(at(mona, page(2)))).toBeUndefined();
    expect(await store.getAnswer(at(mona, page(1)))).toMatchObject({ etag: 'W/"1"' });
    expect(await store.getAnswer(at(mona, page(3)))).toMatchObject({ etag: 'W/"3"' });
  });

  it('holds the quota when several instances write for one account at once', async () => {
    const instances = [
      open(redis.url, { prefix: 'race-test' }),
      open(redis.url, { prefix: 'race-test' }),
      open(redis.url, { prefix: 'race-test' }),
    ];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        instances[i % 3]!.putAnswer(at(userKeyOf(`gho_mona_tab_${i}`), list), answer(`W/"${i}"`, big(i))),
      ),
    );
    expect(await instances[0]!.bytesOf(MONA)).toBeLessThanOrEqual(instances[0]!.maxAccountBytes);
    expect(await heldBytes('race-test')).toBeLessThanOrEqual(instances[0]!.maxAccountBytes);
  });

  it('lets many sign-ins of one account never make a full Redis evict another account’s answer', async () => {
    // 48 sign-ins as mona, two ~365 KB lists each (35 MB), into a Redis that holds 24 MB and evicts
    // its least recently used keys when full: without quotas, hubot's list went.
    const small = await startRedisServer({ args: ['--maxmemory', '24mb', '--maxmemory-policy', 'allkeys-lru'] });
    const store = open(small.url, { prefix: 'neighbour-test', timeoutMs: 5_000 });
    try {
      await store.putAnswer(at(hubot, list), answer('W/"hubot"', '{"total_count":3}'));
      for (let signIn = 1; signIn <= 48; signIn++) {
        const token = userKeyOf(`gho_mona_sign_in_${signIn}`);
        await store.putAnswer(at(token, list), answer(`W/"${signIn}a"`, big(signIn)));
        await store.putAnswer(at(token, `${list}&page=2`), answer(`W/"${signIn}b"`, big(signIn)));
      }
      expect(await store.getAnswer(at(hubot, list))).toMatchObject({ etag: 'W/"hubot"' });
      expect(await store.bytesOf(MONA)).toBeLessThanOrEqual(store.maxAccountBytes);
    } finally {
      await store.close();
      await small.stop();
    }
  }, 30_000);
});
