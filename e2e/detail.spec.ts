import { expect, test, type Page } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

type Listed = {
  name: string;
  display_name: string | null;
  state: string;
  git_status: { ahead?: number; behind?: number; has_unpushed_changes?: boolean; has_uncommitted_changes?: boolean; ref?: string };
};

async function codespaces(page: Page): Promise<Listed[]> {
  return (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()).codespaces;
}

test('the detail view shows git status and machine, with the actions its state allows', async ({ page }) => {
  await signIn(page, 'mona');
  const codespace = (await codespaces(page)).find((c) => c.state === 'Shutdown' && (c.git_status.ahead ?? 0) > 0)!;
  expect(codespace, 'a stopped codespace with commits ahead').toBeTruthy();
  await page.goto(`/codespaces/${codespace.name}`);

  const git = page.getByRole('region', { name: 'Git status' });
  await expect(git).toContainText(codespace.git_status.ref!);
  await expect(git).toContainText(`${codespace.git_status.ahead} ahead`);
  await expect(git).toContainText(`${codespace.git_status.behind ?? 0} behind`);
  await expect(git).toContainText(/unpushed changes/i);
  await expect(git).toContainText(/uncommitted changes/i);

  const machine = page.getByRole('region', { name: 'Machine' });
  await expect(machine).toContainText('Cores');
  await expect(machine).toContainText('Memory');
  await expect(machine).toContainText('Storage');

  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeEnabled();
});

test('deleting a codespace with unpushed work requires typing its name', async ({ page }) => {
  await signIn(page, 'mona');
  const codespace = (await codespaces(page)).find(
    (c) => c.state === 'Shutdown' && (c.git_status.has_unpushed_changes || (c.git_status.ahead ?? 0) > 0),
  )!;
  const title = codespace.display_name || codespace.name;
  await page.goto(`/codespaces/${codespace.name}`);
  await page.getByRole('button', { name: 'Delete' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`${title} has work that is not on GitHub`);
  const confirm = dialog.getByRole('button', { name: /Delete/ });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('something else');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(title);
  await confirm.click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator(`[data-codespace="${codespace.name}"]`)).toHaveCount(0);
  expect((await page.request.get(`/api/github/user/codespaces/${codespace.name}`)).status()).toBe(404);
});

test('an unknown codespace gets a clear not-found message', async ({ page }) => {
  await signIn(page, 'mona');
  await page.goto('/codespaces/no-such-codespace-here');
  await expect(page.getByText('This codespace does not exist')).toBeVisible();
});

test('a codespace made from a pull request says which one, linked to it on GitHub', async ({ page }) => {
  await signIn(page);
  const fromPull = (await codespaces(page)).find((c) => (c as Listed & { pulls_url: string | null }).pulls_url)!;
  const number = /\/pulls\/(\d+)$/.exec((fromPull as Listed & { pulls_url: string }).pulls_url)![1];
  await page.goto(`/codespaces/${fromPull.name}`);
  const link = page.getByRole('link', { name: `From pull request #${number}` });
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(new RegExp(`/pull/${number}$`));
});

test('a codespace opened from the list has its cost this month in the first paint, as the list says it', async ({ page }) => {
  await signIn(page, 'mona');
  const row = page.locator('[role="row"][data-codespace]').first();
  const listed = row.locator('[data-cost]');
  await expect(listed).toBeVisible();
  const name = await row.getAttribute('data-codespace');
  // The page as the server sends it, before any script runs: Hangar's store holds the list the user came from.
  const html = await (await page.request.get(`/codespaces/${name}`)).text();
  const inFirstPaint = /data-cost="([\d.]+)"/.exec(html)?.[1];
  expect(inFirstPaint, 'the cost in the server-rendered page').toBeDefined();
  // The same function over the same list and report; a running codespace's compute moves by the second.
  expect(Math.abs(Number(inFirstPaint) - Number(await listed.getAttribute('data-cost')))).toBeLessThan(0.05);
});

test('while GitHub keeps failing to give a codespace, its page says so after the first failed read, not after every retry', async ({
  page,
  request,
}) => {
  await signIn(page, 'mona');
  const name = (await page.locator('[role="row"][data-codespace]').first().getAttribute('data-codespace'))!;
  await emulator.fault(request, { method: 'GET', path: `^/user/codespaces/${name}$`, status: 503, times: 1000 });
  const started = Date.now();
  await page.goto(`/codespaces/${name}`);
  // Each read waits up to the upstream timeout (4 s in these tests) and is tried three times: a
  // skeleton for all of it is a page that seems to hang.
  await expect(page.getByRole('alert').filter({ hasText: 'GitHub is not answering' })).toBeVisible({ timeout: 12_000 });
  expect(Date.now() - started).toBeLessThan(12_000);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();

  // GitHub answers again: the page shows the codespace, and the alert goes.
  expect((await request.delete('/emulator/_emulator/faults')).status()).toBe(204);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'GitHub is not answering' })).toHaveCount(0);
});
