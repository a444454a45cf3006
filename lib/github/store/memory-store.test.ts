import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.server';
import {
  accountKeyOfInstallation,
  accountKeyOfToken,
  accountKeyOfUser,
  answerBytes,
  resourceKey,
  userKeyOf,
  type AccountKey,
  type AnswerKey,
  type CachedAnswer,
  type UserKey,
} from './types.server';

const ALICE = accountKeyOfUser(1001);
const BOB = accountKeyOfUser(1002);
/** A token's answer for `resource`, counted against the token's account (alice's and bob's by default). */
const at = (user: UserKey, resource: string, account: AccountKey = user === bob ? BOB : ALICE): AnswerKey => ({ user, account, resource });
const alice = userKeyOf('gho_alice');
const bob = userKeyOf('gho_bob');
const answer = (body: string, etag = `W/"${body.length}"`): CachedAnswer => ({ etag, body, headers: { etag } });

describe('the in-memory store of conditional-request answers', () => {
  it('gives back what was stored for the same user and resource', async () => {
    const store = new MemoryStore();
    await store.putAnswer(at(alice, 'GET /user/codespaces?per_page=100'), answer('{"total_count":0}', 'W/"a"'));
    expect(await store.getAnswer(at(alice, 'GET /user/codespaces?per_page=100'))).toEqual({
      etag: 'W/"a"',
      body: '{"total_count":0}',
      headers: { etag: 'W/"a"' },
    });
    expect(await store.getAnswer(at(alice, 'GET /user/codespaces?per_page=30'))).toBeUndefined();
  });

  it('never serves one user’s answer to another', async () => {
    const store = new MemoryStore();
    await store.putAnswer(at(alice, 'GET /user'), answer('{"login":"alice"}'));
    expect(await store.getAnswer(at(bob, 'GET /user'))).toBeUndefined();
    await store.putAnswer(at(bob, 'GET /user'), answer('{"login":"bob"}'));
    expect((await store.getAnswer(at(alice, 'GET /user')))?.body).toBe('{"login":"alice"}');
    expect((await store.getAnswer(at(bob, 'GET /user')))?.body).toBe('{"login":"bob"}');
  });

  it('stays under its byte cap by evicting the least recently used answers first', async () => {
    const body = 'x'.repeat(1_000);
    const one = answerBytes('GET /r0', answer(body));
    // Room for exactly ten answers of this size, whoever they belong to.
    const store = new MemoryStore({ maxBytes: one * 10 + 10 });
    for (let i = 0; i < 10; i++) await store.putAnswer(at(i % 2 ? bob : alice, `GET /r${i}`), answer(body));
    expect(store.size).toBe(10);
    // Reading r0 makes it recent: r1 is now the oldest, and goes when r10 arrives.
    await store.getAnswer(at(alice, 'GET /r0'));
    await store.putAnswer(at(alice, 'GET /r10'), answer(body));

    expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
    expect(store.size).toBe(10);
    expect(await store.getAnswer(at(bob, 'GET /r1'))).toBeUndefined();
    expect(await store.getAnswer(at(alice, 'GET /r0'))).toBeDefined();
    expect(await store.getAnswer(at(alice, 'GET /r10'))).toBeDefined();
  });

  it('counts a replaced answer once, not twice', async () => {
    const store = new MemoryStore();
    await store.putAnswer(at(alice, 'GET /r'), answer('a'.repeat(500)));
    const before = store.bytes;
    await store.putAnswer(at(alice, 'GET /r'), answer('b'.repeat(500)));
    expect(store.bytes).toBe(before);
    expect(store.size).toBe(1);
  });

  it('does not let one huge answer flush everyone else’s', async () => {
    const store = new MemoryStore({ maxBytes: 80_000 });
    await store.putAnswer(at(alice, 'GET /small'), answer('{}'));
    await store.putAnswer(at(bob, 'GET /huge'), answer('x'.repeat(20_000)));
    expect(await store.getAnswer(at(bob, 'GET /huge'))).toBeUndefined();
    expect(await store.getAnswer(at(alice, 'GET /small'))).toBeDefined();
  });

  it('counts non-Latin-1 text at two bytes a character', () => {
    expect(answerBytes('GET /r', answer('😀'.repeat(100))) - answerBytes('GET /r', answer('x'.repeat(200)))).toBe(200);
  });

  it('remembers each user’s rate-limit state apart, for a bounded number of users', async () => {
    const store = new MemoryStore({ maxRateLimitUsers: 2 });
    const state = { limit: 5000, remaining: 4999, reset: 1, used: 1, resource: 'core' };
    await store.putRateLimit(alice, state);
    await store.putRateLimit(bob, { ...state, remaining: 0 });
    expect((await store.getRateLimit(alice))?.remaining).toBe(4999);
    expect((await store.getRateLimit(bob))?.remaining).toBe(0);
    await store.putRateLimit(userKeyOf('gho_carol'), state);
    expect(await store.getRateLimit(alice)).toBeUndefined();
  });
});

describe('a stored answer freshened by a 304', () => {
  it('takes the new ETag and headers, in place, and counts their bytes', async () => {
    const store = new MemoryStore();
    const key = at(alice, 'GET /user/codespaces');
    await store.putAnswer(key, {
      etag: 'W/"1"',
      body: '{}',
      headers: { etag: 'W/"1"', 'x-github-sso': 'partial-results; organizations=1' },
    });
    const stored = await store.getAnswer(key);
    const headers = { etag: 'W/"2"', 'x-github-sso': 'partial-results; organizations=1', 'x-ratelimit-remaining': '4999' };
    await store.freshenAnswer(key, { revalidated: 'W/"1"', etag: 'W/"2"', headers });

    const freshened = await store.getAnswer(key);
    expect(freshened).toBe(stored);
    expect(freshened).toEqual({ etag: 'W/"2"', body: '{}', headers });
    expect(store.bytes).toBe(answerBytes('GET /user/codespaces', freshened!));
    expect(store.bytesOf(ALICE)).toBe(store.bytes);
  });

  it('leaves alone a newer body stored meanwhile (by another request)', async () => {
    const store = new MemoryStore();
    const key = at(alice, 'GET /user/codespaces');
    await store.putAnswer(key, answer('{"new":true}', 'W/"new"'));
    await store.freshenAnswer(key, { revalidated: 'W/"old"', etag: 'W/"old"', headers: { etag: 'W/"old"' } });
    expect(await store.getAnswer(key)).toEqual(answer('{"new":true}', 'W/"new"'));
  });
});

describe('store keys', () => {
  it('name an account by its GitHub id, whatever the token; an installation or an unknown token apart', () => {
    expect(accountKeyOfUser(583_400)).toBe('user:583400');
    expect(accountKeyOfUser('583400')).toBe(accountKeyOfUser(583_400));
    expect(accountKeyOfInstallation(583_400)).toBe('installation:583400');
    expect(accountKeyOfToken('gho_secret_token_123')).toBe(`token:${userKeyOf('gho_secret_token_123')}`);
    expect(accountKeyOfToken('gho_secret_token_123')).not.toContain('gho_secret');
    for (const id of ['mona', '', '0', '-1', '1.5', 'user:1']) expect(() => accountKeyOfUser(id)).toThrow();
  });

  it('name the user by a hash of their token, never the token', () => {
    const key = userKeyOf('gho_secret_token_123');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('gho_secret_token_123');
    expect(userKeyOf('gho_secret_token_123')).toBe(key);
    expect(userKeyOf('gho_secret_token_124')).not.toBe(key);
  });

  it('name a resource the same way however its query was written', () => {
    expect(resourceKey('/user/codespaces', { per_page: 100, page: 2 })).toBe(
      resourceKey('/user/codespaces', { page: '2', per_page: '100' }),
    );
    expect(resourceKey('/user/codespaces', { per_page: 100, page: 2 })).toBe('GET /user/codespaces?page=2&per_page=100');
    expect(resourceKey('/user')).toBe('GET /user');
  });
});

describe('a noisy neighbour in the in-memory store', () => {
  const body = 'x'.repeat(1_000);
  const one = answerBytes('GET /r/000', answer(body));

  it('lets one account signing in again and again (a token each time) evict only its own answers, never another account’s', async () => {
    // Security review, finding 1: 48 sign-ins as one person, each followed by two ~365 KB reads,
    // with the default caps. Counted per token, they evicted another person's list.
    const store = new MemoryStore();
    const list = 'GET /user/codespaces?per_page=100';
    await store.putAnswer(at(bob, list), answer('{"total_count":3}'));
    const big = answer(`{"codespaces":[${'"x",'.repeat(91_000)}"x"]}`);
    for (let signIn = 1; signIn <= 48; signIn++) {
      const token = userKeyOf(`gho_alice_sign_in_${signIn}`);
      await store.putAnswer(at(token, list, ALICE), big);
      await store.putAnswer(at(token, `${list}&page=2`, ALICE), big);
    }

    expect(await store.getAnswer(at(bob, list))).toBeDefined();
    expect(store.bytesOf(ALICE)).toBeLessThanOrEqual(store.maxAccountBytes);
    // Alice's latest sign-in keeps its answers; the superseded tokens' went first.
    expect(await store.getAnswer(at(userKeyOf('gho_alice_sign_in_48'), list, ALICE))).toBeDefined();
    expect(await store.getAnswer(at(userKeyOf('gho_alice_sign_in_1'), list, ALICE))).toBeUndefined();
    expect(store.bytes).toBe(store.bytesOf(ALICE) + store.bytesOf(BOB));
  });

  it('still serves an answer only to the token that fetched it, whichever account it counts against', async () => {
    const store = new MemoryStore();
    const first = userKeyOf('gho_alice_laptop');
    await store.putAnswer(at(first, 'GET /user/repos', ALICE), answer('[{"private":true}]'));
    expect(await store.getAnswer(at(userKeyOf('gho_alice_phone'), 'GET /user/repos', ALICE))).toBeUndefined();
    expect(await store.getAnswer(at(first, 'GET /user/repos', ALICE))).toBeDefined();
  });

  it('lets one user filling the store evict only their own answers, never another user’s', async () => {
    // Room for 100 answers in all, 10 per user.
    const store = new MemoryStore({ maxBytes: one * 100, maxAccountBytes: one * 10 });
    await store.putAnswer(at(bob, 'GET /r/000'), answer(body));
    await store.putAnswer(at(bob, 'GET /r/001'), answer(body));
    for (let i = 0; i < 500; i++) await store.putAnswer(at(alice, `GET /r/${String(i).padStart(3, '0')}`), answer(body));

    expect(await store.getAnswer(at(bob, 'GET /r/000'))).toBeDefined();
    expect(await store.getAnswer(at(bob, 'GET /r/001'))).toBeDefined();
    expect(store.bytesOf(ALICE)).toBeLessThanOrEqual(store.maxAccountBytes);
    // Alice keeps her most recent answers.
    expect(await store.getAnswer(at(alice, 'GET /r/499'))).toBeDefined();
    expect(await store.getAnswer(at(alice, 'GET /r/480'))).toBeUndefined();
    expect(store.size).toBe(12);
  });

  it('evicts a user’s least recently used answer first, counting what they read as used', async () => {
    const store = new MemoryStore({ maxBytes: one * 100, maxAccountBytes: one * 3 + 10 });
    for (const r of ['GET /r/000', 'GET /r/001', 'GET /r/002']) await store.putAnswer(at(alice, r), answer(body));
    await store.getAnswer(at(alice, 'GET /r/000'));
    await store.putAnswer(at(alice, 'GET /r/003'), answer(body));
    expect(await store.getAnswer(at(alice, 'GET /r/001'))).toBeUndefined();
    expect(await store.getAnswer(at(alice, 'GET /r/000'))).toBeDefined();
  });

  it('keeps no answer larger than a user’s whole quota', async () => {
    const store = new MemoryStore({ maxBytes: 1_000_000, maxAccountBytes: 5_000 });
    await store.putAnswer(at(alice, 'GET /small'), answer('{}'));
    await store.putAnswer(at(alice, 'GET /huge'), answer('x'.repeat(6_000)));
    expect(await store.getAnswer(at(alice, 'GET /huge'))).toBeUndefined();
    expect(await store.getAnswer(at(alice, 'GET /small'))).toBeDefined();
  });

  it('counts a user’s bytes back down as their answers go, so the quota never leaks', async () => {
    const store = new MemoryStore({ maxBytes: one * 4, maxAccountBytes: one * 4 });
    for (let i = 0; i < 20; i++) await store.putAnswer(at(i % 2 ? alice : bob, `GET /r/${String(i).padStart(3, '0')}`), answer(body));
    expect(store.bytesOf(ALICE) + store.bytesOf(BOB)).toBe(store.bytes);
    await store.close();
    expect(store.bytesOf(ALICE)).toBe(0);
  });
});
