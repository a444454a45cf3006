import { expect, test, type Locator, type Page } from '@playwright/test';
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

/** Waits until React has hydrated the element (it keeps its fiber on the DOM node it adopts). */
async function hydrated(locator: Locator) {
  await expect.poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber')))).toBe(true);
}

test('days typed in the clean-up box before the list hydrates are the days Select uses once it has', async ({ page }) => {
  await signIn(page, 'mona');
  const days = page.getByRole('textbox', { name: 'Stopped and unused for more than' });
  const select = page.getByRole('button', { name: 'Select', exact: true });
  const selected = page.getByRole('status').filter({ hasText: 'selected' });
  // On a hydrated page: the 30 days the box starts with select none of mona's codespaces, one day some.
  await select.click();
  await expect(selected).toHaveCount(0);
  await days.fill('1');
  await select.click();
  const inOneDay = await selected.innerText();

  const scripts = await holdScripts(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await days.fill('1');
  await scripts.release();
  await hydrated(days);
  await expect(days).toHaveValue('1');
  await select.click();
  await expect(selected).toHaveText(inOneDay);
  expect(scripts.errors).toEqual([]);
});

test('a plan picked on the usage page before it hydrates is the plan it measures against, and is remembered', async ({ page }) => {
  await signIn(page, 'mona');
  const scripts = await holdScripts(page);
  await page.goto('/usage', { waitUntil: 'domcontentloaded' });
  const plan = page.getByRole('combobox', { name: 'Your GitHub plan' });
  await plan.selectOption('pro');

  await scripts.release();
  await expect(page.getByText(/of 20 GB-months used so far/)).toBeVisible();
  await expect(plan).toHaveValue('pro');
  await page.reload();
  await expect(page.getByText(/of 20 GB-months used so far/)).toBeVisible();
  await expect(plan).toHaveValue('pro');
  expect(scripts.errors).toEqual([]);
});

test('a month picked on the organization’s usage page before it hydrates is the month it reads once it has', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  const scripts = await holdScripts(page);
  await page.goto('/orgs/octo-org/usage', { waitUntil: 'domcontentloaded' });
  const period = page.getByRole('combobox', { name: 'Period' });
  const months = await period.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  // Two months back: last month's report is also read for the projection early in a month.
  const picked = months[2]!;
  const since = Date.now();
  await period.selectOption(picked);

  await scripts.release();
  const readsOfPicked = async () =>
    (await emulator.log(request, since)).filter((e) => {
      const url = new URL(e.path, 'http://github');
      return (
        url.pathname === '/organizations/octo-org/settings/billing/usage' &&
        `${url.searchParams.get('year')}-${url.searchParams.get('month')?.padStart(2, '0')}` === picked
      );
    }).length;
  await expect.poll(readsOfPicked).toBeGreaterThan(0);
  await expect(period).toHaveValue(picked);
  expect(scripts.errors).toEqual([]);
});
