import Papa from 'papaparse';
import { expect, test, type Download, type Page } from '@playwright/test';
import { collectListedNames, emulator, row, signIn, signInWithOrgAccess } from './helpers';

/** What a developer meets every day on their own list: what needs them, the keyboard, notifications, CSV. */

test.beforeEach(async ({ request }) => emulator.reset(request));

async function csvOf(download: Download): Promise<Record<string, string>[]> {
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Every row the list shows (it is virtualised: scrolled through). */
const listed = async (page: Page) => [...(await collectListedNames(page))];

test('the attention list names a codespace with unpushed work GitHub is about to delete, and exports it from there', async ({
  page,
  request,
}) => {
  await signIn(page, 'mona');
  const attention = page.getByRole('region', { name: /needs your attention/i });
  const item = attention.getByRole('listitem').filter({ hasText: 'Rounding hotfix' });
  await expect(item).toContainText(/deleted|deletes/);
  const since = Date.now();
  await item.getByRole('button', { name: /Export/ }).click();
  const dialog = page.getByRole('dialog', { name: /Export Rounding hotfix/ });
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Export(ing|\s+succeeded)/);
  const exports = (await emulator.log(request, since)).filter((e) => e.method === 'POST' && e.path.endsWith('/exports'));
  expect(exports).toHaveLength(1);
  await expect(dialog.getByRole('status')).toContainText('Export succeeded', { timeout: 15_000 });
});

test('the keyboard moves through the list, and s stops the row it is on', async ({ page }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const running = codespaces.find((c: { state: string }) => c.state === 'Available') as { name: string };
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(running.name);
  await expect(page.locator('[role="row"][data-codespace]')).toHaveCount(1);
  // Typing in the field is typing: j and s do nothing there.
  await page.getByRole('searchbox', { name: 'Filter by text' }).press('j');
  await expect(page.getByRole('searchbox', { name: 'Filter by text' })).toHaveValue(`${running.name}j`);
  await page.getByRole('searchbox', { name: 'Filter by text' }).press('Backspace');
  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await expect(row(page, running.name)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('s');
  await expect(row(page, running.name).locator('[data-codespace-state]')).toHaveText('ShuttingDown');
  // ? lists every shortcut; / goes back to the filter.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter by text' })).toBeFocused();
});

test('a desktop notification says when a codespace the user started is available', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  // Records what would be shown, as the browser's own Notification does.
  await page.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    window.Notification = Recorded as typeof Notification;
  });
  await signIn(page, 'mona');
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitemcheckbox', { name: /Desktop notifications/ }).click();
  await page.keyboard.press('Escape');

  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const stopped = codespaces.find((c: { state: string }) => c.state === 'Shutdown') as { name: string; display_name: string | null };
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(stopped.name);
  await row(page, stopped.name).getByRole('button', { name: 'Start' }).click();
  await expect(row(page, stopped.name).locator('[data-codespace-state]')).toHaveText('Available', { timeout: 15_000 });
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map((n) => n.title)),
    )
    .toContainEqual(expect.stringContaining(stopped.display_name ?? stopped.name));
});

test('the list’s CSV holds exactly the rows the filters show, with ISO dates', async ({ page }) => {
  await signIn(page, 'mona');
  await page.getByRole('combobox', { name: 'State' }).selectOption('Shutdown');
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill('octo-org');
  const shown = await listed(page);
  expect(shown.length).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = await csvOf(download);
  expect(rows.map((r) => r.name).sort()).toEqual([...shown].sort());
  expect(rows.every((r) => r.state === 'Shutdown')).toBe(true);
  expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T/.test(r.last_used_at ?? ''))).toBe(true);
});

test('the organisation view’s CSV holds the rows its filters show, with member and cost', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.getByRole('combobox', { name: 'Member' }).selectOption('lisa-dev');
  await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
  const shown = await listed(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = await csvOf(download);
  expect(rows.map((r) => r.name).sort()).toEqual([...shown].sort());
  expect(rows.every((r) => r.member === 'lisa-dev')).toBe(true);
  expect(rows.every((r) => r.cost_per_hour_usd !== '' && Number.isFinite(Number(r.cost_per_hour_usd)))).toBe(true);
});

test('which codespace cost the most this month: sort the list by its cost, and the CSV says the same', async ({ page }) => {
  await signIn(page, 'mona');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('cost');
  await expect(page).toHaveURL(/sort=cost/);
  const costs = page.locator('[role="row"][data-codespace] [data-cost]');
  await expect(costs.first()).toBeVisible();
  const shown = (await costs.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-cost'))))).slice(0, 10);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  expect(shown[0]).toBeGreaterThan(0);
  // Said to be an estimate, with why.
  await expect(costs.first()).toHaveAttribute('title', /^Estimated/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = await csvOf(download);
  const top = rows[0]!;
  expect(Number(top.cost_this_month_usd_estimated).toFixed(2)).toBe(shown[0]!.toFixed(2));
  expect(['report', 'record']).toContain(top.cost_estimated_from);
});

test('“Select these” puts every running, unused codespace into the selection, and the bulk bar stops them at once', async ({ page }) => {
  await signIn(page, 'mona');
  const attention = page.getByRole('region', { name: /needs your attention/i });
  const group = attention.locator('[data-attention-group="running-unused"]');
  const count = Number(/\((\d+)\)/.exec((await group.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  await group.getByRole('button', { name: /^Select these/ }).click();
  await expect(page.getByText(new RegExp(`^${count} codespaces? selected$`))).toBeVisible();
  await page.getByRole('button', { name: 'Stop selected' }).click();
  await expect(page.getByRole('dialog')).toContainText(String(count));
});

test('the attention panel collapses, and stays collapsed after a reload', async ({ page }) => {
  await signIn(page, 'mona');
  const toggle = page.getByRole('button', { name: /Needs your attention/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByRole('button', { name: /Needs your attention/ })).toHaveAttribute('aria-expanded', 'false');
});
