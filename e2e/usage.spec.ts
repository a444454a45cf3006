import { expect, test } from '@playwright/test';
import { emulator, signIn, signInWithOrgAccess } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

const usd = (n: number) =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('the organization’s usage page shows GitHub’s report: totals, charts, a sortable table and a CSV download', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  const now = new Date();
  const report = await (
    await page.request.get(
      `/api/github/organizations/octo-org/settings/billing/usage?year=${now.getUTCFullYear()}&month=${now.getUTCMonth() + 1}`,
    )
  ).json();
  const today = now.toISOString().slice(0, 10);
  const items = (report.usageItems as { product: string; date: string; netAmount: number; repositoryName: string }[]).filter(
    (i) => /codespaces/i.test(i.product) && i.date.slice(0, 10) <= today,
  );
  expect(items.length).toBeGreaterThan(0);
  const total = items.reduce((n, i) => n + i.netAmount, 0);

  await page.getByRole('link', { name: 'Usage and cost' }).click();
  await expect(page.getByRole('heading', { name: 'Codespaces usage and cost' })).toBeVisible();
  const totals = page.getByRole('definition').filter({ hasText: '$' }).first();
  await expect(totals).toHaveText(usd(total));
  await expect(page.getByText('Cost per day')).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();

  const table = page.getByRole('table', { name: 'Cost by repository and SKU' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await table.getByRole('button', { name: 'Repository' }).click();
  await expect(table.getByRole('columnheader', { name: 'Repository' })).toHaveAttribute('aria-sort', 'descending');

  // The page's first Download CSV is the report's (the per-member table has its own).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^octo-org-codespaces-usage-\d{4}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^date,product,sku,quantity/);
  expect(lines).toHaveLength(items.length + 1);
});

test('dropping GitHub’s detailed usage CSV makes per-member cost exact, and a bad row is reported by its line', async ({ page }) => {
  await signInWithOrgAccess(page, 'mona');
  await page.goto('/orgs/octo-org/usage');
  await expect(page.getByRole('heading', { name: /By member · estimated/ })).toBeVisible();

  const csv = [
    'date,product,sku,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,workflow_path,cost_center_name',
    '2026-11-02,codespaces,Codespaces Linux 4-core,10,hours,0.36,3.6,0,3.6,hubot,octo-org,octo-org/octo-app,,',
    '2026-11-02,codespaces,Codespaces Linux 4-core,ten,hours,0.36,3.6,0,3.6,hubot,octo-org,octo-org/octo-app,,',
    '2026-11-03,codespaces,Codespaces Linux 8-core,2,hours,0.72,1.44,0,1.44,mona,octo-org,octo-org/api-server,,',
  ].join('\n');
  await page.getByLabel('Detailed usage report (CSV)').setInputFiles({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(page.getByRole('status').filter({ hasText: 'usage.csv' })).toContainText('2 Codespaces rows read, 1 row rejected');
  await expect(page.getByRole('list', { name: 'Rejected rows' })).toHaveText(/Line 3: quantity is not a number/);
  await expect(page.getByRole('heading', { name: /By member · exact, from usage.csv/ })).toBeVisible();
  const members = page.getByRole('table', { name: 'Cost by member' });
  await expect(members.getByRole('row', { name: /hubot/ })).toContainText('$3.60');
  await expect(members.getByRole('row', { name: /mona/ })).toContainText('$1.44');
});

test('the personal usage page measures your codespaces against the plan you choose, and remembers it', async ({ page }) => {
  await signIn(page, 'mona');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
  await expect(page.getByRole('heading', { name: 'Your usage' })).toBeVisible();
  await expect(page.getByText(/of 15 GB-months used so far/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Your GitHub plan' }).selectOption('pro');
  await expect(page.getByText(/of 20 GB-months used so far/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Your GitHub plan' })).toHaveValue('pro');
  await expect(page.getByRole('table', { name: 'Cost of each codespace' }).getByRole('row')).not.toHaveCount(0);
});

test('the personal usage page counts only what the user pays for, and shows what organisations pay for apart', async ({ page }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  type Listed = { state: string; billable_owner: { login: string }; machine: { cpus: number } | null };
  // Compute bills from these states on (lib/billing/cost.ts); the seeded ones that change settle only later.
  const billsCompute = ['Available', 'Starting', 'Rebuilding', 'Updating', 'ShuttingDown'];
  const own = (codespaces as Listed[]).filter((c) => c.billable_owner.login === 'mona' && billsCompute.includes(c.state));
  const cores = own.reduce((sum, c) => sum + (c.machine?.cpus ?? 0), 0);

  await page.goto('/usage');
  await expect(page.getByLabel('Now').getByText('Running now').locator('..')).toContainText(`${own.length} · ${cores} cores`);
  const others = page.getByRole('region', { name: /Paid for by others/ });
  await expect(others).toContainText(/Billed to octo-org: \d+ codespaces/);
  await expect(others).toContainText(/Billed to acme-corp: \d+ codespaces/);
});

test('with an account on GitHub’s current billing platform, this month’s compute, storage and cost come from GitHub', async ({ page }) => {
  await signIn(page, 'mona');
  const now = new Date();
  const summary = await (
    await page.request.get(
      `/api/github/users/mona/settings/billing/usage/summary?year=${now.getUTCFullYear()}&month=${now.getUTCMonth() + 1}`,
    )
  ).json();
  type Item = { product: string; sku: string; unitType: string; grossQuantity: number; netAmount: number };
  const items = (summary.usageItems as Item[]).filter((i) => /codespaces/i.test(i.product));
  const coreHours = items
    .filter((i) => i.unitType === 'Hours')
    .reduce((sum, i) => sum + i.grossQuantity * Number(/(\d+)-core/.exec(i.sku)![1]), 0);
  const net = items.reduce((sum, i) => sum + i.netAmount, 0);
  expect(coreHours).toBeGreaterThan(0);

  await page.goto('/usage');
  const fromGithub = page.getByRole('region', { name: /from GitHub’s billing usage report/ });
  await expect(fromGithub).toBeVisible();
  await expect(fromGithub.getByText('Compute used').locator('..')).toContainText(`${coreHours.toLocaleString('en-US')} core-hours`);
  await expect(fromGithub.getByText('Billed so far').locator('..')).toContainText(usd(Math.round(net * 100) / 100));
  await expect(page.getByText(/GB-months used so far \(from GitHub\)/)).toBeVisible();
  // GitHub's figure replaces the one the user would otherwise type in.
  await expect(page.getByText('Core-hours already used this month (from your GitHub billing page)')).toHaveCount(0);
});

test('with an account GitHub has no usage report for, the page estimates and says why', async ({ page }) => {
  await signIn(page, 'hubot');
  await page.goto('/usage');
  await expect(page.getByText(/GitHub has no usage report for your account \(it answered 404/)).toBeVisible();
  await expect(page.getByText(/GB-months used so far \(estimated\)/)).toBeVisible();
  await expect(page.getByText('Core-hours already used this month (from your GitHub billing page)')).toBeVisible();
});

test('on a phone the personal usage page reads whole: the chosen plan, and each codespace’s name beside its state', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'mona');
  await page.goto('/usage');
  const table = page.getByRole('table', { name: 'Cost of each codespace' });
  await expect(table.getByRole('row')).not.toHaveCount(0);

  // The plan's words fit its menu (a select clips what does not fit, with no way to read the rest).
  const plan = page.getByRole('combobox', { name: 'Your GitHub plan' });
  const [textWidth, room] = await plan.evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.selectedOptions[0]!.text;
    // The arrow takes about a line's height at the right.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.fontSize);
    return [context.measureText(text).width, room];
  });
  expect.soft(textWidth).toBeLessThanOrEqual(room);

  // A long name wraps in its column rather than running under the state next to it.
  const overflowing = await table
    .locator('tbody tr td:first-child')
    .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
  expect(overflowing).toEqual([]);
});
