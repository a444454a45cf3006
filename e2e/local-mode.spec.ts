/**
 * Local mode: `HANGAR_GITHUB_TOKEN=… npm start`, no OAuth App. Only a browser that opened the
 * one-time link the server printed gets a session, and with it the token owner's codespaces.
 * GitHub here is a standalone emulator; the token is one it minted through its test hook, as
 * `gh auth token` would hand one over.
 */
import { expect, test } from '@playwright/test';
import { startEmulatorServer, type RunningEmulator } from '../emulator/node-server';
import { e2ePort, startHangar, type HangarServer } from './hangar-server';

let github: RunningEmulator;
let hangar: HangarServer;
let token: string;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  github = await startEmulatorServer({ control: true, transitionMs: 1_500 });
  token = github.emulator.issueToken('mona', ['codespace', 'read:user', 'user:email']);
  hangar = await startHangar(e2ePort(4), {
    HANGAR_GITHUB_TOKEN: token,
    GITHUB_API_URL: `${github.url}/api`,
    GITHUB_WEB_URL: github.url,
    GITHUB_ID: '',
    AUTH_URL: '',
    HOST: '',
  });
});

test.afterAll(async () => {
  await hangar?.stop();
  await github?.close();
});

/** The newest `Open <url>` line the server printed. */
async function printedLink(): Promise<string> {
  await expect.poll(() => /^Open (\S+)/m.test(hangar.output()), { timeout: 15_000 }).toBe(true);
  const links = [...hangar.output().matchAll(/^Open (\S+)/gm)].map((m) => m[1]!);
  return links.at(-1)!;
}

test('without the link there is no session and no data; with it, the token owner’s codespaces; the link works once', async ({
  page,
  browser,
}) => {
  // On loopback, and it said who the token belongs to.
  expect(hangar.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  expect(hangar.output()).toContain('signed in to GitHub as mona');
  const link = await printedLink();
  expect(link).toMatch(new RegExp(`^${hangar.url}/api/auth/local\\?secret=[\\w-]{43}$`));

  // Anyone else who reaches the port: the sign-in screen, saying where the link is, and a 401.
  await page.goto(hangar.url);
  await expect(page.getByText(/Open the sign-in link Hangar printed/)).toBeVisible();
  await expect(page.locator('[role="row"][data-codespace]')).toHaveCount(0);
  expect((await page.request.get(`${hangar.url}/api/github/user/codespaces`)).status()).toBe(401);
  expect((await page.request.get(`${hangar.url}/api/auth/local?secret=${'x'.repeat(43)}`)).status()).toBe(403);

  // The browser that opens the link: signed in as the token's owner, on /, with their codespaces.
  await page.goto(link);
  await expect(page).toHaveURL(`${hangar.url}/`);
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your codespaces' })).toBeVisible();
  await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
  // The token itself stays on the server.
  for (const cookie of await page.context().cookies()) expect(cookie.value).not.toContain(token);
  const html = await page.content();
  expect(html).not.toContain(token);

  // The same link in another browser: refused.
  const other = await browser.newContext();
  const second = await other.newPage();
  const refused = await second.goto(link);
  expect(refused?.status()).toBe(403);
  await expect(second.getByText(/has been used/)).toBeVisible();
  expect((await second.request.get(`${hangar.url}/api/github/user/codespaces`)).status()).toBe(401);

  // It printed a fresh link for the next browser.
  const next = await printedLink();
  expect(next).not.toBe(link);
  await second.goto(next);
  await expect(second.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await other.close();
});

test('signing out ends the browser session, not the user’s own token', async ({ page }) => {
  await page.goto(await printedLink());
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  const [session] = (await page.context().cookies()).filter((c) => c.name === 'next-auth.session-token');
  const copy = { cookie: `${session!.name}=${session!.value}` };
  expect((await page.request.get(`${hangar.url}/api/github/user`, { headers: copy })).status()).toBe(200);

  await page.getByRole('button', { name: 'Account: mona' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByText(/Open the sign-in link Hangar printed/)).toBeVisible();

  expect((await page.request.get(`${hangar.url}/api/github/user`, { headers: copy })).status()).toBe(401);
  expect(github.emulator.revocations()).toEqual([]);
  const stillValid = await fetch(`${github.url}/api/user`, { headers: { authorization: `token ${token}` } });
  expect(stillValid.status).toBe(200);
});
