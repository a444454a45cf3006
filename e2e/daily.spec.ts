import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

/** Records, as the document is parsed, the theme <html> carries when <body> first appears (before any paint). */
async function recordThemeAtFirstBody(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { themeAtFirstBody: string | null }).themeAtFirstBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function chooseTheme(page: Page, theme: 'System' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitemradio', { name: theme }).click();
  await expect(page.getByRole('menuitemradio', { name: theme })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
}

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('a chosen theme overrides the system, survives a reload and is there before the first paint', async ({ page }) => {
    await signIn(page);
    const light = await bodyBackground(page);

    await chooseTheme(page, 'Dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await bodyBackground(page);
    expect(dark).not.toBe(light);

    await recordThemeAtFirstBody(page);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtFirstBody: string | null }).themeAtFirstBody)).toBe('dark');
    expect(await bodyBackground(page)).toBe(dark);

    // Back to the system's: the attribute goes, and the system (light here) decides again.
    await chooseTheme(page, 'System');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await bodyBackground(page)).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bodyBackground(page)).toBe(dark);

    // An explicit Light beats a dark system.
    await chooseTheme(page, 'Light');
    await page.reload();
    expect(await bodyBackground(page)).toBe(light);
  });
});

test('an unknown address shows Hangar’s own not-found page, with the header and a way back', async ({ page }) => {
  await signIn(page);
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('/no/such/page');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to your codespaces' }).click();
  await expect(page.getByRole('table', { name: 'Codespaces' })).toBeVisible();
});

test('signed out, the not-found page leads to the start page', async ({ page }) => {
  const response = await page.goto('/orgs/octo-org/nothing-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Hangar' }).click();
  await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();
});

test.describe('command palette', () => {
  test('Ctrl+K, part of a name, Enter: opens that codespace', async ({ page }) => {
    await signIn(page);
    await expect(page.getByRole('table', { name: 'Codespaces' })).toBeVisible();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search or run a command' });
    await expect(palette).toBeVisible();
    await page.keyboard.type('usage vi');
    await expect(palette.getByRole('option').first()).toContainText('Usage view');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Usage view' })).toBeVisible();
    await expect(palette).toBeHidden();
  });

  test('the header’s button opens it; a command goes where it says; Ctrl+K closes it again', async ({ page }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'Search or run a command' }).click();
    const palette = page.getByRole('dialog', { name: 'Search or run a command' });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('usage');
    await palette.getByRole('option', { name: 'Go to usage' }).click();
    await expect(page.getByRole('heading', { name: 'Your usage' })).toBeVisible();

    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(palette).toBeHidden();
  });

  test('stops a running codespace from its actions', async ({ page }) => {
    await signIn(page);
    const list = (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()) as {
      codespaces: { name: string; display_name: string | null; state: string }[];
    };
    const running = list.codespaces.find((c) => c.state === 'Available' && c.display_name)!;
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search or run a command' });
    await page.keyboard.type(running.name);
    await expect(palette.getByRole('option').first()).toContainText(running.display_name!);
    await page.keyboard.press('ArrowRight');
    await expect(palette.getByRole('option', { name: 'Stop' })).toBeVisible();
    await expect(palette.getByRole('option', { name: 'Start' })).toHaveCount(0);
    await palette.getByRole('option', { name: 'Stop' }).click();
    await expect(page.locator(`[role="row"][data-codespace="${running.name}"]`)).toContainText(/ShuttingDown|Shutdown/);
    await expect(page.locator(`[role="row"][data-codespace="${running.name}"]`)).toContainText('Shutdown', { timeout: 15_000 });
  });
});

test('the personal usage page says a quota running out within hours in hours, and its CSV holds the rows shown', async ({ page }) => {
  // hubot's account has no usage report on GitHub, so the core-hours used are typed in (mona's come from GitHub).
  await signIn(page, 'hubot');
  await page.goto('/usage');
  const running = page.getByRole('definition').filter({ hasText: /cores$/ });
  const cores = Number(/· (\d+) cores/.exec((await running.textContent()) ?? '')?.[1]);
  expect(cores).toBeGreaterThan(0);
  const usedField = page.getByLabel('Core-hours already used this month');
  const computeFigure = page.locator('div', { has: page.getByText('Compute quota runs out', { exact: true }) }).last();

  // GitHub Pro: 180 core-hours. What runs now burns `cores` of them an hour.
  await page.getByRole('combobox', { name: 'Your GitHub plan' }).selectOption('pro');
  await usedField.fill(String(180 - cores / 2));
  await expect(computeFigure).toContainText('In about an hour');
  const hours = Math.min(5, Math.floor(180 / cores));
  expect(hours).toBeGreaterThanOrEqual(2);
  await usedField.fill(String(180 - cores * hours));
  await expect(computeFigure).toContainText(`In ${hours} hours`);

  const table = page.getByRole('table', { name: 'Cost of each codespace' });
  const shown = await table.locator('tbody tr td:first-child').allTextContents();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hangar-usage-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => r.display_name || r.name).sort()).toEqual([...shown].sort());
});

test('reopening Export shows the latest export instead of starting over', async ({ page }) => {
  await signIn(page);
  const list = (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()) as {
    codespaces: { name: string; state: string; git_status: { has_unpushed_changes?: boolean } }[];
  };
  const target = list.codespaces.find((c) => c.state === 'Shutdown' && c.git_status.has_unpushed_changes)!;
  await page.goto(`/codespaces/${target.name}`);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Export succeeded', { timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const before = (await emulator.log(page.request)).length;
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Last export: Export succeeded');
  await expect(dialog.getByRole('status')).toContainText(`codespace-${target.name}`);
  const calls = (await emulator.log(page.request)).slice(before);
  expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/exports'))).toEqual([]);
  expect(calls.some((c) => c.method === 'GET' && c.path.endsWith('/exports/latest'))).toBe(true);
});

test('desktop notifications are turned on from the account menu, and stay on', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await signIn(page);
  await page.getByRole('button', { name: /^Account:/ }).click();
  const item = page.getByRole('menuitemcheckbox', { name: /Desktop notifications/ });
  await expect(item).toHaveAttribute('aria-checked', 'false');
  await item.click();
  await expect(item).toHaveAttribute('aria-checked', 'true');
  await page.reload();
  await page.getByRole('button', { name: /^Account:/ }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: /Desktop notifications/ })).toHaveAttribute('aria-checked', 'true');
});
