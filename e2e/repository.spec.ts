import { expect, test } from '@playwright/test';
import { collectListedNames, emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

test('a repository’s page lists only the user’s codespaces in that repository, and creates one there', async ({ page }) => {
  await signIn(page, 'mona');
  // From the list: every repository name links to its page.
  const link = page.locator('[role="row"][data-codespace]').getByRole('link', { name: 'octo-org/octo-app', exact: true }).first();
  await link.click();
  await expect(page).toHaveURL(/\/repos\/octo-org\/octo-app$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('octo-org/octo-app');

  const all: { name: string; repository: { full_name: string } }[] = [];
  for (let p = 1; ; p++) {
    const { codespaces } = await (await page.request.get(`/api/github/user/codespaces?per_page=100&page=${p}`)).json();
    all.push(...codespaces);
    if (codespaces.length < 100) break;
  }
  const here = new Set(all.filter((c) => c.repository.full_name === 'octo-org/octo-app').map((c) => c.name));
  // The check can fail: mona has codespaces elsewhere too.
  expect(here.size).toBeGreaterThan(0);
  expect(all.length).toBeGreaterThan(here.size);

  await expect(page.getByRole('table', { name: 'Codespaces' }).locator('[role="row"][data-codespace]').first()).toBeVisible();
  expect(await collectListedNames(page)).toEqual(here);
  await expect(page.getByRole('heading', { name: `Your codespaces here (${here.size})` })).toBeVisible();
  await expect(page.getByText('.devcontainer/e2e/devcontainer.json')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Machine types' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('link', { name: 'New codespace' }).click();
  await expect(page).toHaveURL(/\/codespaces\/new\?repo=octo-org%2Focto-app$/);
  await expect(page.getByRole('listbox', { name: 'Repository' })).toHaveValue('octo-org/octo-app');
});

test('the detail page links its repository to the repository’s page', async ({ page }) => {
  await signIn(page, 'mona');
  const name = await page.locator('[role="row"][data-codespace]').first().getAttribute('data-codespace');
  const { repository } = await (await page.request.get(`/api/github/user/codespaces/${name}`)).json();
  await page.goto(`/codespaces/${name}`);
  await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: repository.full_name }).click();
  await expect(page).toHaveURL(new RegExp(`/repos/${repository.full_name}$`));
});

test('an administrator is asked for the repo scope only at the repository’s page, and manages its secrets after', async ({
  page,
  request,
}) => {
  await signIn(page, 'mona');
  // A public repository she administers: its secrets are what needs the scope.
  await page.goto('/repos/mona/hello-world');
  await expect(page.getByRole('region', { name: 'Codespaces secrets of this repository' })).toContainText('only with the repo scope');
  await expect(page.getByRole('region', { name: 'What Hangar cannot show here' })).toHaveCount(0);
  // A private one: GitHub hides the repository itself without repo (so whether she administers it too).
  await page.goto('/repos/mona/blog');
  const notice = page.getByRole('region', { name: 'What Hangar cannot show here' });
  await expect(notice).toContainText('mona/blog is private, and you signed in to Hangar without GitHub’s repo scope');
  await expect(notice).toContainText('if you administer it, its Codespaces secrets');
  const section = page.getByRole('region', { name: 'Codespaces secrets of this repository' });
  await expect(section).toHaveCount(0);
  await notice.getByRole('button', { name: 'Grant repository access on GitHub' }).click();
  // Hangar's own scopes and repo: nothing more.
  await expect(page).toHaveURL(/scope=codespace(\+|%20)read%3Auser(\+|%20)user%3Aemail(\+|%20)repo(&|$)/);
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page).toHaveURL(/\/repos\/mona\/blog$/);
  await expect(section.getByRole('row', { name: /PREVIEW_DEPLOY_TOKEN/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('Notes on tooling and developer experience')).toBeVisible();

  await section.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for mona/blog' });
  await expect(form.getByRole('listbox')).toHaveCount(0);
  await form.getByLabel('Name').fill('CDN_KEY');
  await form.getByLabel('Value').fill('cdn-value-typed');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form).toBeHidden();
  await expect(section.getByRole('row', { name: /CDN_KEY/ })).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'repo', owner: 'mona', repo: 'blog' }, 'CDN_KEY')).toBe('cdn-value-typed');

  await section
    .getByRole('row', { name: /CDN_KEY/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete CDN_KEY?' });
  await confirm.getByRole('button', { name: /Delete/ }).click();
  // The dialog stays until GitHub has answered (while open, it hides the page from the accessibility tree).
  await expect(confirm).toBeHidden();
  await expect(section.getByRole('row', { name: /CDN_KEY/ })).toHaveCount(0);
  expect(await emulator.secretValue(request, { scope: 'repo', owner: 'mona', repo: 'blog' }, 'CDN_KEY')).toBeNull();
});

test('someone who does not administer a repository sees no secrets section', async ({ page }) => {
  await signIn(page, 'hubot');
  // Public: GitHub shows hubot its permissions there (write, not admin) without the repo scope.
  await page.goto('/repos/octo-org/design-system');
  await expect(page.getByText('Only administrators of octo-org/design-system manage its Codespaces secrets.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Grant repository access on GitHub' })).toHaveCount(0);
});
