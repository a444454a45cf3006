import { expect, test, type Page } from '@playwright/test';
import { emulator, row, signIn, signInWithOrgAccess } from './helpers';

/**
 * GitHub's hard edges as demo mode shows them, through sso-sam (emulator/hard-edges.ts): a
 * codespace in a state Hangar does not know, one GitHub answered sparsely, and a Start refused for
 * a fine-grained permission. The page says what happened and keeps working.
 */

test.beforeEach(async ({ request }) => emulator.reset(request));

async function samsCodespace(page: Page, displayName: string) {
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const found = codespaces.find((c: { display_name: string }) => c.display_name === displayName);
  expect(found, displayName).toBeTruthy();
  return found as { name: string; state: string };
}

test('a list with a state Hangar does not know renders it as GitHub wrote it, and offers nothing that assumes it', async ({ page }) => {
  await signIn(page, 'sso-sam');
  const hibernating = await samsCodespace(page, 'Hibernating experiment');
  expect(hibernating.state).toBe('Hibernating');

  const target = row(page, hibernating.name);
  await expect(target.locator('[data-codespace-state]')).toHaveText('Hibernating');
  await expect(target.locator('[data-codespace-state]')).toHaveAttribute('data-state-tone', 'unknown');
  await expect(target.getByRole('group', { name: /^Start unavailable: Hangar does not know the state “Hibernating”/ })).toBeVisible();
  // The rest of the list is as ever.
  const everyday = await samsCodespace(page, 'Everyday work');
  await expect(row(page, everyday.name).getByRole('button', { name: 'Stop' })).toBeEnabled();

  await page.goto(`/codespaces/${hibernating.name}`);
  await expect(page.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await expect(page.locator('[data-codespace-state]').first()).toHaveText('Hibernating');
});

test('a codespace GitHub answered without machine, git status or retention shows “—” where they would be', async ({ page }) => {
  await signIn(page, 'sso-sam');
  const sparse = await samsCodespace(page, 'Sparse answer');
  await expect(row(page, sparse.name).getByText('No machine')).toBeAttached();

  await page.goto(`/codespaces/${sparse.name}`);
  const git = page.getByRole('region', { name: 'Git status' });
  await expect(git).toContainText('— ahead');
  await expect(git).toContainText('— behind');
  await expect(page.getByRole('region', { name: 'Machine' })).toContainText('—');
});

test('a Start refused for a missing permission names it, in words and as GitHub spells it; nothing starts', async ({ page, request }) => {
  await signIn(page, 'sso-sam');
  const target = await samsCodespace(page, 'Start needs a permission');
  const since = Date.now();
  await row(page, target.name).getByRole('button', { name: 'Start' }).click();

  await expect(page.getByText('Could not start Start needs a permission: Not allowed')).toBeVisible();
  await expect(page.getByText('Codespaces lifecycle admin (write) — codespaces_lifecycle_admin=write', { exact: false })).toBeVisible();
  await expect(row(page, target.name).locator('[data-codespace-state]')).toHaveText('Shutdown');
  const starts = (await emulator.log(request, since)).filter((e) => e.method === 'POST');
  expect(starts).toEqual([expect.objectContaining({ path: `/user/codespaces/${target.name}/start`, status: 403 })]);
});

test('an HTML error page from GitHub on a Start reaches the page as words, never as HTML', async ({ page, request }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const stopped = codespaces.find((c: { state: string }) => c.state === 'Shutdown') as { name: string };
  await emulator.fault(request, { method: 'POST', path: `^/user/codespaces/${stopped.name}/start$`, kind: 'html', status: 503 });
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(stopped.name);
  await row(page, stopped.name).getByRole('button', { name: 'Start' }).click();

  await expect(page.getByText('GitHub is having trouble')).toBeVisible();
  await expect(page.getByText(/GitHub answered 503 with an HTML page/)).toBeVisible();
  await expect(page.getByText('Unicorn')).toHaveCount(0);
  await expect(row(page, stopped.name).locator('[data-codespace-state]')).toHaveText('Shutdown');
});

test('a list that single sign-on left incomplete says so above it, naming the organisation and linking to its sign-on page', async ({
  page,
}) => {
  await signIn(page, 'sso-sam');
  const notice = page.getByRole('alert').filter({ hasText: /single sign-on/ });
  await expect(notice).toContainText('sso-corp');
  await expect(notice).toContainText(/expires after an hour/);
  const link = notice.getByRole('link', { name: /sso-corp/ });
  const href = await link.getAttribute('href');
  // Only a link on GitHub's own web host (in demo mode, the emulator on this server).
  expect(new URL(href!).origin).toBe(new URL(page.url()).origin);
  expect(href).toContain('/orgs/sso-corp/sso');
  // And the list itself still works.
  await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
});

test('the single sign-on notice is on the server’s first paint and stays through polls GitHub answers with 304', async ({
  page,
  request,
}) => {
  const notice = page.getByRole('alert').filter({ hasText: 'Some codespaces are hidden until you authorize single sign-on' });
  const list = (entry: { method: string; path: string }) => entry.method === 'GET' && entry.path.startsWith('/user/codespaces?');
  const upstreamListStatuses = async (since: number) => (await emulator.log(request, since)).filter(list).map((entry) => entry.status);
  // The page's timers are fake, so a poll happens when the test says; its requests are real.
  await page.clock.install();
  await signIn(page, 'sso-sam');
  await expect(notice).toContainText('sso-corp');

  // A first paint rendered on the server once the whole list is stored: the list as stored, with
  // no request to GitHub (the page asks right after), and the page says what single sign-on
  // hides all the same.
  let since = Date.now();
  const html = await (await page.request.get('/')).text();
  expect(await upstreamListStatuses(since)).toEqual([]);
  expect(html).toContain('Some codespaces are hidden until you authorize single sign-on');
  expect(html).toContain('checking with GitHub for changes');

  // Two polls of the list Hangar assembles (/api/lists/...): Hangar serves GitHub's 304 from its
  // store (200), then answers the browser's own conditional request with a 304 of its own. The
  // notice stays through both.
  await page.clock.pauseAt(Date.now() + 1_000);
  for (const browserStatus of [200, 304]) {
    since = Date.now();
    const poll = page.waitForResponse((response) => response.url().includes('/api/lists/user/codespaces'));
    await page.clock.runFor(60_000);
    expect((await poll).status()).toBe(browserStatus);
    // React Query hands the answer on with a timer: let it run, and the page render.
    await page.clock.runFor(1_000);
    await page.waitForTimeout(300);
    expect(await upstreamListStatuses(since)).toEqual([304]);
    await expect(notice).toContainText('sso-corp');
  }
});

test('an organisation that enforces single sign-on: its page links to exactly the sign-on URL GitHub gave', async ({ page }) => {
  await signInWithOrgAccess(page, 'sso-sam', 'sso-corp');
  const link = page.getByRole('link', { name: /Authorize single sign-on for sso-corp/ });
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(/\/orgs\/sso-corp\/sso\?authorization_request=/);
  await expect(page.getByRole('link', { name: 'Codespaces' }).first()).toBeVisible();
});

test('an organisation that restricts OAuth Apps: which one, why, and where to ask for approval', async ({ page }) => {
  await signInWithOrgAccess(page, 'sso-sam', 'locked-labs');
  const alert = page.getByRole('alert').filter({ hasText: /locked-labs/ });
  await expect(alert).toContainText(/restrict/i);
  const link = alert.getByRole('link', { name: /approve Hangar/i });
  expect(await link.getAttribute('href')).toMatch(/\/settings\/connections\/applications\/hangar-demo$/);
});
