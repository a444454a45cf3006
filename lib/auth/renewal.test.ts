import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { RedisConnection } from '@/lib/github/store/redis-connection.server';
import { startRedisServer } from '@/lib/test/redis-server';
import { serverForTests } from '@/lib/test/suite-resources';
import { TokenRenewer, type ExchangeResult } from './renewal.server';
import { MemoryRenewalStore, RedisRenewalStore, renewalKey } from './renewal-store.server';

/**
 * A GitHub token endpoint that behaves like GitHub's: each refresh token renews once, into the
 * next pair; a second use is refused. It counts every call, which is what the tests are about.
 */
class FakeGithub {
  calls: string[] = [];
  private spent = new Set<string>();
  private generation = 0;
  delayMs = 20;
  next: 'answer' | 'down' = 'answer';

  exchange = async (refreshToken: string): Promise<ExchangeResult> => {
    this.calls.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.next === 'down') return { kind: 'unavailable' };
    if (this.spent.has(refreshToken) || !refreshToken.startsWith('ghr_')) return { kind: 'rejected' };
    this.spent.add(refreshToken);
    this.generation += 1;
    return {
      kind: 'renewed',
      tokens: {
        accessToken: `ghu_${this.generation}`,
        refreshToken: `ghr_${this.generation}`,
        accessTokenLifetimeS: 28_800,
        accessTokenExpiresAt: Date.now() + 28_800_000,
      },
    };
  };
}

const renewerFor = (github: FakeGithub, shared: RedisRenewalStore | null = null) =>
  new TokenRenewer({ exchange: github.exchange, local: new MemoryRenewalStore(), shared, pollMs: 10 });

describe('renewing a GitHub App token in one instance', () => {
  it('spends the refresh token once when many requests need the renewal at the same moment', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => renewer.renew('ghr_0')));
    expect(github.calls).toEqual(['ghr_0']);
    for (const outcome of outcomes) expect(outcome).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
  });

  it('gives a request that still carries the old cookie the new tokens, without asking GitHub again', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    await renewer.renew('ghr_0');
    // Later: another tab's request, sent before its cookie was replaced.
    expect(await renewer.known('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
    expect(await renewer.renew('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
    expect(github.calls).toEqual(['ghr_0']);
  });

  it('follows renewals made since: a very old cookie gets the newest tokens', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    await renewer.renew('ghr_0');
    await renewer.renew('ghr_1');
    await renewer.renew('ghr_2');
    expect(await renewer.renew('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_3' }) });
    expect(github.calls).toEqual(['ghr_0', 'ghr_1', 'ghr_2']);
  });

  it('ends the session when GitHub refuses the refresh token, and does not ask again for it', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    const outcomes = await Promise.all([renewer.renew('revoked'), renewer.renew('revoked')]);
    expect(outcomes).toEqual([{ kind: 'ended' }, { kind: 'ended' }]);
    expect(await renewer.renew('revoked')).toEqual({ kind: 'ended' });
    expect(await renewer.known('revoked')).toEqual({ kind: 'ended' });
    expect(github.calls).toEqual(['revoked']);
  });

  it('keeps the session when GitHub does not answer, and tries again next time', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    github.next = 'down';
    expect(await renewer.renew('ghr_0')).toEqual({ kind: 'unavailable' });
    expect(await renewer.known('ghr_0')).toBeNull();
    github.next = 'answer';
    expect(await renewer.renew('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
    expect(github.calls).toEqual(['ghr_0', 'ghr_0']);
  });

  it('after sign-out, renews neither the session’s refresh token nor any renewed from it, and names their tokens to revoke', async () => {
    const github = new FakeGithub();
    const renewer = renewerFor(github);
    await renewer.renew('ghr_0');
    await renewer.renew('ghr_1');
    // Signing out with the oldest cookie still ends the newest tokens.
    expect(await renewer.end('ghr_0', 60_000)).toEqual(['ghu_1', 'ghu_2']);
    for (const token of ['ghr_0', 'ghr_1', 'ghr_2']) expect(await renewer.renew(token)).toEqual({ kind: 'ended' });
    expect(github.calls).toEqual(['ghr_0', 'ghr_1']);
  });
});

describe('renewing across instances that share one Redis', () => {
  const redis = serverForTests(startRedisServer, (server) => server.stop());
  // Each test its own namespace: the same refresh token names mean nothing across tests.
  let prefix = '';
  let tests = 0;
  beforeEach(() => {
    prefix = `renewal-test-${++tests}`;
  });
  const shared = (secret = 'x'.repeat(32)) => {
    const connection = redis.closeAfter(new RedisConnection(redis.server.url));
    return new RedisRenewalStore(connection, secret, prefix);
  };

  it('spends the refresh token once when three instances need the renewal at the same moment', async () => {
    const github = new FakeGithub();
    github.delayMs = 150;
    const instances = [renewerFor(github, shared()), renewerFor(github, shared()), renewerFor(github, shared())];
    const outcomes = await Promise.all(instances.flatMap((instance) => [instance.renew('ghr_0'), instance.renew('ghr_0')]));
    expect(github.calls).toEqual(['ghr_0']);
    for (const outcome of outcomes) expect(outcome).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
  });

  it('gives an instance that never saw the renewal the new tokens for an old cookie', async () => {
    const github = new FakeGithub();
    await renewerFor(github, shared()).renew('ghr_0');
    const other = renewerFor(github, shared());
    expect(await other.renew('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
    expect(github.calls).toEqual(['ghr_0']);
  });

  it('stores the renewed tokens encrypted under a hash of the refresh token, for a limited time', async () => {
    const github = new FakeGithub();
    await renewerFor(github, shared()).renew('ghr_0');
    const client = createClient({ url: redis.server.url });
    await client.connect();
    try {
      const name = `${prefix}:renewal:${renewalKey('ghr_0')}`;
      const stored = await client.get(name);
      expect(stored).toBeTruthy();
      for (const secret of ['ghr_0', 'ghu_1', 'ghr_1']) expect(stored).not.toContain(secret);
      // Without a TTL, out of the answer cache's eviction; Hangar ends it with the new token's lifetime.
      expect(await client.pTTL(name)).toBe(-1);
      const ends = await client.zScore(`${prefix}:session-records-by-end`, name);
      expect(ends! - Date.now()).toBeGreaterThan(28_700_000);
      expect(ends! - Date.now()).toBeLessThanOrEqual(28_800_000);
      const keys = await client.keys(`${prefix}:*`);
      for (const key of keys) expect(key).not.toContain('ghr_');
      // No lock is left behind.
      expect(keys.filter((key) => key.includes('renewal-lock'))).toEqual([]);
    } finally {
      await client.close();
    }
    // A deployment with another secret cannot read it: to it, nothing was renewed.
    const foreign = renewerFor(new FakeGithub(), shared('y'.repeat(32)));
    expect(await foreign.known('ghr_0')).toBeNull();
  });

  it('renews alone when Redis is down, rather than not at all', async () => {
    const github = new FakeGithub();
    const down = redis.closeAfter(new RedisConnection('redis://127.0.0.1:1', { timeoutMs: 200 }));
    const renewer = renewerFor(github, new RedisRenewalStore(down, 'x'.repeat(32)));
    expect(await renewer.renew('ghr_0')).toEqual({ kind: 'renewed', tokens: expect.objectContaining({ accessToken: 'ghu_1' }) });
  });
});
