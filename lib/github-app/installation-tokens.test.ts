/**
 * Installation tokens are kept until shortly before they expire, and taken anew once for everyone:
 * callers at the same moment in one process, and two instances sharing a real redis-server, ask
 * GitHub (the emulator) for one token between them, then for one more when it is due.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '@/lib/github/store/redis-connection.server';
import { startAppGithub, type AppGithub } from '@/lib/test/github-app';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { githubAppAuth } from './app-auth.server';
import { InstallationTokens, RENEW_BEFORE_MS } from './installation-tokens.server';
import { MemoryInstallationTokenStore, RedisInstallationTokenStore, type InstallationToken } from './token-store.server';

const SECRET = 'a-secret-every-instance-shares-0123456789';
let gh: AppGithub;
let redis: RedisServer;
let installationId: number;
const connections: RedisConnection[] = [];

beforeAll(async () => {
  [gh, redis] = await Promise.all([startAppGithub(), startRedisServer()]);
  installationId = (await githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl }).installationId('octo-org'))!;
}, 30_000);

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await Promise.all([gh?.close(), redis?.stop()]);
});

/**
 * One Hangar instance: its own app credential, memory, and (with Redis) its own connection to the
 * shared one. It asks GitHub for tokens itself (POST …/access_tokens with its JWT): auth-app's own
 * in-process deduplication would otherwise join the two instances' requests in this one test process.
 */
function instance({ shared = true, renewBeforeMs = RENEW_BEFORE_MS, url = redis.url } = {}) {
  const app = githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl });
  const mint = async (id: number): Promise<InstallationToken> => {
    const answer = await fetch(`${gh.apiUrl}/app/installations/${id}/access_tokens`, {
      method: 'POST',
      headers: { authorization: `bearer ${await app.jwt()}`, accept: 'application/vnd.github+json' },
    });
    if (answer.status !== 201) throw new Error(`GitHub answered ${answer.status}`);
    const { token, expires_at } = (await answer.json()) as { token: string; expires_at: string };
    return { token, expiresAt: Date.parse(expires_at) };
  };
  let store: RedisInstallationTokenStore | null = null;
  if (shared) {
    const connection = new RedisConnection(url, { timeoutMs: 300 });
    connections.push(connection);
    store = new RedisInstallationTokenStore(connection, SECRET);
  }
  return new InstallationTokens({
    appId: gh.appId,
    mint,
    local: new MemoryInstallationTokenStore(),
    shared: store,
    renewBeforeMs,
    pollMs: 20,
  });
}

describe('within one instance', () => {
  it('keeps its token until five minutes before it expires, then takes one new token for every caller', async () => {
    let now = 0;
    let minted = 0;
    const tokens = new InstallationTokens({
      appId: '1',
      mint: async (): Promise<InstallationToken> => ({ token: `ghs_${++minted}`, expiresAt: now + 60 * 60_000 }),
      local: new MemoryInstallationTokenStore(() => now),
      now: () => now,
    });
    expect(await Promise.all([tokens.get(7), tokens.get(7), tokens.get(7)])).toEqual(['ghs_1', 'ghs_1', 'ghs_1']);
    now += 54 * 60_000;
    expect(await tokens.get(7)).toBe('ghs_1');
    now += 2 * 60_000;
    expect(await Promise.all([tokens.get(7), tokens.get(7)])).toEqual(['ghs_2', 'ghs_2']);
    expect(minted).toBe(2);
    // Each installation has its own.
    expect(await tokens.get(8)).toBe('ghs_3');
  });

  it('forgets a token GitHub refused, so the next caller gets a new one', async () => {
    let minted = 0;
    const tokens = new InstallationTokens({
      appId: '1',
      mint: async () => ({ token: `ghs_${++minted}`, expiresAt: Date.now() + 60 * 60_000 }),
      local: new MemoryInstallationTokenStore(),
    });
    const first = await tokens.get(7);
    await tokens.forget(7, first);
    expect(await tokens.get(7)).toBe('ghs_2');
  });
});

describe('two instances sharing a redis-server', () => {
  it('take one token from GitHub between them, and share it', { timeout: 30_000 }, async () => {
    const before = gh.tokensMinted();
    const [a, b] = [instance(), instance()];
    const got = await Promise.all([a.get(installationId), b.get(installationId), a.get(installationId), b.get(installationId)]);
    expect(new Set(got).size).toBe(1);
    expect(got[0]).toMatch(/^ghs_/);
    expect(gh.tokensMinted() - before).toBe(1);
    // The token works for both: it is GitHub's.
    const list = await fetch(`${gh.apiUrl}/orgs/octo-org/codespaces`, { headers: { authorization: `token ${got[0]}` } });
    expect(list.status).toBe(200);
  });

  it('renew it once between them when it is due', { timeout: 30_000 }, async () => {
    // Due 3 seconds after it is taken (GitHub's hour, less all but three seconds of it).
    const renewBeforeMs = 60 * 60_000 - 3_000;
    const [a, b] = [instance({ renewBeforeMs }), instance({ renewBeforeMs })];
    const first = await Promise.all([a.get(installationId), b.get(installationId)]);
    const afterFirst = gh.tokensMinted();
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const second = await Promise.all([a.get(installationId), b.get(installationId), b.get(installationId)]);
    expect(new Set(second).size).toBe(1);
    expect(second[0]).not.toBe(first[0]);
    expect(gh.tokensMinted() - afterFirst).toBe(1);
  });

  it('keep the token encrypted in Redis: what is stored there is not the token', { timeout: 30_000 }, async () => {
    const a = instance();
    const token = await a.get(installationId);
    const { createClient } = await import('redis');
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys('hangar:v1:installation-token:*');
      expect(keys).toEqual([`hangar:v1:installation-token:${gh.appId}:${installationId}`]);
      const stored = await client.get(keys[0]!);
      expect(stored).not.toContain(token);
      expect(stored).not.toContain('ghs_');
    } finally {
      await client.close();
    }
  });

  it('each take their own while Redis is down, and work on', { timeout: 30_000 }, async () => {
    const before = gh.tokensMinted();
    const down = 'redis://127.0.0.1:1';
    const [a, b] = [instance({ url: down }), instance({ url: down })];
    const [ta, tb] = await Promise.all([a.get(installationId), b.get(installationId)]);
    expect(ta).toMatch(/^ghs_/);
    expect(tb).toMatch(/^ghs_/);
    expect(gh.tokensMinted() - before).toBe(2);
  });
});
