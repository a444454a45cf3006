import { expect, test } from '@playwright/test';
import { collectListedNames, emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

test('every codespace is listed, across every page of GitHub’s list', async ({ page, request }) => {
  await signIn(page, 'mona');
  const since = Date.now();
  const first = await (await page.request.get('/api/github/user/codespaces?per_page=5')).json();
  expect(first.total_count).toBeGreaterThanOrEqual(40);

  await page.reload();
  await expect(page.getByText(`${first.total_count} codespaces`, { exact: true })).toBeVisible();
  const names = await collectListedNames(page);
  expect(names.size).toBe(first.total_count);

  // GitHub pages at most 100 per request: the page asked for them all, not just the first 30.
  const listCalls = (await emulator.log(request, since)).filter((e) => e.method === 'GET' && e.path.startsWith('/user/codespaces'));
  expect(listCalls.length).toBeGreaterThan(0);
});

test('each row shows name, repository, branch, state and machine, and links to the codespace', async ({ page }) => {
  await signIn(page, 'mona');
  const row = page.locator('[role="row"][data-codespace]').first();
  const name = (await row.getAttribute('data-codespace'))!;
  const codespace = await (await page.request.get(`/api/github/user/codespaces/${name}`)).json();

  await expect(row).toContainText(codespace.repository.full_name);
  await expect(row).toContainText(codespace.git_status.ref);
  await expect(row).toContainText(codespace.state);
  await expect(row).toContainText(`${codespace.machine.cpus} cores`);
  await expect(row.getByRole('link', { name: codespace.display_name || codespace.name })).toHaveAttribute('href', `/codespaces/${name}`);
});

test('filters and sort live in the URL, so a filtered view survives a reload', async ({ page }) => {
  await signIn(page, 'mona');
  await page.getByRole('combobox', { name: 'State' }).selectOption('Shutdown');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
  await expect(page).toHaveURL(/state=Shutdown/);
  await expect(page).toHaveURL(/sort=name/);

  const states = () => page.locator('[role="row"][data-codespace] [data-codespace-state]').allTextContents();
  await expect.poll(async () => new Set(await states())).toEqual(new Set(['Shutdown']));

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('Shutdown');
  await expect.poll(async () => new Set(await states())).toEqual(new Set(['Shutdown']));

  await page.getByRole('searchbox', { name: 'Filter by text' }).fill('zzzz-no-such-codespace');
  await expect(page.getByRole('heading', { name: 'No codespaces match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/state=/);
});
