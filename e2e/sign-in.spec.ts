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
