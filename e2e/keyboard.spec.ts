import { expect, test, type Page } from '@playwright/test';
import { emulator, row, signIn, signInWithOrgAccess } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

async function runningCodespace(page: Page) {
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const found = codespaces.find((c: { state: string }) => c.state === 'Available');
  expect(found, 'a seeded running codespace').toBeTruthy();
  return found as { name: string; display_name: string | null };
}

/** What has the keyboard's focus, in words a failure can show. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return `${element.tagName.toLowerCase()}: ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40)}`;
  });

test('one Tab reaches a skip link, and it takes the keyboard past the header into the page', async ({ page }) => {
  await signIn(page);
  await page.goto('/usage');
  await expect(page.getByRole('heading', { level: 1, name: 'Your usage' })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab is in the page, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
});

test('the main navigation marks the page the user is on', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Codespaces' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Usage' })).not.toHaveAttribute('aria-current', /.+/);

  await page.goto('/secrets');
  await expect(nav.getByRole('link', { name: 'Secrets' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Codespaces' })).not.toHaveAttribute('aria-current', /.+/);
});

test('after Stop on a codespace’s page, the keyboard’s focus stays on its actions, never falls to the page', async ({ page }) => {
  await signIn(page);
  const codespace = await runningCodespace(page);
  await page.goto(`/codespaces/${codespace.name}`);
  const badge = page.locator('main header [data-codespace-state]');
  await expect(badge).toHaveText('Available');

  await page.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Enter');
  await expect(badge).toHaveText('ShuttingDown');
  expect(await focused(page)).not.toBe('body');
  await expect(badge).toHaveText('Shutdown', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
  expect(await focused(page)).not.toBe('body');
  // Where it stays is the codespace's own power control: Enter again starts it.
  await expect(page.getByRole('button', { name: 'Start' })).toBeFocused();
});

test('after Stop in the list, the keyboard’s focus stays in the row', async ({ page }) => {
  await signIn(page);
  const codespace = await runningCodespace(page);
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(codespace.name);
  const target = row(page, codespace.name);
  await target.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Enter');
  await expect(target.locator('[data-codespace-state]')).toHaveText('ShuttingDown');
  expect(await focused(page)).not.toBe('body');
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown', { timeout: 15_000 });
  await expect(target.getByRole('button', { name: 'Start' })).toBeFocused();
});

test('a codespace stopped with `s` under the Running filter says it left the view, politely', async ({ page }) => {
  await signIn(page, 'mona', '/?state=running');
  const rows = page.locator('[role="row"][data-codespace]');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const name = (await rows.first().getAttribute('data-codespace'))!;
  const title = (await rows.first().getByRole('link').first().textContent())!.trim();

  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await expect(rows.first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('s');

  await expect(row(page, name)).toHaveCount(0);
  await expect(rows).toHaveCount(before - 1);
  const message = page.locator('[aria-live="polite"]', { hasText: 'left this filtered view' });
  await expect(message).toContainText(`Stopping ${title}`);
  await expect(message).toBeVisible();
});

test('the keyboard shortcuts dialog has a Close button', async ({ page }) => {
  await signIn(page);
  await page.locator('main h1').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('pages for things that do not exist answer 404 with the not-found page', async ({ page }) => {
  await signInWithOrgAccess(page);

  for (const path of ['/orgs/not-an-org/usage', '/orgs/not-an-org', '/orgs/not-an-org/settings', '/orgs/octo-org/members/not-a-member']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  }
  // Nothing of a page that is not there: no month to pick, nothing to download.
  await page.goto('/orgs/not-an-org/usage');
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Download CSV/ })).toHaveCount(0);

  const codespace = await page.goto('/codespaces/no-such-codespace-x1y2');
  expect(codespace?.status()).toBe(404);
  const repository = await page.goto('/repos/mona/no-such-repository');
  expect(repository?.status()).toBe(404);
});

test('usage by repository and SKU writes storage units as people do', async ({ page }) => {
  await signInWithOrgAccess(page);
  await page.goto('/orgs/octo-org/usage');
  const table = page.getByRole('table', { name: 'Cost by repository and SKU' });
  await expect(table).toBeVisible();
  await expect(table).toContainText('GB-hours');
  await expect(table).not.toContainText(/gigabytehours/i);
});
