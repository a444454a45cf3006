import { beforeEach, describe, expect, it } from 'vitest';
import {
  caseOf,
  links,
  must,
  setup,
  TRANSITION_MS,
  type BasicError,
  type CodespaceList,
  type FullRepository,
  type Harness,
} from './test-helpers';
import type { UsageItem } from './billing';

const ADMIN_SCOPES = ['codespace', 'read:user', 'user:email', 'admin:org'];

describe('organisations, as their owners see them', () => {
  let h: Harness;
  let admin: string;
  beforeEach(() => {
    h = setup({ control: true });
    admin = h.emulator.issueToken('mona', ADMIN_SCOPES);
  });
  const orgList = async (query = 'per_page=100') =>
    (await h.api<CodespaceList>(`/orgs/octo-org/codespaces?${query}`, { token: admin })).body;

  it('lists the organisations a user belongs to', async () => {
    const mona = await h.api<{ login: string }[]>('/user/orgs');
    expect(mona.body.map((o) => o.login)).toEqual(['octo-org', 'acme-corp']);
    expect((await h.api<{ login: string }[]>('/user/orgs', { as: 'octocat-new' })).body).toEqual([]);
  });

  it('shows an owner every codespace billed to the organisation, members’ included, page by page', async () => {
    const all = await orgList();
    expect(all.total_count).toBeGreaterThan(40);
    expect(all.codespaces.every((c) => c.billable_owner.login === 'octo-org')).toBe(true);
    expect(new Set(all.codespaces.map((c) => c.owner.login))).toEqual(
      new Set(['mona', 'hubot', 'lisa-dev', 'sam-ops', 'priya-k', 'diego-m', 'ana-s', 'kenji-t', 'olu-a', 'mei-l']),
    );

    const first = await h.api<CodespaceList>('/orgs/octo-org/codespaces?per_page=10', { token: admin });
    expect(first.body.codespaces).toHaveLength(10);
    expect(links(first.headers.get('link')).next).toMatch(/page=2/);
  });

  it('seeds what an owner must hear about: unpushed work near deletion, forgotten large machines, odd idle timeouts', async () => {
    const all = (await orgList()).codespaces;
    const checkout = must(
      all.find((c) => c.display_name === 'Checkout redesign'),
      'Checkout redesign',
    );
    expect(checkout.git_status.has_unpushed_changes).toBe(true);
    expect(Date.parse(must(checkout.retention_expires_at, 'an expiry')) - h.clock.now).toBeLessThan(24 * 60 * 60 * 1000);
    expect(all.find((c) => c.display_name === 'Perf profiling')).toMatchObject({ state: 'Available', machine: { cpus: 32 } });
    expect(all.find((c) => c.display_name === 'Long-running notebook')?.idle_timeout_minutes).toBe(240);
  });

  it('needs the admin:org scope, and says so', async () => {
    caseOf('scopes.admin-org');
    const refused = await h.api<BasicError>('/orgs/octo-org/codespaces');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-oauth-scopes')).toBe('admin:org');
    expect(refused.body.message).toMatch(/admin:org/);
  });

  it('refuses a member who is not an owner (403), and hides organisations the user is not in (404)', async () => {
    caseOf('org.owner');
    const hubot = h.emulator.issueToken('hubot', ADMIN_SCOPES);
    expect((await h.api('/orgs/octo-org/codespaces', { token: hubot })).status).toBe(403);
    expect((await h.api('/orgs/acme-corp/codespaces', { token: hubot })).status).toBe(404);
    expect((await h.api('/orgs/no-such-org/codespaces', { token: admin })).status).toBe(404);
  });

  it('stops a member’s codespace on their behalf: ShuttingDown, then Shutdown', async () => {
    const target = must(
      (await orgList()).codespaces.find((c) => c.state === 'Available' && c.owner.login === 'priya-k'),
      'priya’s running codespace',
    );
    const stopped = await h.api<{ state: string }>(`/orgs/octo-org/members/priya-k/codespaces/${target.name}/stop`, {
      method: 'POST',
      token: admin,
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body.state).toBe('ShuttingDown');
    h.clock.advance(TRANSITION_MS + 1);
    expect((await orgList()).codespaces.find((c) => c.name === target.name)?.state).toBe('Shutdown');
  });

  it('deletes a member’s codespace (202), and only under the right member', async () => {
    const target = must(
      (await orgList()).codespaces.find((c) => c.owner.login === 'sam-ops'),
      'sam’s codespace',
    );
    expect((await h.api(`/orgs/octo-org/members/lisa-dev/codespaces/${target.name}`, { method: 'DELETE', token: admin })).status).toBe(404);
    const deleted = await h.api(`/orgs/octo-org/members/sam-ops/codespaces/${target.name}`, { method: 'DELETE', token: admin });
    expect(deleted.status).toBe(202);
    expect(deleted.body).toEqual({});
    expect((await orgList()).codespaces.some((c) => c.name === target.name)).toBe(false);
  });

  it('lists one member’s codespaces in the organisation', async () => {
    const { body } = await h.api<CodespaceList>('/orgs/octo-org/members/hubot/codespaces', { token: admin });
    expect(body.codespaces.length).toBeGreaterThan(0);
    expect(body.codespaces.every((c) => c.owner.login === 'hubot' && c.billable_owner.login === 'octo-org')).toBe(true);
  });

  it('does not offer colleagues on the demo authorize page', async () => {
    const page = await (await h.web('/login/oauth/authorize?client_id=hangar-demo&state=s')).text();
    expect(page).toContain('Sign in as mona');
    expect(page).not.toContain('Sign in as lisa-dev');
  });
});

describe('the billing usage report', () => {
  let h: Harness;
  let admin: string;
  type Report = { usageItems: UsageItem[] };
  beforeEach(() => {
    h = setup();
    admin = h.emulator.issueToken('mona', ADMIN_SCOPES);
  });
  const report = async (query: string) =>
    (await h.api<Report>(`/organizations/octo-org/settings/billing/usage?${query}`, { token: admin })).body.usageItems;

  it('has about three months of daily Codespaces compute and storage, priced as GitHub prices them', async () => {
    const today = new Date(h.clock.now);
    const items = [...(await report(`year=${today.getUTCFullYear()}`)), ...(await report(`year=${today.getUTCFullYear() - 1}`))];
    const days = new Set(items.map((i) => i.date.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(90);
    const compute = must(
      items.find((i) => i.sku === 'Codespaces Linux 8-core'),
      'an 8-core item',
    );
    expect(compute).toMatchObject({ product: 'Codespaces', unitType: 'Hours', pricePerUnit: 0.72 });
    expect(compute.netAmount).toBeCloseTo(compute.quantity * 0.72, 3);
    const storage = must(
      items.find((i) => i.sku === 'Codespaces Storage'),
      'a storage item',
    );
    expect(storage.unitType).toBe('GigabyteHours');
    expect(storage.pricePerUnit).toBeCloseTo(0.07 / 730, 8);
    expect(items.every((i) => Number.isInteger(i.quantity))).toBe(true);
    expect(items.some((i) => i.product === 'Actions')).toBe(true);
    expect(items.every((i) => i.date.slice(0, 10) <= today.toISOString().slice(0, 10))).toBe(true);
  });

  it('narrows to a month and a day', async () => {
    const today = new Date(h.clock.now);
    const [year, month, day] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
    const monthItems = await report(`year=${year}&month=${month}`);
    expect(monthItems.length).toBeGreaterThan(0);
    expect(monthItems.every((i) => i.date.startsWith(`${year}-${String(month).padStart(2, '0')}`))).toBe(true);
    const dayItems = await report(`year=${year}&month=${month}&day=${day}`);
    expect(dayItems.every((i) => i.date.startsWith(today.toISOString().slice(0, 10)))).toBe(true);
  });
});

describe('a large organisation, for performance checks', () => {
  it('is generated on request: 2,000 codespaces across 300 members, listed over 20 pages', async () => {
    const h = setup({ control: true });
    const made = await h.web('/_emulator/org-fleet', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'octo-org', codespaces: 2000, members: 300 }),
    });
    expect(made.status).toBe(201);
    const admin = h.emulator.issueToken('mona', ADMIN_SCOPES);
    const first = await h.api<CodespaceList>('/orgs/octo-org/codespaces?per_page=100', { token: admin });
    const mine = (await h.codespacesOf('mona')).filter((c) => c.billable_owner.login === 'octo-org').length;
    expect(first.body.total_count).toBe(2000 + mine);
    expect(links(first.headers.get('link')).last).toMatch(/page=2[01]/);
    const last = await h.api<CodespaceList>('/orgs/octo-org/codespaces?per_page=100&page=21', { token: admin });
    const owners = new Set([...first.body.codespaces, ...last.body.codespaces].map((c) => c.owner.login));
    expect(owners.size).toBeGreaterThan(50);
    expect(
      (await h.web('/_emulator/org-fleet', { method: 'POST', body: JSON.stringify({ org: 'octo-org', codespaces: -1, members: 3 }) }))
        .status,
    ).toBe(400);
  });
});

describe('who administers a repository', () => {
  const h = setup();
  // With the repo scope: most of these repositories are private.
  const permissionsOf = async (fullName: string, as: string) =>
    (await h.api<FullRepository>(`/repos/${fullName}`, { token: h.repoToken(as) })).body.permissions;

  it('gives mona admin rights on her own repositories and on those of octo-org, which she owns', async () => {
    expect(await permissionsOf('mona/blog', 'mona')).toMatchObject({ admin: true, push: true });
    expect(await permissionsOf('octo-org/octo-app', 'mona')).toMatchObject({ admin: true, push: true });
  });

  it('gives a plain member write access but not admin, and anyone else only read on a public repository', async () => {
    expect(await permissionsOf('octo-org/octo-app', 'hubot')).toEqual({
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true,
    });
    expect(await permissionsOf('acme-corp/payments', 'mona')).toMatchObject({ admin: false, push: true });
    expect(await permissionsOf('mona/hello-world', 'hubot')).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    });
  });
});
