import { expect, test } from '@playwright/test';
import { emulator, grantOrgAccess, signIn, signInWithOrgAccess } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

test('an owner lets only selected members use Codespaces, each change confirmed and shown as set', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/orgs\/octo-org\/settings$/);
  await expect(page.getByText(/GitHub offers no way to read the current setting/)).toBeVisible();
  expect((await emulator.codespacesAccess(request, 'octo-org')).visibility).toBe('all_members');

  await page.getByRole('radio', { name: /^Selected members/ }).check();
  const members = page.getByRole('listbox', { name: 'Members' });
  await members.getByRole('option', { name: 'hubot' }).click();
  await members.getByRole('option', { name: 'lisa-dev' }).click();
  await page.getByRole('button', { name: 'Save access' }).click();
  const confirm = page.getByRole('dialog', { name: 'Change who may use Codespaces in octo-org?' });
  await expect(confirm).toContainText('Only hubot and lisa-dev will be able to use Codespaces billed to octo-org.');
  await confirm.getByRole('button', { name: 'Save access' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText(
    'Saved: Selected members: hubot and lisa-dev (GitHub does not let Hangar read the current setting back, so this shows what was last set here)',
  );
  expect(await emulator.codespacesAccess(request, 'octo-org')).toEqual({
    visibility: 'selected_members',
    selected_usernames: ['hubot', 'lisa-dev'],
  });

  // Changing the members after that sends who is added and who removed.
  await members.getByRole('option', { name: 'lisa-dev' }).click();
  await members.getByRole('option', { name: 'mona' }).click();
  await page.getByRole('button', { name: 'Save access' }).click();
  await expect(confirm).toContainText('this adds mona and removes lisa-dev');
  await confirm.getByRole('button', { name: 'Save access' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('Saved: Selected members: hubot and mona');
  expect(await emulator.codespacesAccess(request, 'octo-org')).toEqual({
    visibility: 'selected_members',
    selected_usernames: ['hubot', 'mona'],
  });
});

test('an owner adds an organization secret that one repository may use', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.goto('/orgs/octo-org/settings');
  const table = page.getByRole('table', { name: 'Codespaces secrets of octo-org' });
  await expect(table.getByRole('row', { name: /REGISTRY_TOKEN/ })).toContainText('All repositories of octo-org');

  await page.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for octo-org' });
  await form.getByLabel('Name').fill('SEARCH_API_KEY');
  await form.getByLabel('Value').fill('search-key-as-typed');
  await form.getByRole('radio', { name: /Selected repositories/ }).check();
  await form.getByRole('option', { name: 'octo-org/octo-app' }).click();
  await expect(form).toContainText('Creates SEARCH_API_KEY for octo-org/octo-app, sealed in this browser.');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form).toBeHidden();
  await expect(table.getByRole('row', { name: /SEARCH_API_KEY/ }).getByRole('link', { name: 'octo-org/octo-app' })).toBeVisible();

  expect(await emulator.secretValue(request, { scope: 'org', owner: 'octo-org' }, 'SEARCH_API_KEY')).toBe('search-key-as-typed');
  const secret = await (await page.request.get('/api/github/orgs/octo-org/codespaces/secrets/SEARCH_API_KEY')).json();
  expect(secret.visibility).toBe('selected');
  const chosen = await (await page.request.get('/api/github/orgs/octo-org/codespaces/secrets/SEARCH_API_KEY/repositories')).json();
  expect(chosen.repositories.map((r: { full_name: string }) => r.full_name)).toEqual(['octo-org/octo-app']);

  // Another repository, the value kept.
  await table
    .getByRole('row', { name: /SEARCH_API_KEY/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const edit = page.getByRole('dialog', { name: 'Edit SEARCH_API_KEY' });
  await edit.getByRole('option', { name: 'octo-org/api-server' }).click();
  await edit.getByRole('button', { name: 'Save secret' }).click();
  await expect(edit).toBeHidden();
  await expect(table.getByRole('row', { name: /SEARCH_API_KEY/ }).getByRole('link', { name: 'octo-org/api-server' })).toBeVisible();
  const after = await (await page.request.get('/api/github/orgs/octo-org/codespaces/secrets/SEARCH_API_KEY/repositories')).json();
  expect(after.repositories.map((r: { full_name: string }) => r.full_name).sort()).toEqual(['octo-org/api-server', 'octo-org/octo-app']);
  expect(await emulator.secretValue(request, { scope: 'org', owner: 'octo-org' }, 'SEARCH_API_KEY')).toBe('search-key-as-typed');
});

test('a member who is not an owner is told plainly that the settings are for owners', async ({ page }) => {
  await signIn(page, 'hubot');
  await grantOrgAccess(page, 'hubot');
  await page.goto('/orgs/octo-org/settings');
  await expect(page.getByRole('heading', { name: 'Only owners of octo-org can change its Codespaces settings' })).toBeVisible();
  await expect(page.getByText(/GitHub refused/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save access' })).toHaveCount(0);
});

test('a member’s page lists that member’s codespaces billed to the organization, and stops one on their behalf', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.getByRole('table', { name: 'Organization codespaces' }).getByRole('link', { name: 'lisa-dev', exact: true }).first().click();
  await expect(page).toHaveURL(/\/orgs\/octo-org\/members\/lisa-dev$/);
  await expect(page.getByRole('heading', { name: 'lisa-dev’s codespaces' })).toBeVisible();

  const { codespaces } = await (await page.request.get('/api/github/orgs/octo-org/members/lisa-dev/codespaces?per_page=100')).json();
  const rows = page.getByRole('table', { name: 'Organization codespaces' }).locator('[role="row"][data-codespace]');
  await expect(rows).toHaveCount(codespaces.length);
  // Exactly lisa-dev's, named once in the heading: no column repeats her name on every row.
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-codespace'))))).toEqual(
    new Set(codespaces.map((c: { name: string }) => c.name)),
  );
  await expect(page.getByRole('columnheader', { name: 'Member' })).toHaveCount(0);

  const running = codespaces.find((c: { state: string }) => c.state === 'Available');
  expect(running).toBeTruthy();
  await page.getByRole('checkbox', { name: `Select ${running.display_name || running.name}` }).check();
  await page.getByRole('button', { name: 'Stop selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop 1 codespace?' });
  await dialog.getByRole('button', { name: 'Stop 1 codespace' }).click();
  await expect(dialog.getByRole('status')).toHaveText('All 1 succeeded');
});

test('on a phone every choice of who may use Codespaces has the same radio button, lined up with the others', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithOrgAccess(page, 'mona');
  await page.goto('/orgs/octo-org/settings');
  const radios = page.getByRole('group', { name: 'Who may use Codespaces' }).getByRole('radio');
  await expect(radios).toHaveCount(4);
  const boxes = await radios.evaluateAll((inputs) =>
    inputs.map((input) => input.getBoundingClientRect()).map(({ x, width }) => ({ x, width })),
  );
  // A long description beside it must not squeeze a radio button.
  expect(new Set(boxes.map((box) => `${box.x}:${box.width}`)).size).toBe(1);
});
