import { expect, test } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

/** A codespace's page, as the browser's router asks the server for it (not `/codespaces/new`). */
const CODESPACE_PAGE = /^\/codespaces\/(?!new$)[^/]+$/;
/** GitHub's read of one codespace: what opening its page costs against the user's rate limit. */
const CODESPACE_READ = /^\/user\/codespaces\/[^/?]+$/;

test('loading the list asks neither the server nor GitHub for any codespace’s page until the user opens one', async ({ page, request }) => {
  await signIn(page, 'mona');
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.headers()['rsc'] && CODESPACE_PAGE.test(path)) asked.push(path);
  });
  const since = Date.now();
  await page.goto('/');
  const rows = page.locator('[role="row"][data-codespace]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(10);
  // Links to codespaces' pages in view beyond the rows': the attention panel's "Open".
  const attention = page.getByRole('region', { name: /needs your attention/i });
  await expect(attention.getByRole('link', { name: 'Open' }).first()).toBeVisible();
  // Hydrated, with the late reads in (the cost cells), and a moment for any prefetch to go out.
  await expect(rows.first().locator('[data-cost]')).toBeVisible();
  await page.waitForTimeout(1500);

  expect(asked).toEqual([]);
  expect((await emulator.log(request, since)).filter((e) => e.method === 'GET' && CODESPACE_READ.test(e.path))).toEqual([]);

  // Opening one reads it then, and its page shows.
  const open = attention.getByRole('link', { name: 'Open' }).first();
  const href = (await open.getAttribute('href'))!;
  await open.click();
  await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(href);
  expect(asked).toContain(href);
  expect((await emulator.log(request, since)).filter((e) => e.method === 'GET' && CODESPACE_READ.test(e.path)).map((e) => e.path)).toEqual([
    `/user${href}`,
  ]);
});
