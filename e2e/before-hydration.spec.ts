import { expect, test, type Page } from '@playwright/test';
import { emulator, signIn, signInWithOrgAccess } from './helpers';

/**
 * The lists are in the server's first paint, so people can type, pick and press keys before React
 * has hydrated the page. What they did then must count once it has. To make "before" certain, the
 * page's scripts are held back until the test has acted, then let through.
 */

test.beforeEach(async ({ request }) => emulator.reset(request));

/**
 * Holds every script chunk of the pages opened from now on until `release()`, as a slow connection
 * would. The browser's clock runs a few minutes ahead of the server's, as many do (and as a page
 * hydrating late would see): hydration must still find what the server rendered, or React throws
 * the first paint away, with what the user typed in it, and reports an error.
 */
async function holdScripts(page: Page) {
  await page.clock.install({ time: Date.now() + 5 * 60_000 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return {
    async release() {
      release();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    },
    /** Errors the page threw, hydration's included. */
    errors,
  };
}

const listedNames = (page: Page) =>
  page.locator('[role="row"][data-codespace]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-codespace')));

test('text typed in the filter before the page hydrates filters the list once it has', async ({ page }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const target: string = codespaces[codespaces.length - 1].name;

  const scripts = await holdScripts(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const search = page.getByRole('searchbox', { name: 'Filter by text' });
  await search.fill(target);
  // Not hydrated yet: the first paint's rows are all still there.
  expect((await listedNames(page)).length).toBeGreaterThan(1);

  await scripts.release();
  await expect.poll(() => listedNames(page)).toEqual([target]);
  await expect(search).toHaveValue(target);
  await expect(page).toHaveURL(new RegExp(`q=${target}`));
  expect(scripts.errors).toEqual([]);
});

test('a member picked before the organisation page hydrates filters its list once it has', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  const scripts = await holdScripts(page);
  await page.goto('/orgs/octo-org', { waitUntil: 'domcontentloaded' });
  const rows = page.getByRole('table', { name: 'Organization codespaces' }).locator('[role="row"][data-codespace]');
  const members = async () => [...new Set(await rows.locator('[role="cell"]:nth-child(3)').allInnerTexts())].map((m) => m.trim());
  await page.getByRole('combobox', { name: 'Member' }).selectOption('hubot');
  expect(await members()).not.toEqual(['hubot']);

  await scripts.release();
  await expect.poll(members).toEqual(['hubot']);
  await expect(page.getByRole('combobox', { name: 'Member' })).toHaveValue('hubot');
  await expect(page).toHaveURL(/member=hubot/);
  expect(scripts.errors).toEqual([]);
});

test('Ctrl+K pressed before the page hydrates opens the command palette once it has', async ({ page }) => {
  await signIn(page, 'mona');
  const scripts = await holdScripts(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
  await page.keyboard.press('Control+k');

  await scripts.release();
  await expect(page.getByRole('dialog', { name: 'Search or run a command' })).toBeVisible();
  expect(scripts.errors).toEqual([]);
});
