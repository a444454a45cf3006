/**
 * Scale out: two Hangar instances (real `next start` servers from the production build) share one
 * real redis-server. What one instance learned from GitHub (an ETag and its body, a rate limit)
 * serves the other: the second asks GitHub conditionally and gets a 304, or does not ask at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { expect, test, type Page } from '@playwright/test';
import { startEmulatorServer, type RunningEmulator } from '../emulator/node-server';
import { startRedisServer, type RedisServer } from '../lib/test/redis-server';

// The last two ports of this run's block (E2E_PORT … E2E_PORT + 9).
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 8;
const CLIENT = { id: 'hangar-scale-out', secret: 'hangar-scale-out-secret' };
const SECRET = randomBytes(32).toString('base64url');

let redis: RedisServer;
let github: RunningEmulator;
const instances: { url: string; child: ChildProcess }[] = [];

async function startHangar(port: number): Promise<{ url: string; child: ChildProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_URL: url,
      // Shared by every instance, as in any multi-instance deployment: a session made by one is read by all.
      AUTH_SECRET: SECRET,
      GITHUB_ID: CLIENT.id,
      GITHUB_SECRET: CLIENT.secret,
      GITHUB_WEB_URL: github.url,
      GITHUB_API_URL: `${github.url}/api`,
      REDIS_URL: redis.url,
      HANGAR_LOG: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/auth/providers`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Hangar on ${url} did not start`);
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  redis = await startRedisServer();
  github = await startEmulatorServer({
    control: true,
    // Both instances' callbacks are on 127.0.0.1, each on its own port: a loopback callback takes any.
    clients: { [CLIENT.id]: { secret: CLIENT.secret, callbackUrl: 'http://127.0.0.1/api/auth/callback/github' } },
    transitionMs: 60_000,
  });
  instances.push(...(await Promise.all([startHangar(BASE_PORT), startHangar(BASE_PORT + 1)])));
});

test.afterAll(async () => {
  for (const { child } of instances) {
    // Each instance is its own process group (start.mjs and the Next server under it).
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
  await github?.close();
  await redis?.stop();
});

/** Signs in on the first instance through GitHub's (the emulator's) OAuth pages. Cookies are per
 * host, not per port, so the browser then carries the same session to the second instance. */
async function signIn(page: Page, login = 'mona') {
  await page.goto(instances[0]!.url);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await page.getByRole('button', { name: `Sign in as ${login}` }).click();
  await expect(page.getByRole('button', { name: `Account: ${login}` })).toBeVisible();
}

/** What GitHub (the emulator) answered since `since` to this path, in order. */
function upstream(since: number, path: string) {
  return github.emulator
    .log(since)
    .filter((entry) => entry.path === path)
    .map((entry) => entry.status);
}

test('the second instance revalidates with the ETag the first stored in Redis, and serves the body from it', async ({ page }) => {
  await signIn(page);
  const [first, second] = instances.map((i) => i.url);
  const path = '/user/codespaces?per_page=7';

  const since = Date.now();
  const fromFirst = await page.request.get(`${first}/api/github${path}`);
  expect(fromFirst.status()).toBe(200);
  const body = await fromFirst.text();
  const etag = fromFirst.headers().etag!;
  expect(upstream(since, path)).toEqual([200]);

  const fromSecond = await page.request.get(`${second}/api/github${path}`);
  expect(fromSecond.status()).toBe(200);
  expect(await fromSecond.text()).toBe(body);
  expect(fromSecond.headers().etag).toBe(etag);
  // GitHub was asked conditionally with the first instance's ETag, and its 304 cost nothing.
  expect(upstream(since, path)).toEqual([200, 304]);

  // The browser's own conditional request to the second instance: 304, no body.
  const conditional = await page.request.get(`${second}/api/github${path}`, { headers: { 'if-none-match': etag } });
  expect(conditional.status()).toBe(304);
  expect(upstream(since, path)).toEqual([200, 304, 304]);
});

test('the shared store knows users by a hash of their token and accounts by a hash of their id, never either', async () => {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    const keys = await client.keys('hangar:*');
    expect(keys.length).toBeGreaterThan(0);
    // Answers and quotas are hashes and sorted sets, rate limits strings: each read as what it is.
    const read = async (key: string) => {
      const type = await client.type(key);
      if (type === 'hash') return JSON.stringify(await client.hGetAll(key));
      if (type === 'zset') return JSON.stringify(await client.zRange(key, 0, -1));
      return String(await client.get(key));
    };
    const values = await Promise.all(keys.map(read));
    const tokens = (await (await fetch(`${github.url}/_emulator/tokens`)).json()).tokens as string[];
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      for (const key of keys) expect(key).not.toContain(token);
      for (const value of values) expect(value).not.toContain(token);
    }
    const mona = `user:${github.emulator.world.users.get('mona')!.id}`;
    for (const text of [...keys, ...values]) expect(text).not.toContain(mona);
    expect(keys.filter((key) => !/^hangar:v1:(answer|ratelimit|quota|quota-lru):[0-9a-f]{64}(:|$)/.test(key))).toEqual([]);
    // Mona's answers count against her GitHub account, by the id her sign-in gave the session.
    const monasAccount = createHash('sha256').update(`hangar/github-account\0${mona}`).digest('hex');
    expect(keys).toContain(`hangar:v1:quota:${monasAccount}`);
  } finally {
    await client.close();
  }
});

test('when GitHub rate-limits a user on one instance, the other holds that user’s requests too', async ({ page }) => {
  await signIn(page, 'hubot');
  const [first, second] = instances.map((i) => i.url);
  github.emulator.faults.add({
    method: 'GET',
    path: '^/user$',
    status: 403,
    body: { message: 'API rate limit exceeded for user ID 583232.', documentation_url: 'https://docs.github.com/rest' },
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 300) },
  });
  expect((await page.request.get(`${first}/api/github/user`)).status()).toBe(403);

  const since = Date.now();
  const held = await page.request.get(`${second}/api/github/user/codespaces`);
  expect(held.status()).toBe(403);
  expect(await held.json()).toEqual({ message: expect.stringMatching(/rate limit/), status: 403 });
  expect(Number(held.headers()['retry-after'])).toBeGreaterThan(200);
  expect(github.emulator.log(since)).toEqual([]);
});

test('when Redis stops, both instances keep serving pages and say degraded; when it is back, they are healthy', async ({ page }) => {
  await signIn(page);
  const health = async (url: string) => (await page.request.get(`${url}/api/health`)).json();
  for (const { url } of instances) expect(await health(url)).toMatchObject({ status: 'ok', redis: { reachable: true } });

  await redis.stop();
  for (const { url } of instances) {
    await page.goto(url);
    await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
    const list = await page.request.get(`${url}/api/github/user/codespaces?per_page=5`);
    expect(list.status()).toBe(200);
    expect(await health(url)).toMatchObject({ status: 'degraded', github: { reachable: true }, redis: { reachable: false } });
  }

  redis = await startRedisServer({ port: redis.port });
  for (const { url } of instances) {
    await expect.poll(async () => (await health(url)).status, { timeout: 15_000 }).toBe('ok');
    await page.goto(url);
    await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
  }
});
