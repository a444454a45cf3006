import { expect, test } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

test('a visitor signs in with GitHub through the OAuth flow and lands on their codespaces', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Hangar' })).toBeVisible();
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();

  // The emulator's authorize page, asking for the codespace scope.
  await expect(page).toHaveURL(/\/emulator\/login\/oauth\/authorize\?.*scope=codespace/);
  await page.getByRole('button', { name: 'Sign in as mona' }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('heading', { name: 'Your codespaces' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Codespaces' })).toBeVisible();
});

test('signing out leaves nothing of the user in the page or the browser', async ({ page, context }) => {
  await signIn(page, 'mona');
  const firstRow = page.locator('[role="row"][data-codespace]').first();
  const someName = await firstRow.getAttribute('data-codespace');
  expect(someName).toBeTruthy();

  await page.getByRole('button', { name: 'Account: mona' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(someName!);
  await expect(page.locator('body')).not.toContainText('mona');
  // next-auth may leave a sign-out broadcast in storage; nothing of the user's may remain.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain('mona');
  expect(stored).not.toContain(someName!);
  expect(stored).not.toMatch(/gh[opsu]_/);
  expect((await context.cookies()).filter((c) => c.name.includes('session-token'))).toEqual([]);
  expect((await page.request.get('/api/github/user/codespaces')).status()).toBe(401);

  // Going back does not bring the previous user's list back either.
  await page.goBack();
  await page.reload();
  await expect(page.locator('body')).not.toContainText(someName!);
});

test('a user without codespaces sees a designed empty state', async ({ page }) => {
  await signIn(page, 'octocat-new');
  await expect(page.getByRole('heading', { name: 'No codespaces yet' })).toBeVisible();
});

test('a copy of the cookie taken before sign-out gets nothing afterwards: no name, no fresh cookie, no data, even when GitHub did not confirm the revocation', async ({
  page,
  browser,
  request,
}) => {
  await signIn(page, 'mona');
  // While signed in, the page's session names the user, and has no e-mail address.
  const before = await (await page.request.get('/api/auth/session')).json();
  expect(before.user).toEqual({ login: 'mona', name: expect.any(String), image: expect.any(String) });
  const copied = (await page.context().cookies()).filter((c) => c.name.includes('session-token'));
  expect(copied).toHaveLength(1);

  // GitHub has a bad moment at sign-out: the token's revocation is not confirmed.
  await emulator.fault(request, { method: 'DELETE', path: '^/applications/', status: 502 });
  await page.getByRole('button', { name: 'Account: mona' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const session = await thief.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
  expect(session.headers()['set-cookie'] ?? '').not.toMatch(/session-token=[^;]/);
  expect((await thief.request.get('/api/github/user/codespaces')).status()).toBe(401);
  const stolen = await thief.newPage();
  await stolen.goto('/');
  await expect(stolen.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();
  await expect(stolen.getByRole('button', { name: 'Account: mona' })).toHaveCount(0);
  await thief.close();
});

test('the sign-in screen says next-auth’s errors in Hangar’s words, and never shows other text from the address', async ({ page }) => {
  const lure = 'Your account is locked. Call +1 555 0100 to restore it';
  await page.goto(`/?error=${encodeURIComponent(lure)}`);
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toHaveText('Sign-in did not complete. Please try again.');
  await expect(page.locator('body')).not.toContainText('555 0100');

  await page.goto('/?error=OAuthCallback');
  await expect(alert).toContainText('GitHub’s answer could not be used to sign you in');
});
