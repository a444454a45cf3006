import { expect, test, type Page } from '@playwright/test';
import { emulator, row, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

type Listed = {
  name: string;
  display_name: string | null;
  state: string;
  machine: { name: string; cpus: number } | null;
  repository: { full_name: string };
  publish_url?: string | null;
  git_status: { ref?: string; ahead?: number; has_unpushed_changes?: boolean; has_uncommitted_changes?: boolean };
};

async function codespaces(page: Page): Promise<Listed[]> {
  return (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()).codespaces;
}

async function fetchCodespace(page: Page, name: string): Promise<Listed> {
  return (await page.request.get(`/api/github/user/codespaces/${name}`)).json();
}

test('Rename changes the display name on GitHub and on the page', async ({ page }) => {
  await signIn(page);
  const target = (await codespaces(page)).find((c) => c.state === 'Shutdown')!;
  await page.goto(`/codespaces/${target.name}`);
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename codespace' });
  await dialog.getByLabel('Display name').fill('x'.repeat(49));
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toContainText('At most 48 characters');

  await dialog.getByLabel('Display name').fill('Release checklist');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Release checklist');
  expect((await fetchCodespace(page, target.name)).display_name).toBe('Release checklist');
});

test('Change machine offers only valid machines and applies the choice', async ({ page }) => {
  await signIn(page);
  const target = (await codespaces(page)).find(
    (c) => c.state === 'Shutdown' && c.machine?.cpus === 2 && c.repository.full_name.startsWith('octo-org/'),
  )!;
  await page.goto(`/codespaces/${target.name}`);
  await page.getByRole('button', { name: 'Change machine' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change machine type' });
  await expect(dialog).toContainText('next time');
  await dialog.getByRole('radio', { name: /^8 cores/ }).check();
  await dialog.getByRole('button', { name: 'Change machine' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Machine' })).toContainText('8 cores, 32 GB RAM, 64 GB storage');
  expect((await fetchCodespace(page, target.name)).machine?.name).toBe('premiumLinux');
});

test('Export pushes a codespace’s work to a branch and shows the link when it succeeds', async ({ page }) => {
  await signIn(page);
  const target = (await codespaces(page)).find((c) => c.state === 'Shutdown' && c.git_status.has_unpushed_changes)!;
  await page.goto(`/codespaces/${target.name}`);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Exporting|Export succeeded/);
  await expect(dialog.getByRole('status')).toContainText('Export succeeded', { timeout: 15_000 });
  await expect(dialog.getByRole('status')).toContainText(`codespace-${target.name}`);
  await expect(dialog.getByRole('link', { name: /Open the branch/ })).toHaveAttribute(
    'href',
    new RegExp(`/tree/codespace-${target.name}$`),
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Git status' })).toContainText('No unpushed changes', { timeout: 15_000 });
});

test('creating from a repository needs only the repository, and lands on the new codespace as it becomes Available', async ({ page }) => {
  await signIn(page);
  const before = new Set((await codespaces(page)).map((c) => c.name));
  await page.getByRole('link', { name: 'New codespace' }).click();
  await expect(page).toHaveURL(/\/codespaces\/new$/);
  const create = page.getByRole('button', { name: 'Create codespace' });
  await expect(create).toBeDisabled();
  // Private, offered from her codespaces: GitHub lists no private repository, nor its branches, without the repo scope.
  await page.getByRole('listbox', { name: 'Repository' }).selectOption('octo-org/octo-app');
  await expect(page.getByRole('textbox', { name: 'Branch' })).toHaveAttribute('placeholder', 'Default branch');
  await expect(create).toBeEnabled();
  await create.click();

  await expect(page).toHaveURL(/\/codespaces\/(?!new)[a-z0-9-]+$/, { timeout: 15_000 });
  const name = decodeURIComponent(page.url().split('/').pop()!);
  expect(before.has(name)).toBe(false);
  await expect(page.locator('main header [data-codespace-state]')).toHaveText('Available', { timeout: 20_000 });
  const created = await fetchCodespace(page, name);
  expect(created.repository.full_name).toBe('octo-org/octo-app');
  expect(created.git_status.ref).toBe('main');
  // Exactly one codespace was created, not one per click or retry.
  expect((await codespaces(page)).length).toBe(before.size + 1);
});

test('creating from a pull request checks out its branch', async ({ page }) => {
  await signIn(page);
  await page.goto('/codespaces/new');
  await page.getByRole('radio', { name: 'From a pull request' }).click();
  await page.getByLabel(/Pull request URL/).fill('http://127.0.0.1/octo-org/octo-app/pull/2');
  // A private repository's pull requests are not listed without the repo scope: the pasted URL is enough.
  await expect(page.getByText('Hangar cannot check pull request #2')).toBeVisible();
  await page.getByRole('button', { name: 'Create codespace' }).click();
  await expect(page).toHaveURL(/\/codespaces\/(?!new)[a-z0-9-]+$/, { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Git status' })).toContainText('fix/login-redirect');
});

test('Publish gives a template codespace a repository of its own', async ({ page }) => {
  await signIn(page);
  const template = (await codespaces(page)).find((c) => c.publish_url)!;
  await page.goto(`/codespaces/${template.name}`);
  await page.getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Repository name').fill('react-sandbox');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published to mona/react-sandbox')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('mona/react-sandbox');
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
});

test('bulk Stop reports each codespace’s outcome, failures included', async ({ page, request }) => {
  await signIn(page);
  const running = (await codespaces(page)).filter((c) => c.state === 'Available');
  expect(running.length).toBeGreaterThanOrEqual(3);
  const failing = running[1]!;
  await emulator.fault(request, { method: 'POST', path: `^/user/codespaces/${failing.name}/stop$`, status: 500 });

  await page.getByLabel('State').selectOption('Available');
  await page.getByRole('checkbox', { name: 'Select all matching the filter' }).check();
  await expect(page.getByText(`${running.length} codespaces selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Stop selected' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Affected' }).getByRole('listitem')).toHaveCount(running.length);
  await dialog.getByRole('button', { name: /^Stop \d+ codespaces$/ }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${running.length - 1} succeeded, 1 failed`, { timeout: 20_000 });
  await expect(dialog.getByRole('listitem').filter({ hasText: failing.display_name ?? failing.name })).toContainText(/GitHub|error|wrong/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The failed one is still running; the others are on their way down.
  await page.getByLabel('State').selectOption('');
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(failing.name);
  await expect(row(page, failing.name).locator('[data-codespace-state]')).toHaveText('Available');
  const after = await codespaces(page);
  for (const c of running) {
    if (c.name === failing.name) continue;
    expect(['ShuttingDown', 'Shutdown']).toContain(after.find((x) => x.name === c.name)?.state);
  }
});

test('changing the machine of a running codespace names the chosen machine, and its page shows the change until it applies', async ({
  page,
}) => {
  await signIn(page);
  const target = (await codespaces(page)).find(
    (c) => c.state === 'Shutdown' && c.machine?.cpus === 2 && c.repository.full_name.startsWith('octo-org/'),
  )!;
  await page.goto(`/codespaces/${target.name}`);
  const badge = page.locator('header [data-codespace-state]');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(badge).toHaveText('Available', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Change machine' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change machine type' });
  await dialog.getByRole('radio', { name: /^8 cores/ }).check();
  await dialog.getByRole('button', { name: 'Change machine' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/will use 8 cores, 32 GB RAM, 64 GB storage from its next start/)).toBeVisible();
  const machine = page.getByRole('region', { name: 'Machine' });
  await expect(machine).toContainText('2 cores, 8 GB RAM, 32 GB storage');
  await expect(machine).toContainText(/Pending change.*8 cores, 32 GB RAM, 64 GB storage/);
  // Still there after a reload: Hangar remembers what it asked for, since GitHub's answer does not say.
  await page.reload();
  await expect(machine).toContainText(/Pending change.*8 cores, 32 GB RAM, 64 GB storage/);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(badge).toHaveText('Shutdown', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(badge).toHaveText('Available', { timeout: 15_000 });
  await expect(machine).toContainText('8 cores, 32 GB RAM, 64 GB storage');
  await expect(machine).not.toContainText('Pending change');
});
