import { expect, test, type Page } from '@playwright/test';
import { collectListedNames, emulator, signIn, signInWithOrgAccess } from './helpers';

/**
 * What an OAuth App's scopes hide (CONTRACT.md): the demo sign-in asks for Hangar's scopes,
 * `codespace read:user user:email`, without `repo`, so GitHub (and the emulator) hides every
 * private repository outside the Codespaces endpoints. Hangar works with that, and asks for `repo`
 * only where the user wants it.
 */

test.beforeEach(async ({ request }) => emulator.reset(request));

type Codespace = { name: string; repository: { full_name: string }; git_status: { ref: string }; location: string };

async function allCodespaces(page: Page): Promise<Codespace[]> {
  return (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()).codespaces;
}

/** Every request that would create a codespace, as the page sends them. */
function recordCreates(page: Page) {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/github\/.*codespaces$/.test(new URL(request.url()).pathname))
      sent.push({ url: request.url(), body: JSON.parse(request.postData() ?? '{}') });
  });
  return sent;
}

/** Goes through GitHub's consent for Hangar's scopes and repo (keeping any granted before), and back. */
async function grantRepo(page: Page, where: ReturnType<Page['getByRole']>, back: RegExp, login = 'mona') {
  await where.getByRole('button', { name: 'Grant repository access on GitHub' }).click();
  await expect(page).toHaveURL(
    /\/emulator\/login\/oauth\/authorize\?.*scope=codespace(\+|%20)read%3Auser(\+|%20)user%3Aemail(\+|%20).*repo/,
  );
  await page.getByRole('button', { name: `Sign in as ${login}` }).click();
  await expect(page).toHaveURL(back);
}

test('the page of a private repository lists the user’s codespaces there, says what it cannot show and why, and shows it all after consent', async ({
  page,
}) => {
  await signIn(page, 'mona');
  // GitHub hides the repository itself from this token, yet lists her codespaces in it.
  expect((await page.request.get('/api/github/repos/octo-org/octo-app')).status()).toBe(404);
  const here = new Set((await allCodespaces(page)).filter((c) => c.repository.full_name === 'octo-org/octo-app').map((c) => c.name));
  expect(here.size).toBeGreaterThan(5);

  await page.goto('/repos/octo-org/octo-app');
  await expect(page.getByRole('heading', { name: `Your codespaces here (${here.size})` })).toBeVisible();
  expect(await collectListedNames(page)).toEqual(here);
  await expect(page.getByText(/No repository named/)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Private');
  const notice = page.getByRole('region', { name: 'What Hangar cannot show here' });
  await expect(notice).toContainText('octo-org/octo-app is private, and you signed in to Hangar without GitHub’s repo scope.');
  await expect(notice).toContainText('its description, branches and pull requests');
  await expect(notice).toContainText('full access to all of yours');
  // What the codespace scope covers is still there.
  await expect(page.getByText('.devcontainer/e2e/devcontainer.json')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Machine types' }).getByRole('row').nth(1)).toBeVisible();

  // A repository that does not exist keeps its designed not-found state.
  await page.goto('/repos/octo-org/no-such-repo');
  await expect(page.getByRole('heading', { name: 'No repository named octo-org/no-such-repo' })).toBeVisible();

  await page.goto('/repos/octo-org/octo-app');
  await grantRepo(page, notice, /\/repos\/octo-org\/octo-app$/);
  await expect(page.getByText('The Octo web application')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Your codespaces here (${here.size})` })).toBeVisible();
});

test('a codespace is created in a private repository typed as owner/repo, with the codespace scope alone, in the region chosen by geo', async ({
  page,
}) => {
  const creates = recordCreates(page);
  await signIn(page, 'mona');
  await page.goto('/codespaces/new');
  await expect(page.getByRole('region', { name: 'Private repositories are hidden' })).toContainText(
    'GitHub lists only your public repositories',
  );
  const picker = page.getByRole('listbox', { name: 'Repository' });
  // Her private repositories with codespaces are offered; one without any is nowhere until typed.
  await expect(picker.getByRole('option', { name: 'octo-org/octo-app', exact: true })).toBeAttached();
  await expect(picker.getByRole('option', { name: 'mona/hello-world', exact: true })).toBeAttached();
  await expect(picker.getByRole('option', { name: 'mona/homelab', exact: true })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search repositories' }).fill('mona/homelab');
  await page.getByRole('searchbox', { name: 'Search repositories' }).press('Enter');
  await expect(picker).toHaveValue('mona/homelab');
  await expect(page.getByRole('textbox', { name: 'Branch' })).toHaveValue('');
  await page.getByLabel('Region').selectOption({ label: 'Europe West' });
  await page.getByRole('button', { name: 'Create codespace' }).click();

  await expect(page).toHaveURL(/\/codespaces\/(?!new)[a-z0-9-]+$/, { timeout: 15_000 });
  const name = decodeURIComponent(page.url().split('/').pop()!);
  const created: Codespace = await (await page.request.get(`/api/github/user/codespaces/${name}`)).json();
  expect(created.repository.full_name).toBe('mona/homelab');
  expect(created.git_status.ref).toBe('main');
  expect(created.location).toBe('WestEurope');
  expect(creates).toHaveLength(1);
  expect(creates[0]!.url).toMatch(/\/api\/github\/repos\/mona\/homelab\/codespaces$/);
  expect(creates[0]!.body.geo).toBe('EuropeWest');
  expect(creates[0]!.body).not.toHaveProperty('location');
});

test('after the repo consent, the create page lists private repositories and their branches, and creates on one', async ({ page }) => {
  await signIn(page, 'mona');
  await page.goto('/codespaces/new');
  await grantRepo(page, page.getByRole('region', { name: 'Private repositories are hidden' }), /\/codespaces\/new$/);
  await expect(page.getByRole('region', { name: 'Private repositories are hidden' })).toHaveCount(0);

  await page.getByRole('listbox', { name: 'Repository' }).selectOption('mona/homelab');
  await page.getByRole('combobox', { name: 'Branch' }).selectOption('feat/backups');
  await page.getByRole('button', { name: 'Create codespace' }).click();
  await expect(page).toHaveURL(/\/codespaces\/(?!new)[a-z0-9-]+$/, { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Git status' })).toContainText('feat/backups');
});

test('from a pull request, a stale URL creates nothing, and a missing pull request is said so', async ({ page }) => {
  const creates = recordCreates(page);
  await signIn(page, 'mona');
  const before = (await allCodespaces(page)).length;
  await page.goto('/codespaces/new?from=pull');
  const url = page.getByLabel(/Pull request URL/);
  const create = page.getByRole('button', { name: 'Create codespace' });

  // Issue 25 (a): a URL replaced by garbage takes its pull request with it.
  await url.fill('http://127.0.0.1/octo-org/octo-app/pull/2');
  await expect(page.getByText('Hangar cannot check pull request #2')).toContainText(
    'GitHub does not list the pull requests of a private repository without the repo scope',
  );
  await expect(create).toBeEnabled();
  await url.fill('garbage');
  await expect(page.getByText('Not a pull request URL')).toBeVisible();
  await expect(create).toBeDisabled();
  await url.press('Enter');

  // (b) A pull request Hangar can read the repository of: checked before anything is sent.
  await url.fill('http://127.0.0.1/octo-org/design-system/pull/999');
  await expect(page.getByText('octo-org/design-system has no pull request #999.')).toBeVisible();
  await expect(create).toBeDisabled();
  await url.press('Enter');
  await url.fill('http://127.0.0.1/octo-org/design-system/pull/1');
  await expect(page.getByText('Pull request #1: Dark mode colour tokens, on feat/dark-mode.')).toBeVisible();

  // One it cannot read (private, no repo scope): GitHub decides, and its 404 is said in words.
  await url.fill('http://127.0.0.1/octo-org/octo-app/pull/999');
  await expect(page.getByText('Hangar cannot check pull request #999')).toBeVisible();
  await create.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not create the codespace' })).toContainText(
    'GitHub found no pull request #999 in octo-org/octo-app that you can create a codespace from.',
  );
  await expect(page).toHaveURL(/\/codespaces\/new\?from=pull$/);

  // Only that last attempt left the browser, and nothing was created.
  expect(creates.map((c) => new URL(c.url).pathname)).toEqual(['/api/github/repos/octo-org/octo-app/pulls/999/codespaces']);
  expect((await allCodespaces(page)).length).toBe(before);
});

test('the user’s secrets picker says private repositories are hidden, never saves a secret for none, and offers consent', async ({
  page,
  request,
}) => {
  await signIn(page, 'mona');
  await page.goto('/secrets');
  await page.getByRole('button', { name: 'New secret' }).click();
  let form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
  const notice = form.getByRole('region', { name: 'Private repositories are hidden' });
  await expect(notice).toContainText('GitHub lists only your public repositories');
  // Private ones her codespaces are in are there; others are not.
  await expect(form.getByRole('option', { name: 'mona/blog' })).toBeVisible();
  await expect(form.getByRole('option', { name: 'mona/homelab' })).toHaveCount(0);
  await form.getByLabel('Name').fill('HOMELAB_TOKEN');
  await form.getByLabel('Value').fill('homelab-value');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form.getByRole('alert')).toContainText('Choose at least one repository. Private repositories are hidden');
  await expect(form).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'HOMELAB_TOKEN')).toBeNull();

  await grantRepo(page, notice, /\/secrets$/);
  await page.getByRole('button', { name: 'New secret' }).click();
  form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
  await expect(form.getByRole('region', { name: 'Private repositories are hidden' })).toHaveCount(0);
  await form.getByLabel('Name').fill('HOMELAB_TOKEN');
  await form.getByLabel('Value').fill('homelab-value');
  await form.getByRole('option', { name: 'mona/homelab' }).click();
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form).toBeHidden();
  await expect(
    page
      .getByRole('table', { name: 'Your Codespaces secrets' })
      .getByRole('row', { name: /HOMELAB_TOKEN/ })
      .getByRole('link', {
        name: 'mona/homelab',
      }),
  ).toBeVisible();
  expect(await emulator.secretValue(request, { scope: 'user', owner: 'mona' }, 'HOMELAB_TOKEN')).toBe('homelab-value');
});

test('the organisation’s secrets picker says private repositories are hidden, and the consent keeps admin:org', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.goto('/orgs/octo-org/settings');
  await page.getByRole('button', { name: 'New secret' }).click();
  const form = page.getByRole('dialog', { name: 'New secret for octo-org' });
  await form.getByRole('radio', { name: /Selected repositories/ }).check();
  const notice = form.getByRole('region', { name: 'Private repositories are hidden' });
  await expect(notice).toContainText('GitHub lists only the public repositories of octo-org');
  await expect(form.getByRole('option', { name: 'octo-org/octo-app' })).toBeVisible();
  await expect(form.getByRole('option', { name: 'octo-org/design-system' })).toBeVisible();

  await notice.getByRole('button', { name: 'Grant repository access on GitHub' }).click();
  await expect(page).toHaveURL(/scope=codespace(\+|%20)read%3Auser(\+|%20)user%3Aemail(\+|%20)admin%3Aorg(\+|%20)repo(&|$)/);
  await page.getByRole('button', { name: 'Sign in as mona' }).click();
  await expect(page).toHaveURL(/\/orgs\/octo-org\/settings$/);
  await expect(page.getByRole('table', { name: 'Codespaces secrets of octo-org' })).toBeVisible();
  await page.getByRole('button', { name: 'New secret' }).click();
  await form.getByRole('radio', { name: /Selected repositories/ }).check();
  await expect(form.getByRole('option', { name: 'octo-org/api-server' })).toBeVisible();
  await expect(form.getByRole('region', { name: 'Private repositories are hidden' })).toHaveCount(0);
});
