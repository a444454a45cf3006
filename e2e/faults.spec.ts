import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { emulator, row, signIn } from './helpers';

/**
 * GitHub in trouble, made to order by the emulator's fault injection. The server runs with
 * HANGAR_UPSTREAM_TIMEOUT_MS=4000 (playwright.config.ts), so "slow" means slower than that.
 */

test.beforeEach(async ({ request }) => emulator.reset(request));

async function codespaceIn(page: Page, state: string) {
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const found = codespaces.find((c: { state: string }) => c.state === state);
  expect(found, `a seeded ${state} codespace`).toBeTruthy();
  return found as { name: string };
}

const listed = (page: Page) => page.locator('[role="row"][data-codespace]');

async function clearFaults(request: APIRequestContext) {
  expect((await request.delete('/emulator/_emulator/faults')).status()).toBe(204);
}

test('a passing GitHub failure (500) on the list is retried and the user never sees it', async ({ page, request }) => {
  await signIn(page, 'mona');
  const since = Date.now();
  await emulator.fault(request, { method: 'GET', path: '^/user/codespaces$', status: 500, times: 1 });

  await page.reload();
  await expect(listed(page).first()).toBeVisible();
  await expect(page.getByText(/GitHub is having trouble|Could not load/)).toHaveCount(0);

  // The list may paint from Hangar's store before the failed read is retried: wait for the retry.
  const listStatuses = async () =>
    (await emulator.log(request, since)).filter((e) => e.path.startsWith('/user/codespaces?')).map((e) => e.status);
  await expect.poll(listStatuses, { timeout: 15_000 }).toHaveLength(2);
  // The retry succeeds: a full answer, or a 304 when Hangar already holds the list's ETag.
  const [failed, retried] = await listStatuses();
  expect(failed).toBe(500);
  expect([200, 304]).toContain(retried);
  await expect(page.getByText(/GitHub is having trouble|Could not load/)).toHaveCount(0);
});

test('a failed Start (502) is not retried: one request, a clear error, nothing started twice', async ({ page, request }) => {
  await signIn(page, 'mona');
  const codespace = await codespaceIn(page, 'Shutdown');
  await emulator.fault(request, { method: 'POST', path: `^/user/codespaces/${codespace.name}/start$`, status: 502, times: 1 });
  const since = Date.now();

  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(codespace.name);
  const target = row(page, codespace.name);
  await target.getByRole('button', { name: 'Start' }).click();

  await expect(page.getByText('GitHub is having trouble')).toBeVisible();
  await expect(page.getByText(/GitHub answered 502/)).toBeVisible();
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown');
  // Long enough for any automatic retry to have happened: there must be none.
  await page.waitForTimeout(3_000);
  const starts = (await emulator.log(request, since)).filter((e) => e.method === 'POST');
  expect(starts).toEqual([expect.objectContaining({ path: `/user/codespaces/${codespace.name}/start`, status: 502 })]);
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown');
});

test('when the rate limit is used up, the page says so and when it lifts', async ({ page, request }) => {
  await signIn(page, 'mona');
  const reset = Math.floor(Date.now() / 1000) + 37 * 60;
  const lifts = new Date(reset * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  await emulator.fault(request, {
    method: 'GET',
    path: '^/user/codespaces$',
    status: 403,
    times: 20,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(reset), 'x-ratelimit-used': '5000' },
    body: {
      message: 'API rate limit exceeded for user ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
  });
  const since = Date.now();

  await page.reload();
  await expect(page.getByText('GitHub rate limit reached')).toBeVisible();
  await expect(page.getByText(`It lifts at ${lifts} UTC.`, { exact: false })).toBeVisible();
  // Hangar does not hammer a limit that has been reached: no retries on top of the page's own asks.
  const asked = (await emulator.log(request, since)).filter((e) => e.path.startsWith('/user/codespaces?'));
  expect(asked.length).toBeLessThanOrEqual(2);
});

test('when GitHub stops answering, the list says so and recovers by itself when it answers again', async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, 'mona');
  await emulator.fault(request, { method: 'GET', path: '^/user/codespaces$', delayMs: 6_000, times: 100 });

  const started = Date.now();
  await page.reload();
  // The first paint does not wait for a hung GitHub.
  await expect(page.getByRole('heading', { name: 'Your codespaces' })).toBeVisible({ timeout: 8_000 });
  expect(Date.now() - started).toBeLessThan(8_000);
  await expect(page.getByText('GitHub is not answering')).toBeVisible({ timeout: 40_000 });

  await clearFaults(request);
  await expect(listed(page).first()).toBeVisible({ timeout: 25_000 });
  await expect(page.getByText('GitHub is not answering')).toHaveCount(0);
});

test('when the session ends mid-use, signing in again returns to the same page', async ({ page, request }) => {
  await signIn(page, 'mona');
  const codespace = await codespaceIn(page, 'Shutdown');
  await page.goto(`/codespaces/${codespace.name}`);
  await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();

  // The user revokes Hangar on GitHub: every token of theirs stops working.
  expect((await request.delete('/emulator/_emulator/tokens?login=mona')).status()).toBe(204);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign in with GitHub again' }).click();
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page).toHaveURL(new RegExp(`/codespaces/${codespace.name}$`));
  await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
});

test('with Hangar unreachable after the page loaded, a failed read still says why in words (loaded ahead of any error)', async ({
  page,
}) => {
  await signIn(page, 'mona');
  await expect(listed(page).first()).toBeVisible();
  // An error's words are not in the first load: they come after the first paint, before anything fails.
  // The page has settled once what it loads after hydrating is in (the cost rules fill the cost cells).
  await expect(page.getByRole('cell', { name: /this month, estimated/ }).first()).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  // Hangar's server goes away (the browser still thinks it is online: React Query pauses when it is not).
  await page.route('**/*', (route) => route.abort('connectionrefused'));
  // The list is asked again every 2 s while some codespaces change state (the seed has several).
  const alert = page.getByRole('alert').filter({ hasText: 'Hangar is unreachable' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('Showing what was last loaded');
  await expect(listed(page).first()).toBeVisible();
});
