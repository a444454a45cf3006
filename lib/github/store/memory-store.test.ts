import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import { answerBytes, resourceKey, userKeyOf, type CachedAnswer } from './types';

const alice = userKeyOf('gho_alice');
const bob = userKeyOf('gho_bob');
const answer = (body: string, etag = `W/"${body.length}"`): CachedAnswer => ({ etag, body });

describe('the in-memory store of conditional-request answers', () => {
  it('gives back what was stored for the same user and resource', async () => {
    const store = new MemoryStore();
    await store.putAnswer(alice, 'GET /user/codespaces?per_page=100', answer('{"total_count":0}', 'W/"a"'));
    expect(await store.getAnswer(alice, 'GET /user/codespaces?per_page=100')).toEqual({ etag: 'W/"a"', body: '{"total_count":0}' });
    expect(await store.getAnswer(alice, 'GET /user/codespaces?per_page=30')).toBeUndefined();
  });

  it('never serves one user’s answer to another', async () => {
    const store = new MemoryStore();
    await store.putAnswer(alice, 'GET /user', answer('{"login":"alice"}'));
    expect(await store.getAnswer(bob, 'GET /user')).toBeUndefined();
    await store.putAnswer(bob, 'GET /user', answer('{"login":"bob"}'));
    expect((await store.getAnswer(alice, 'GET /user'))?.body).toBe('{"login":"alice"}');
    expect((await store.getAnswer(bob, 'GET /user'))?.body).toBe('{"login":"bob"}');
  });

  it('stays under its byte cap by evicting the least recently used answers first', async () => {
    const body = 'x'.repeat(1_000);
    const one = answerBytes('GET /r0', answer(body));
    // Room for exactly ten answers of this size, whoever they belong to.
    const store = new MemoryStore({ maxBytes: one * 10 + 10 });
    for (let i = 0; i < 10; i++) await store.putAnswer(i % 2 ? bob : alice, `GET /r${i}`, answer(body));
    expect(store.size).toBe(10);
    // Reading r0 makes it recent: r1 is now the oldest, and goes when r10 arrives.
    await store.getAnswer(alice, 'GET /r0');
    await store.putAnswer(alice, 'GET /r10', answer(body));

    expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
    expect(store.size).toBe(10);
    expect(await store.getAnswer(bob, 'GET /r1')).toBeUndefined();
    expect(await store.getAnswer(alice, 'GET /r0')).toBeDefined();
    expect(await store.getAnswer(alice, 'GET /r10')).toBeDefined();
  });

  it('counts a replaced answer once, not twice', async () => {
    const store = new MemoryStore();
    await store.putAnswer(alice, 'GET /r', answer('a'.repeat(500)));
    const before = store.bytes;
    await store.putAnswer(alice, 'GET /r', answer('b'.repeat(500)));
    expect(store.bytes).toBe(before);
    expect(store.size).toBe(1);
  });

  it('does not let one huge answer flush everyone else’s', async () => {
    const store = new MemoryStore({ maxBytes: 80_000 });
    await store.putAnswer(alice, 'GET /small', answer('{}'));
    await store.putAnswer(bob, 'GET /huge', answer('x'.repeat(20_000)));
    expect(await store.getAnswer(bob, 'GET /huge')).toBeUndefined();
    expect(await store.getAnswer(alice, 'GET /small')).toBeDefined();
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

describe('store keys', () => {
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

  it('lets one user filling the store evict only their own answers, never another user’s', async () => {
    // Room for 100 answers in all, 10 per user.
    const store = new MemoryStore({ maxBytes: one * 100, maxUserBytes: one * 10 });
    await store.putAnswer(bob, 'GET /r/000', answer(body));
    await store.putAnswer(bob, 'GET /r/001', answer(body));
    for (let i = 0; i < 500; i++) await store.putAnswer(alice, `GET /r/${String(i).padStart(3, '0')}`, answer(body));

    expect(await store.getAnswer(bob, 'GET /r/000')).toBeDefined();
    expect(await store.getAnswer(bob, 'GET /r/001')).toBeDefined();
    expect(store.bytesOf(alice)).toBeLessThanOrEqual(store.maxUserBytes);
    // Alice keeps her most recent answers.
    expect(await store.getAnswer(alice, 'GET /r/499')).toBeDefined();
    expect(await store.getAnswer(alice, 'GET /r/480')).toBeUndefined();
    expect(store.size).toBe(12);
  });

  it('evicts a user’s least recently used answer first, counting what they read as used', async () => {
    const store = new MemoryStore({ maxBytes: one * 100, maxUserBytes: one * 3 + 10 });
    for (const r of ['GET /r/000', 'GET /r/001', 'GET /r/002']) await store.putAnswer(alice, r, answer(body));
    await store.getAnswer(alice, 'GET /r/000');
    await store.putAnswer(alice, 'GET /r/003', answer(body));
    expect(await store.getAnswer(alice, 'GET /r/001')).toBeUndefined();
    expect(await store.getAnswer(alice, 'GET /r/000')).toBeDefined();
  });

  it('keeps no answer larger than a user’s whole quota', async () => {
    const store = new MemoryStore({ maxBytes: 1_000_000, maxUserBytes: 5_000 });
    await store.putAnswer(alice, 'GET /small', answer('{}'));
    await store.putAnswer(alice, 'GET /huge', answer('x'.repeat(6_000)));
    expect(await store.getAnswer(alice, 'GET /huge')).toBeUndefined();
    expect(await store.getAnswer(alice, 'GET /small')).toBeDefined();
  });

  it('counts a user’s bytes back down as their answers go, so the quota never leaks', async () => {
    const store = new MemoryStore({ maxBytes: one * 4, maxUserBytes: one * 4 });
    for (let i = 0; i < 20; i++) await store.putAnswer(i % 2 ? alice : bob, `GET /r/${String(i).padStart(3, '0')}`, answer(body));
    expect(store.bytesOf(alice) + store.bytesOf(bob)).toBe(store.bytes);
    await store.close();
    expect(store.bytesOf(alice)).toBe(0);
  });
});
