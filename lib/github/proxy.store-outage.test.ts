/**
 * A shared store that goes away: the proxy with a real redis-server as its store, stopped in the
 * middle and started again. Hangar keeps answering from GitHub, the health check says `degraded`,
 * and everything is as before once Redis is back. Never a 5xx because of the cache.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { RedisStore } from '@/lib/github/store/redis-store.server';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { configureAppForEmulator, sessionCookie } from '@/lib/test/session';

const APP = 'http://hangar.test';
const SECRET = 'outage-secret-outage-secret-outage-secret';

let upstream: RunningEmulator;
let redis: RedisServer;
let store: RedisStore;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let health: () => Promise<Response>;
let cookie: string;

beforeAll(async () => {
  redis = await startRedisServer();
  upstream = await startEmulatorServer({ control: true, transitionMs: 60_000 });
  configureAppForEmulator(upstream.url, { client: 'outage-client', appUrl: APP, secret: SECRET });
  ({ proxyGithubRequest } = await import('@/lib/operations/proxy.server'));
  ({ GET: health } = await import('@/app/api/health/route'));
  const { setGithubStore } = await import('@/lib/github/store.server');
  store = new RedisStore(redis.url, { timeoutMs: 300, prefix: 'outage' });
  setGithubStore(store);
  cookie = await sessionCookie('mona', upstream.emulator.issueToken('mona'), SECRET);
}, 20_000);

afterAll(async () => {
  await store?.close();
  await redis?.stop();
  await upstream?.close();
});

const get = (path: string) => proxyGithubRequest(new NextRequest(`${APP}/api/github${path}`, { headers: { cookie } }));
const upstreamStatuses = (since: number, path: string) =>
  upstream.emulator
    .log(since)
    .filter((e) => e.path === path)
    .map((e) => e.status);

describe('Redis stopped while Hangar serves', () => {
  it('keeps answering from GitHub, says degraded, and is healthy and economical again when Redis is back', async () => {
    const path = '/user/codespaces?per_page=4';
    // A first connection on a loaded machine may take a moment: wait for it, as a load balancer would.
    await expect.poll(async () => (await (await health()).json()).status, { timeout: 10_000, interval: 200 }).toBe('ok');
    expect(await (await health()).json()).toMatchObject({ status: 'ok', github: { reachable: true }, redis: { reachable: true } });
    const first = await get(path);
    expect(first.status).toBe(200);
    const body = await first.text();

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await redis.stop();
      let since = Date.now();
      for (let i = 0; i < 5; i++) {
        const answer = await get(path);
        expect(answer.status).toBe(200);
        expect(await answer.text()).toBe(body);
      }
      // Without the shared store every read is a full answer from GitHub, and none fails.
      expect(upstreamStatuses(since, path)).toEqual([200, 200, 200, 200, 200]);
      const degraded = await health();
      expect(degraded.status).toBe(200);
      expect(await degraded.json()).toMatchObject({ status: 'degraded', github: { reachable: true }, redis: { reachable: false } });
      expect(logged.mock.calls.filter((c) => String(c[0]).includes('"event":"github.store"'))).toHaveLength(1);

      redis = await startRedisServer({ port: redis.port });
      await expect.poll(async () => (await (await health()).json()).status, { timeout: 10_000, interval: 200 }).toBe('ok');
      expect((await get(path)).status).toBe(200);
      since = Date.now();
      // The store is back in use: the next read revalidates with the ETag just stored, a free 304.
      expect((await get(path)).status).toBe(200);
      expect(upstreamStatuses(since, path)).toEqual([304]);
    } finally {
      logged.mockRestore();
    }
  }, 40_000);
});
