import { expect, test } from '@playwright/test';
import { emulator, signIn, signInWithOrgAccess } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

const orgRows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Organization codespaces' }).locator('[role="row"][data-codespace]');

test('an admin is asked for organization access only when opening the organization, and lands back on it', async ({ page, request }) => {
  const since = Date.now();
  await signIn(page, 'mona');
  await page.getByRole('button', { name: 'Organizations' }).click();
  await page.getByRole('menuitem', { name: /octo-org/ }).click();

  await expect(page.getByRole('heading', { name: 'See every codespace of octo-org' })).toBeVisible();
  await expect(page.getByText(/admin:org/).first()).toBeVisible();
  // Nothing was asked of GitHub about the organisation before the user agreed.
  expect((await emulator.log(request, since)).filter((e) => e.path.startsWith('/orgs/'))).toEqual([]);

  await page.getByRole('button', { name: 'Grant organization access on GitHub' }).click();
  await expect(page).toHaveURL(/scope=[^&]*admin%3Aorg/);
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page).toHaveURL(/\/orgs\/octo-org$/);
  await expect(page.getByRole('heading', { name: 'octo-org codespaces' })).toBeVisible();
  await expect(orgRows(page).first()).toBeVisible();
  // Members other than mona appear: this is the organisation's list, not hers.
  const members = await orgRows(page).locator('[role="cell"]:nth-child(3)').allInnerTexts();
  expect(members.filter((member) => member.trim() !== 'mona')).not.toEqual([]);
});

test('a member who is not an owner is told so plainly', async ({ page }) => {
  await signInWithOrgAccess(page, 'hubot');
  await expect(page.getByRole('heading', { name: 'Only owners of octo-org can see its codespaces' })).toBeVisible();
  await expect(page.getByText(/GitHub refused/)).toBeVisible();
});

test('the organization view filters by member and groups by repository, in the URL', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.getByRole('combobox', { name: 'Member' }).selectOption('hubot');
  const members = async () => [...new Set(await orgRows(page).locator('[role="cell"]:nth-child(3)').allInnerTexts())];
  await expect.poll(members).toEqual(['hubot']);
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('repository');
  await expect(page).toHaveURL(/member=hubot&group=repository/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Member' })).toHaveValue('hubot');
  await expect(page.getByRole('row', { name: /running/ }).first()).toBeVisible();
});

test('bulk Stop on members’ behalf reports each outcome, failures included', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/orgs/octo-org/codespaces?per_page=100')).json();
  const running: string[] = codespaces.filter((c: { state: string }) => c.state === 'Available').map((c: { name: string }) => c.name);
  expect(running.length).toBeGreaterThan(1);
  await page.getByRole('combobox', { name: 'State' }).selectOption('running');
  await expect(orgRows(page).first()).toBeVisible();
  await emulator.fault(request, { method: 'POST', path: `/codespaces/${running[0]}/stop$`, status: 500, times: 1 });
  const since = Date.now();

  await page.getByRole('checkbox', { name: 'Select all matching the filter' }).check();
  await page.getByRole('button', { name: 'Stop selected' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: `Stop ${running.length} codespaces` }).click();
  // GitHub asks for one write a second per user: Hangar's client keeps to it, so this takes a while.
  await expect(dialog.getByRole('status')).toHaveText(`${running.length - 1} succeeded, 1 failed`, { timeout: 40_000 });

  const stops = (await emulator.log(request, since)).filter((e) => e.method === 'POST');
  expect(stops).toHaveLength(running.length);
  expect(stops.every((e) => /^\/orgs\/octo-org\/members\/[^/]+\/codespaces\/[^/]+\/stop$/.test(e.path))).toBe(true);
});

test('deleting a member’s codespace with unpushed work requires typing its name', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/orgs/octo-org/codespaces?per_page=100')).json();
  const target = codespaces.find(
    (c: { owner: { login: string }; state: string; git_status: { has_unpushed_changes: boolean } }) =>
      c.owner.login !== 'mona' && c.state === 'Shutdown' && c.git_status.has_unpushed_changes,
  );
  expect(target, 'a member’s stopped codespace with unpushed work').toBeTruthy();
  const title = target.display_name || target.name;

  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(target.name);
  await page.getByRole('checkbox', { name: `Select ${title}` }).check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(title);
  await expect(dialog).toContainText(`(${target.owner.login})`);
  await expect(dialog).toContainText(/would be lost/);
  const confirm = dialog.getByRole('button', { name: 'Delete 1 codespace' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('delete');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(title);
  await confirm.click();
  await expect(dialog.getByRole('status')).toHaveText('All 1 succeeded');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(`[data-codespace="${target.name}"]`)).toHaveCount(0);
  const deletes = (await emulator.log(request)).filter((e) => e.method === 'DELETE');
  expect(deletes.map((e) => e.path)).toEqual([`/orgs/octo-org/members/${target.owner.login}/codespaces/${target.name}`]);
});
