import { expect, test, type Page } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

/** Every request the page sends, with its URL and body, to check what left the browser. */
function recordRequests(page: Page) {
  const sent: { method: string; url: string; body: string }[] = [];
  page.on('request', (request) => sent.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' }));
  return sent;
}

const secretRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Your Codespaces secrets' }).getByRole('row', { name: new RegExp(name) });

test('a secret is created, given a new value and other repositories, and deleted; GitHub holds exactly what was typed, and only its sealed form left the browser', async ({
  page,
  request,
}) => {
  const sent = recordRequests(page);
  const first = `first-${Math.random().toString(36).slice(2)}-value`;
  const second = `second-${Math.random().toString(36).slice(2)}-value`;
  await signIn(page, 'mona');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secrets' }).click();
  await expect(page.getByRole('heading', { name: 'Your Codespaces secrets' })).toBeVisible();
  await expect(secretRow(page, 'NPM_TOKEN')).toBeVisible();

  // Create, for one repository.
  await page.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
  await expect(form).toContainText('Values are never shown back');
  await form.getByLabel('Name').fill('e2e_deploy_token');
  await form.getByLabel('Value').fill(first);
  await form.getByRole('option', { name: 'mona/blog' }).click();
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form).toBeHidden();
  const row = secretRow(page, 'E2E_DEPLOY_TOKEN');
  await expect(row.getByRole('link', { name: 'mona/blog' })).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'E2E_DEPLOY_TOKEN')).toBe(first);

  // A new value, and other repositories.
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit E2E_DEPLOY_TOKEN' });
  await expect(edit.getByRole('option', { name: 'mona/blog' })).toHaveAttribute('aria-selected', 'true');
  await edit.getByLabel('Value').fill(second);
  await edit.getByRole('option', { name: 'mona/blog' }).click();
  await edit.getByRole('option', { name: 'mona/dotfiles' }).click();
  await edit.getByRole('button', { name: 'Save secret' }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByRole('link', { name: 'mona/dotfiles' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'mona/blog' })).toHaveCount(0);
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'E2E_DEPLOY_TOKEN')).toBe(second);

  // Other repositories only: the value left empty is kept.
  await row.getByRole('button', { name: 'Edit' }).click();
  await edit.getByRole('searchbox', { name: 'Search repositories' }).fill('octo-app');
  await edit.getByRole('option', { name: 'octo-org/octo-app' }).click();
  await expect(edit).toContainText('Keeps the value of E2E_DEPLOY_TOKEN and makes it available to mona/dotfiles and octo-org/octo-app.');
  await edit.getByRole('button', { name: 'Save secret' }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByRole('link', { name: 'octo-org/octo-app' })).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'E2E_DEPLOY_TOKEN')).toBe(second);

  // Delete, confirmed.
  await row.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete E2E_DEPLOY_TOKEN?' });
  await expect(confirm).toContainText('mona/dotfiles and octo-org/octo-app');
  await confirm.getByRole('button', { name: /Delete/ }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'E2E_DEPLOY_TOKEN')).toBeNull();

  // What the browser sent Hangar: the sealed values and key ids, never a value as typed.
  const puts = sent.filter((r) => r.method === 'PUT' && /\/api\/github\/user\/codespaces\/secrets\/E2E_DEPLOY_TOKEN$/.test(r.url));
  expect(puts).toHaveLength(2);
  for (const put of puts)
    expect(Object.keys(JSON.parse(put.body)).sort()).toEqual(['encrypted_value', 'key_id', 'selected_repository_ids']);
  for (const { url, body } of sent) {
    for (const value of [first, second]) {
      expect(body).not.toContain(value);
      expect(decodeURIComponent(url)).not.toContain(value);
    }
  }
});

test('a large value, such as a 40 KB certificate bundle, saves: its sealed form fits what the proxy takes for a secret', async ({
  page,
  request,
}) => {
  // Printable, varied, and past the 16 KiB other operations' bodies may take once sealed.
  const line = 'MIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n';
  const value = line.repeat(Math.ceil((40 * 1024) / line.length)).slice(0, 40 * 1024);
  await signIn(page, 'mona');
  await page.goto('/secrets');
  await page.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
  await form.getByLabel('Name').fill('CA_BUNDLE');
  await form.getByLabel('Value').fill(value);
  // A user secret is for the repositories chosen (with private ones hidden, none is refused).
  await form.getByRole('option', { name: 'mona/blog' }).click();
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/github/user/codespaces/secrets/CA_BUNDLE'),
  );
  await form.getByRole('button', { name: 'Save secret' }).click();
  expect((await saved).status()).toBe(201);
  await expect(form).toBeHidden();
  await expect(secretRow(page, 'CA_BUNDLE')).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'CA_BUNDLE')).toBe(value);
});

test('a name GitHub would refuse is shown beside the field before anything is sent', async ({ page }) => {
  await signIn(page, 'mona');
  await page.goto('/secrets');
  await page.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
  const sent = recordRequests(page);
  await form.getByLabel('Name').fill('GITHUB_TOKEN');
  await form.getByLabel('Value').fill('x');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Names cannot start with GITHUB_');
  await form.getByLabel('Name').fill('1ST_TOKEN');
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Names cannot start with a number');
  expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  await expect(form).toBeVisible();
});
