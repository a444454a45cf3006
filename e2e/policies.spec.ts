import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { emulator, signInWithOrgAccess } from './helpers';

/**
 * Organisation policies and the audit log, in demo mode, where the built-in emulator plays
 * Hangar's GitHub App on octo-org: policies act with the app's installation token, never a person's.
 * The shared server's database outlives a run, so each test names its policies afresh and removes them.
 */

test.beforeEach(async ({ request }) => emulator.reset(request));

interface OrgCodespace {
  name: string;
  display_name: string | null;
  state: string;
  last_used_at: string;
  owner: { login: string };
  git_status: { has_unpushed_changes: boolean };
}

const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

async function orgCodespaces(page: Page): Promise<OrgCodespace[]> {
  const response = await page.request.get('/api/github/orgs/octo-org/codespaces?per_page=100');
  expect(response.status()).toBe(200);
  return (await response.json()).codespaces;
}

async function setCodespaceUsage(
  page: Page,
  name: string,
  usage: { lastUsedMinutesAgo?: number; state?: 'Available' | 'Shutdown'; unpushed?: boolean },
) {
  expect((await page.request.post('/emulator/_emulator/codespace-usage', { data: { name, ...usage } })).status()).toBe(204);
}

const title = (c: OrgCodespace) => c.display_name || c.name;

async function newPolicy(page: Page, fill: (form: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: 'New policy' }).click();
  const form = page.getByRole('region', { name: 'New policy' });
  await fill(form);
  return form;
}

/** Removes a policy through the page's own route, as its owner. */
async function removePolicy(page: Page, name: string) {
  const { policies } = await (await page.request.get('/api/orgs/octo-org/policies')).json();
  for (const policy of policies.filter((p: { name: string }) => p.name === name))
    await page.request.delete(`/api/orgs/octo-org/policies/${policy.id}`, { headers: { origin: new URL(page.url()).origin } });
}

test('an owner previews an idle policy, runs it now, and the audit log lists what it stopped as the policy’s', async ({
  page,
  request,
}) => {
  await signInWithOrgAccess(page, 'mona');
  // Two members' codespaces idle for five hours; every other running one used a minute ago.
  const running = (await orgCodespaces(page)).filter((c) => c.state === 'Available');
  expect(running.length).toBeGreaterThan(2);
  const idle = running.filter((c) => c.owner.login !== 'mona').slice(0, 2);
  expect(idle).toHaveLength(2);
  for (const c of running) await setCodespaceUsage(page, c.name, { lastUsedMinutesAgo: idle.includes(c) ? 300 : 1 });

  const name = unique('Stop idle codespaces');
  await page.goto('/orgs/octo-org/policies');
  await expect(page.getByRole('heading', { name: 'octo-org policies' })).toBeVisible();
  const form = await newPolicy(page, async (form) => {
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('idle-limit');
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'Stop after this long unused' }).fill('2');
    await form.getByRole('combobox', { name: 'Unit' }).selectOption('hours');
  });
  const since = Date.now();
  await form.getByRole('button', { name: 'Preview' }).click();
  const acts = form.getByRole('list', { name: 'Acts on' });
  await expect(acts.getByRole('listitem')).toHaveCount(2);
  for (const c of idle) await expect(acts).toContainText(`${title(c)}${c.owner.login}`);
  await form.getByRole('button', { name: 'Create policy' }).click();
  // Preview acted on nothing (the app took its installation token, and read).
  const changes = async () => (await emulator.log(request, since)).filter((e) => e.method !== 'GET' && e.path.startsWith('/orgs/'));
  expect(await changes()).toEqual([]);

  const item = page.getByRole('listitem', { name });
  await expect(item).toContainText('Idle limit · Disabled');
  await item.getByRole('button', { name: 'Run now' }).click();
  const dialog = page.getByRole('dialog', { name: `Run “${name}” now?` });
  await expect(dialog.getByRole('list', { name: 'It will act on' }).getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Run now' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(item.getByRole('list', { name: 'Last runs' })).toContainText('Run nowCompleted');

  const writes = await changes();
  expect(writes.map((e) => e.path).sort()).toEqual(
    idle.map((c) => `/orgs/octo-org/members/${c.owner.login}/codespaces/${c.name}/stop`).sort(),
  );
  // With the app's installation token: its bot, not mona.
  expect(writes.every((e) => e.login === 'hangar-demo[bot]' && e.status === 200)).toBe(true);

  await page.goto('/orgs/octo-org/audit');
  await page.getByRole('combobox', { name: 'Who' }).selectOption(`policy: ${name}`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  for (const c of idle) await expect(page.getByRole('table')).toContainText(title(c));
  await expect(page.getByRole('table')).toContainText('Stopped codespace');

  await removePolicy(page, name);
});

test('stale clean-up keeps a codespace with unpushed work, lists it as kept, and never deletes it', async ({ page, request }) => {
  await signInWithOrgAccess(page, 'mona');
  const members = (await orgCodespaces(page)).filter((c) => c.owner.login !== 'mona');
  const [risky, clean] = members;
  await setCodespaceUsage(page, risky!.name, { state: 'Shutdown', lastUsedMinutesAgo: 40 * 24 * 60, unpushed: true });
  await setCodespaceUsage(page, clean!.name, { state: 'Shutdown', lastUsedMinutesAgo: 40 * 24 * 60, unpushed: false });

  const name = unique('Clean up stale codespaces');
  await page.goto('/orgs/octo-org/policies');
  const form = await newPolicy(page, async (form) => {
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('stale-cleanup');
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'Delete after this many days stopped and unused' }).fill('30');
  });
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByRole('list', { name: 'Acts on' })).toContainText(title(clean!));
  await expect(form.getByRole('list', { name: /^Kept/ })).toContainText(title(risky!));
  await expect(form.getByRole('list', { name: 'Acts on' })).not.toContainText(title(risky!));
  await form.getByRole('button', { name: 'Create policy' }).click();

  const since = Date.now();
  const item = page.getByRole('listitem', { name });
  await item.getByRole('button', { name: 'Run now' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Run now' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const deletes = (await emulator.log(request, since)).filter((e) => e.method === 'DELETE').map((e) => e.path);
  expect(deletes).toContain(`/orgs/octo-org/members/${clean!.owner.login}/codespaces/${clean!.name}`);
  expect(deletes.some((path) => path.endsWith(`/${risky!.name}`))).toBe(false);
  expect((await orgCodespaces(page)).map((c) => c.name)).toContain(risky!.name);
  await expect(item.getByRole('list', { name: 'Last runs' })).toContainText(`Kept ${title(risky!)}`);

  await removePolicy(page, name);
});

test('bad input gets its error beside the field and saves nothing', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.goto('/orgs/octo-org/policies');
  const name = unique('Wrong');
  const form = await newPolicy(page, async (form) => {
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'Stop after this long unused' }).fill('0');
  });
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form.getByRole('textbox', { name: 'Stop after this long unused' })).toHaveAccessibleDescription('Must be more than 0');

  await form.getByRole('textbox', { name: 'Stop after this long unused' }).fill(String(10 * 365 * 24));
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form.getByRole('textbox', { name: 'Stop after this long unused' })).toHaveAccessibleDescription(
    'At most 7 days (168 hours)',
  );

  await form.getByRole('combobox', { name: 'Kind' }).selectOption('quiet-hours');
  await form.getByRole('textbox', { name: 'Time zone' }).fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form.getByRole('textbox', { name: 'Time zone' })).toHaveAccessibleDescription(/“Mars\/Olympus” is not a time zone/);

  await form.getByRole('combobox', { name: 'Kind' }).selectOption('monthly-budget');
  await form.getByRole('textbox', { name: 'Budget per member this month (USD)' }).fill('-5');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form.getByRole('textbox', { name: 'Budget per member this month (USD)' })).toHaveAccessibleDescription(
    'Must be more than $0',
  );

  const webhook = page.getByRole('textbox', { name: 'Webhook URL' });
  await webhook.fill('http://hooks.example.com/x');
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(webhook).toHaveAccessibleDescription(/https/);
  await webhook.fill('https://10.0.0.7/hook');
  await page.getByRole('button', { name: 'Save webhook' }).click();
  await expect(webhook).toHaveAccessibleDescription(/private|loopback|network/i);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'octo-org policies' })).toBeVisible();
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
  const saved = await (await page.request.get('/api/orgs/octo-org/policies')).json();
  expect(saved.policies.map((p: { name: string }) => p.name)).not.toContain(name);
  expect(saved.webhookUrl).toBeNull();
});

test('a member who is not an owner can neither open nor change policies, nor read the audit log', async ({ page, baseURL }) => {
  await signInWithOrgAccess(page, 'hubot');
  await page.goto('/orgs/octo-org/policies');
  await expect(page.getByRole('heading', { name: 'Only owners of octo-org can manage its policies' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New policy' })).toHaveCount(0);
  await page.goto('/orgs/octo-org/audit');
  await expect(page.getByRole('heading', { name: 'Only owners of octo-org can read its audit log' })).toBeVisible();

  // A forged request with hubot's own session: refused by Hangar, whatever it asks.
  const headers = { origin: baseURL! };
  const create = await page.request.post('/api/orgs/octo-org/policies', {
    headers,
    data: { name: 'Sneaky', enabled: true, rule: { kind: 'stale-cleanup', days: 1 } },
  });
  expect(create.status()).toBe(403);
  expect(await create.json()).toMatchObject({ status: 403, message: expect.stringContaining('Only owners of octo-org') });
  expect(
    (
      await page.request.patch('/api/orgs/octo-org/policies/00000000-0000-4000-8000-000000000000', { headers, data: { enabled: true } })
    ).status(),
  ).toBe(403);
  expect(
    (await page.request.put('/api/orgs/octo-org/policies/webhook', { headers, data: { webhookUrl: 'https://evil.example/x' } })).status(),
  ).toBe(403);
  expect((await page.request.get('/api/orgs/octo-org/audit')).status()).toBe(403);
  expect((await page.request.get('/api/orgs/octo-org/audit/csv')).status()).toBe(403);
});

test('a change from another origin is refused before anything else', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  const response = await page.request.post('/api/orgs/octo-org/policies', {
    headers: { origin: 'https://evil.example' },
    data: { name: 'Cross-site', enabled: true, rule: { kind: 'stale-cleanup', days: 1 } },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ message: 'Cross-origin request refused', status: 403 });
});

test('a person’s bulk Stop on the organisation page appears in the audit log with their login', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  const target = (await orgCodespaces(page)).find((c) => c.state === 'Available' && c.owner.login !== 'mona')!;
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(target.name);
  await page.getByRole('checkbox', { name: `Select ${title(target)}` }).check();
  await page.getByRole('button', { name: 'Stop selected' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Stop 1 codespace' }).click();
  await expect(dialog.getByRole('status')).toHaveText('All 1 succeeded');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto('/orgs/octo-org/audit');
  await page.getByRole('combobox', { name: 'Who' }).selectOption('mona');
  const row = page.getByRole('row').filter({ hasText: target.name });
  await expect(row.first()).toContainText('mona');
  await expect(row.first()).toContainText('Stopped codespace');
  await expect(row.first()).toContainText(target.owner.login);
  await expect(row.first()).toContainText('200 OK');

  // And the download carries it, through the CSV writer.
  const csv = await (await page.request.get('/api/orgs/octo-org/audit/csv?actor=mona')).text();
  expect(csv.split('\r\n')[0]).toBe('When,Who,What,Action,Codespace,Display name,Member,GitHub status,GitHub answer,Details');
  expect(csv).toContain(`mona,Stopped codespace,codespace.stop,${target.name}`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the policies and audit pages have no serious accessibility problems', async ({ page }) => {
      await signInWithOrgAccess(page, 'mona');
      await page.goto('/orgs/octo-org/policies');
      await expect(page.getByRole('list', { name: 'Policies' }).or(page.getByRole('heading', { name: 'No policies yet' }))).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const form = await newPolicy(page, async (form) => {
        await form.getByRole('textbox', { name: 'Stop after this long unused' }).fill('0');
      });
      await form.getByRole('button', { name: 'Create policy' }).click();
      await expect(form.getByText('Give the policy a name')).toBeVisible();
      await form.getByRole('textbox', { name: 'Stop after this long unused' }).fill('1');
      await form.getByRole('button', { name: 'Preview' }).click();
      await expect(form.getByRole('region', { name: 'Preview' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/orgs/octo-org/audit');
      await expect(page.getByRole('combobox', { name: 'Who' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
