/**
 * Hangar deployed as a GitHub App with expiring user tokens, against the emulator issuing tokens
 * that expire in seconds: a user keeps working across expiries without noticing, every refresh
 * token is spent exactly once (however many tabs, requests or instances need it), and signing
 * out makes a copied cookie worthless.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startEmulatorServer, type RunningEmulator } from '../emulator/node-server';
import { startRedisServer, type RedisServer } from '../lib/test/redis-server';
import { e2ePort, startHangar, type HangarServer } from './hangar-server';
import { row } from './helpers';

const APP = { id: 'Iv1.hangar-e2e', secret: 'hangar-e2e-app-secret' };
const TOKEN_LIFETIME_S = 6;

let github: RunningEmulator;
let hangar: HangarServer;

const appEnv = (url: string, extra: Record<string, string> = {}) => ({
  AUTH_URL: url,
  AUTH_SECRET: extra.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
  GITHUB_ID: APP.id,
  GITHUB_SECRET: APP.secret,
  GITHUB_WEB_URL: github.url,
  GITHUB_API_URL: `${github.url}/api`,
  ...extra,
});

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  github = await startEmulatorServer({
    control: true,
    // The instances' callbacks are on 127.0.0.1, each on its own port: a loopback callback takes any.
    clients: {
      [APP.id]: {
        secret: APP.secret,
        githubApp: { tokenLifetimeS: TOKEN_LIFETIME_S },
        callbackUrl: 'http://127.0.0.1/api/auth/callback/github',
      },
    },
    // Codespaces that are starting stay so, and the pages showing them poll every 2 s.
    transitionMs: 120_000,
  });
  const port = e2ePort(1);
  hangar = await startHangar(port, appEnv(`http://127.0.0.1:${port}`));
});

test.afterAll(async () => {
  await hangar?.stop();
  await github?.close();
});

test.beforeEach(() => github.emulator.reset());

async function signIn(page: Page, url: string, login = 'mona') {
  await page.goto(url);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await page.getByRole('button', { name: `Sign in as ${login}` }).click();
  await expect(page.getByRole('button', { name: `Account: ${login}` })).toBeVisible();
}

/** Refresh tokens presented to GitHub: every one exactly once, or the report shows which was not. */
function spentRefreshTokens() {
  return github.emulator.refreshTokens().filter((r) => r.uses > 0);
}

/** Puts two of mona's codespaces in Starting (for two minutes), as if another client had started them. */
async function startTwoCodespaces(): Promise<string[]> {
  const token = github.emulator.issueToken('mona');
  const headers = { authorization: `token ${token}`, accept: 'application/vnd.github+json' };
  const { codespaces } = (await (await fetch(`${github.url}/api/user/codespaces?per_page=100`, { headers })).json()) as {
    codespaces: { name: string; state: string }[];
  };
  const names = codespaces
    .filter((c) => c.state === 'Shutdown')
    .map((c) => c.name)
    .slice(0, 2);
  for (const name of names)
    expect((await fetch(`${github.url}/api/user/codespaces/${name}/start`, { method: 'POST', headers })).status).toBe(200);
  return names;
}

/** Every 401 and sign-in screen a tab meets. */
function watch(page: Page, trouble: string[]) {
  page.on('response', (response) => {
    if (response.url().includes('/api/github/') && response.status() === 401) trouble.push(`401 ${response.url()}`);
  });
}

test('a user keeps working across two token expiries with three tabs polling, and each refresh token is spent once', async ({
  context,
}) => {
  const [first, second] = await startTwoCodespaces();
  const list = await context.newPage();
  await signIn(list, hangar.url);
  const trouble: string[] = [];
  const detail = await context.newPage();
  const other = await context.newPage();
  for (const page of [list, detail, other]) watch(page, trouble);
  await detail.goto(`${hangar.url}/codespaces/${first}`);
  await other.goto(`${hangar.url}/codespaces/${second}`);
  await expect(detail.locator('header [data-codespace-state]')).toHaveText('Starting');

  // Past two expiries (6 s tokens), every tab polling every 2 s, each with its own requests too.
  const until = Date.now() + TOKEN_LIFETIME_S * 1000 * 2 + 3_000;
  const burst = (page: Page) =>
    page.evaluate(() => Promise.all([1, 2, 3].map(() => fetch('/api/github/user/codespaces?per_page=5').then((r) => r.status))));
  while (Date.now() < until) {
    for (const page of [list, detail, other]) expect(await burst(page)).toEqual([200, 200, 200]);
    await list.waitForTimeout(700);
  }

  for (const page of [list, detail, other]) {
    await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toHaveCount(0);
    await expect(page.getByText('Your session has ended')).toHaveCount(0);
  }
  expect(trouble).toEqual([]);
  const spent = spentRefreshTokens();
  expect(spent.length).toBeGreaterThanOrEqual(2);
  expect(spent.map((r) => r.uses)).toEqual(spent.map(() => 1));

  // And the user's next action works with the renewed session: Stop, from the list.
  const { codespaces } = (await (await list.request.get(`${hangar.url}/api/github/user/codespaces?per_page=100`)).json()) as {
    codespaces: { name: string; state: string }[];
  };
  const available = codespaces.find((c) => c.state === 'Available')!;
  await list.getByRole('searchbox', { name: 'Filter by text' }).fill(available.name);
  await row(list, available.name).getByRole('button', { name: 'Stop' }).click();
  await expect(row(list, available.name).locator('[data-codespace-state]')).toHaveText('ShuttingDown');
  expect(trouble).toEqual([]);
  expect(spentRefreshTokens().every((r) => r.uses === 1)).toBe(true);
});

test('sign out, then a replayed copy of the old cookie gets 401, and GitHub saw the token revoked', async ({ page, playwright }) => {
  await signIn(page, hangar.url, 'hubot');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session).toBeTruthy();
  const header = `${session!.name}=${session!.value}`;
  const copy = await playwright.request.newContext({ baseURL: hangar.url, extraHTTPHeaders: { cookie: header } });
  expect((await copy.get('/api/github/user')).status()).toBe(200);
  const [issued] = github.emulator.refreshTokens();

  await page.getByRole('button', { name: 'Account: hubot' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();

  expect(github.emulator.revocations()).toEqual([expect.objectContaining({ login: 'hubot', clientId: APP.id })]);
  const replay = await copy.get('/api/github/user');
  expect(replay.status()).toBe(401);
  expect(await replay.json()).toEqual({ message: expect.any(String), status: 401 });
  // Even once the token would be due: the refresh token is never presented again.
  await page.waitForTimeout(TOKEN_LIFETIME_S * 1000);
  expect((await copy.get('/api/github/user/codespaces')).status()).toBe(401);
  expect(github.emulator.refreshTokens().find((r) => r.token === issued!.token)?.uses).toBe(0);
  await copy.dispose();
});

test.describe('two instances on one redis-server', () => {
  let redis: RedisServer;
  const instances: HangarServer[] = [];

  test.beforeAll(async () => {
    redis = await startRedisServer();
    // One deployment: the same secret, and each instance its own address (cookies are per host, not port).
    const shared = { AUTH_SECRET: randomBytes(32).toString('base64url'), REDIS_URL: redis.url };
    instances.push(
      ...(await Promise.all([e2ePort(2), e2ePort(3)].map((port) => startHangar(port, appEnv(`http://127.0.0.1:${port}`, shared))))),
    );
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis?.stop();
  });

  test('share one renewal when both need it at the same moment', async ({ context }: { context: BrowserContext }) => {
    const page = await context.newPage();
    await signIn(page, instances[0]!.url);
    // Only the requests below may renew: no page polls meanwhile (the context keeps the cookie).
    await page.close();
    const [issued] = github.emulator.refreshTokens();
    // Until the token is due (a quarter of its lifetime before expiry), then both instances at once.
    await new Promise((resolve) => setTimeout(resolve, TOKEN_LIFETIME_S * 1000));
    const statuses = await Promise.all(
      instances.flatMap((instance) =>
        [1, 2, 3, 4].map(async () => (await context.request.get(`${instance.url}/api/github/user`)).status()),
      ),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    expect(github.emulator.refreshTokens().find((r) => r.token === issued!.token)?.uses).toBe(1);
    expect(spentRefreshTokens().map((r) => r.uses)).toEqual([1]);
  });
});
