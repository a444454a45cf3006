/**
 * Demo mode as a newcomer runs it: `npm start` with nothing set (no AUTH_URL, listening on every
 * interface), opened at http://127.0.0.1:<port> rather than the localhost it announces. Sign-in,
 * the proxy's Origin check and its Link headers follow the address the browser used.
 */
import { expect, test } from '@playwright/test';
import { e2ePort, startHangar, type HangarServer } from './hangar-server';
import { row } from './helpers';

let hangar: HangarServer;
const port = e2ePort(5);
const address = `http://127.0.0.1:${port}`;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  hangar = await startHangar(port, {
    HOST: '0.0.0.0',
    AUTH_URL: '',
    NEXTAUTH_URL: '',
    GITHUB_ID: '',
    HANGAR_GITHUB_TOKEN: '',
    EMULATOR_TRANSITION_MS: '1500',
  });
});

test.afterAll(() => hangar?.stop());

test('opened at 127.0.0.1, demo mode signs in, says it shows demo data, and stops a codespace', async ({ page }) => {
  expect(hangar.output()).toContain(`open http://localhost:${port}`);
  await page.goto(address);
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${address}/emulator/login/oauth/authorize\\?`));
  expect(new URL(page.url()).searchParams.get('redirect_uri')).toBe(`${address}/api/auth/callback/github`);
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page).toHaveURL(`${address}/`);
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Demo data', { exact: true })).toBeVisible();

  const { codespaces } = await (await page.request.get(`${address}/api/github/user/codespaces?per_page=100`)).json();
  const available = codespaces.find((c: { state: string }) => c.state === 'Available') as { name: string };
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(available.name);
  const target = row(page, available.name);
  await target.getByRole('button', { name: 'Stop' }).click();
  await expect(target.locator('[data-codespace-state]')).toHaveText('ShuttingDown');
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown', { timeout: 15_000 });
});

test('pagination links point back at the proxy on the address the browser used', async ({ page }) => {
  await page.goto(address);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();

  const first = await page.request.get(`${address}/api/github/user/codespaces?per_page=5`);
  const link = first.headers().link ?? '';
  const next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
  expect(next).toBe(`${address}/api/github/user/codespaces?per_page=5&page=2`);
  // A client that follows it, as Octokit's paginate does, stays with the proxy and its session.
  expect((await page.request.get(next!)).status()).toBe(200);
});

test('a mutation from another origin is still refused', async ({ page }) => {
  await page.goto(address);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  const { codespaces } = await (await page.request.get(`${address}/api/github/user/codespaces?per_page=100`)).json();
  const name = (codespaces[0] as { name: string }).name;
  for (const origin of [`http://localhost:${port}`, 'http://evil.example', 'null']) {
    const response = await page.request.post(`${address}/api/github/user/codespaces/${name}/stop`, { headers: { origin } });
    expect(response.status()).toBe(403);
  }
});
