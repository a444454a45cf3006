/**
 * Organisations as GitHub's REST API shows them: their members and repositories, and for their
 * owners the organisation's codespaces, stopped and deleted on members' behalf (the billing usage
 * report is in billing.ts). Registered into the route table of api.ts; seeded by `seedOrganisations`.
 */
import { fail } from './http';
import { MACHINES, type CodespaceRecord, type CodespaceState, type GitStatus, type RepoRecord, type UserRecord } from './model';
import { isOrgOwner, readsPrivateRepositories } from './permissions';
import * as render from './render';
import { route, type RestContext } from './api';
import { codespaceListAnswer, newestFirst, stopCodespaceRecord } from './rest';
import { codespaceNameFor, seededRandom, uuid, type World } from './seed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Who owns (administers) which organisation. Everyone else listed in `orgs` is a plain member. */
const ORG_ADMINS: Record<string, string[]> = { 'octo-org': ['mona'], 'acme-corp': [] };

/** Colleagues in octo-org who have codespaces but do not sign in to the demo. */
const COLLEAGUES: Omit<UserRecord, 'id'>[] = [
  ['lisa-dev', 'Lisa Chen'],
  ['sam-ops', 'Sam Okafor'],
  ['priya-k', 'Priya Kumar'],
  ['diego-m', 'Diego Martínez'],
  ['ana-s', 'Ana Silva'],
  ['kenji-t', 'Kenji Tanaka'],
  ['olu-a', 'Olu Adeyemi'],
  ['mei-l', 'Mei Lin'],
].map(([login, name]) => ({
  login: login!,
  name: name!,
  email: `${login}@octo-org.example`,
  company: '@octo-org',
  location: null,
  bio: null,
  createdAt: '2019-05-01T09:00:00Z',
  orgs: ['octo-org'],
  listed: false,
}));

/** The organisation, if the caller may act as its owner; GitHub's 404 and 403 otherwise. */
export function ownedOrg(ctx: RestContext, login: string) {
  const org = [...ctx.world.orgs.values()].find((o) => o.login.toLowerCase() === login.toLowerCase());
  // An app installed on the organisation acts for it, within its permissions (checked in installations.ts).
  if (org && ctx.installation?.org === org.login) return org;
  if (!org || !ctx.user.orgs.includes(org.login)) fail(404, 'Not Found');
  if (!isOrgOwner(ctx.world, org!.login, ctx.user.login)) fail(403, 'Must be an organization owner.');
  return org!;
}

export function orgCodespaces(world: World, org: string) {
  return newestFirst(
    world,
    `org:${org}`,
    [...world.codespaces.values()].filter((c) => c.billableOwner === org),
  );
}

function memberCodespace(ctx: RestContext, org: string, username: string, name: string) {
  const cs = ctx.world.codespaces.get(name);
  if (!cs || cs.billableOwner !== org || cs.owner.toLowerCase() !== username.toLowerCase()) fail(404, 'Not Found');
  return cs!;
}

// ---------- routes ----------

route('GET', '/user/orgs', null, (ctx) => {
  const orgs = ctx.user.orgs.map((login) => ctx.world.orgs.get(login)).filter((o) => o !== undefined);
  const { page, link } = paginateList(ctx, orgs);
  return { status: 200, body: page.map((o) => render.organization(ctx.urls, o)), link };
});

/** Any organisation by name (not case-sensitive), or 404. */
function findOrg(ctx: RestContext, login: string) {
  return [...ctx.world.orgs.values()].find((o) => o.login.toLowerCase() === login.toLowerCase()) ?? fail(404, 'Not Found');
}

function queryEnum<T extends string>(ctx: RestContext, name: string, allowed: readonly T[], fallback: T): T {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!allowed.includes(raw as T))
    fail(422, 'Validation Failed', { errors: [{ resource: 'Search', field: name, code: 'invalid', value: raw }] });
  return raw as T;
}

// Every member is a public member in the demo, so members and non-members see the same list.
route('GET', '/orgs/{org}/members', null, (ctx, p) => {
  const org = findOrg(ctx, p.org!);
  const filter = queryEnum(ctx, 'filter', ['2fa_disabled', '2fa_insecure', 'all'], 'all');
  const role = queryEnum(ctx, 'role', ['all', 'admin', 'member'], 'all');
  // The two-factor filters are for owners only; every demo user has secure two-factor authentication.
  if (filter !== 'all' && !isOrgOwner(ctx.world, org.login, ctx.user.login))
    fail(422, 'Validation Failed', { errors: [{ resource: 'Search', field: 'filter', code: 'invalid' }] });
  const members = [...ctx.world.users.values()]
    .filter((u) => u.orgs.includes(org.login) && filter === 'all')
    .filter((u) => role === 'all' || isOrgOwner(ctx.world, org.login, u.login) === (role === 'admin'))
    .sort((a, b) => a.id - b.id);
  const { page, link } = paginateList(ctx, members);
  return { status: 200, body: page.map((u) => render.simpleUser(ctx.urls, render.account(ctx.world, u.login))), link };
});

route('GET', '/orgs/{org}/repos', null, (ctx, p) => {
  const org = findOrg(ctx, p.org!);
  const type = queryEnum(ctx, 'type', ['all', 'public', 'private', 'forks', 'sources', 'member'], 'all');
  const sort = queryEnum(ctx, 'sort', ['created', 'updated', 'pushed', 'full_name'], 'created');
  const direction = queryEnum(ctx, 'direction', ['asc', 'desc'], sort === 'full_name' ? 'asc' : 'desc');
  // Outsiders, and a token that does not read private repositories, see public ones only (no demo repository is a fork).
  const member = ctx.user.orgs.includes(org.login);
  const privateToo = member && readsPrivateRepositories(ctx);
  const repos = [...ctx.world.repos.values()].filter(
    (r) =>
      r.owner === org.login &&
      (privateToo || !r.private) &&
      (type === 'public' ? !r.private : type === 'private' ? r.private : type !== 'forks' && (type !== 'member' || member)),
  );
  const key = (r: RepoRecord) =>
    sort === 'full_name' ? `${r.owner}/${r.name}`.toLowerCase() : sort === 'created' ? r.createdAt : r.pushedAt;
  repos.sort((a, b) => key(a).localeCompare(key(b)) * (direction === 'asc' ? 1 : -1));
  const { page, link } = paginateList(ctx, repos);
  return { status: 200, body: page.map((r) => render.repository(ctx.world, ctx.urls, r, ctx.user.login)), link };
});

route('GET', '/orgs/{org}/codespaces', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!);
  return codespaceListAnswer(ctx, orgCodespaces(ctx.world, org.login));
});

route('GET', '/orgs/{org}/members/{username}/codespaces', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!);
  const member = ctx.world.users.get(p.username!);
  if (!member || !member.orgs.includes(org.login)) fail(404, 'Not Found');
  return codespaceListAnswer(
    ctx,
    orgCodespaces(ctx.world, org.login).filter((c) => c.owner === member!.login),
  );
});

route('POST', '/orgs/{org}/members/{username}/codespaces/{codespace_name}/stop', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!);
  return stopCodespaceRecord(ctx, memberCodespace(ctx, org.login, p.username!, p.codespace_name!));
});

route('DELETE', '/orgs/{org}/members/{username}/codespaces/{codespace_name}', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!);
  const cs = memberCodespace(ctx, org.login, p.username!, p.codespace_name!);
  ctx.world.codespaces.delete(cs.name);
  return { status: 202, body: {} };
});

function paginateList<T>(ctx: RestContext, items: T[]) {
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page')) || 30));
  const page = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const at = (n: number) => {
    const url = new URL(ctx.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const rels = [
    page < last && `<${at(page + 1)}>; rel="next"`,
    page < last && `<${at(last)}>; rel="last"`,
    page > 1 && `<${at(1)}>; rel="first"`,
    page > 1 && `<${at(page - 1)}>; rel="prev"`,
  ].filter(Boolean);
  return { page: items.slice((page - 1) * perPage, page * perPage), link: rels.length ? rels.join(', ') : null };
}

// ---------- seed ----------

type Seed = {
  owner: string;
  repo: string;
  state: CodespaceState;
  cpus: number;
  lastUsed: number;
  git?: Partial<GitStatus>;
  idle?: number;
  stoppedDaysAgo?: number;
  displayName?: string;
};

/** octo-org's owners and colleagues, with codespaces an owner should hear about. */
export function seedOrganisations(world: World, now: number) {
  for (const [org, admins] of Object.entries(ORG_ADMINS)) world.orgAdmins.set(org, admins);
  let userId = 700_100;
  for (const colleague of COLLEAGUES) world.users.set(colleague.login, { ...colleague, id: ++userId });

  const random = seededRandom(0x0c70);
  const repos = ['octo-org/octo-app', 'octo-org/api-server', 'octo-org/design-system'];
  const seeds: Seed[] = [
    // Unpushed work that GitHub will delete within a day: the most urgent thing on the page.
    {
      owner: 'lisa-dev',
      repo: 'octo-org/octo-app',
      state: 'Shutdown',
      cpus: 4,
      lastUsed: 29.4 * DAY,
      stoppedDaysAgo: 29.4,
      git: { ahead: 3, has_unpushed_changes: true },
      displayName: 'Checkout redesign',
    },
    {
      owner: 'diego-m',
      repo: 'octo-org/api-server',
      state: 'Shutdown',
      cpus: 8,
      lastUsed: 28 * DAY,
      stoppedDaysAgo: 28,
      git: { has_uncommitted_changes: true },
      displayName: 'Rate limiter spike',
    },
    // Stopped and near, or past, the retention limit.
    {
      owner: 'sam-ops',
      repo: 'octo-org/api-server',
      state: 'Shutdown',
      cpus: 4,
      lastUsed: 27 * DAY,
      stoppedDaysAgo: 27,
      displayName: 'Old deploy scripts',
    },
    {
      owner: 'kenji-t',
      repo: 'octo-org/design-system',
      state: 'Shutdown',
      cpus: 2,
      lastUsed: 30.2 * DAY,
      stoppedDaysAgo: 30.1,
      displayName: 'Icon audit',
    },
    // Running and forgotten, one of them on a very large machine.
    { owner: 'priya-k', repo: 'octo-org/octo-app', state: 'Available', cpus: 32, lastUsed: 9 * HOUR, displayName: 'Perf profiling' },
    { owner: 'olu-a', repo: 'octo-org/api-server', state: 'Available', cpus: 8, lastUsed: 26 * HOUR, displayName: 'Load test rig' },
    { owner: 'ana-s', repo: 'octo-org/design-system', state: 'Available', cpus: 4, lastUsed: 20 * MINUTE },
    // An idle timeout unlike the rest of its repository's.
    {
      owner: 'mei-l',
      repo: 'octo-org/octo-app',
      state: 'Shutdown',
      cpus: 4,
      lastUsed: 3 * DAY,
      stoppedDaysAgo: 3,
      idle: 240,
      displayName: 'Long-running notebook',
    },
    // A member's unpushed work that is safe for now.
    {
      owner: 'sam-ops',
      repo: 'octo-org/octo-app',
      state: 'Shutdown',
      cpus: 4,
      lastUsed: 2 * DAY,
      stoppedDaysAgo: 2,
      git: { ahead: 1, has_unpushed_changes: true },
      displayName: 'Billing export fix',
    },
  ];
  // And ordinary days: each colleague has a handful more.
  for (const colleague of COLLEAGUES) {
    const count = 3 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      const running = random() < 0.2;
      const lastUsed = running ? random() * 90 * MINUTE : (0.5 + random() * 20) * DAY;
      const dirty = random();
      seeds.push({
        owner: colleague.login,
        repo: repos[Math.floor(random() * repos.length)]!,
        state: running ? 'Available' : 'Shutdown',
        cpus: [2, 4, 4, 4, 8, 8, 16][Math.floor(random() * 7)]!,
        lastUsed,
        stoppedDaysAgo: running ? undefined : lastUsed / DAY,
        git: {
          ahead: dirty < 0.15 ? 1 + Math.floor(random() * 4) : 0,
          has_unpushed_changes: dirty < 0.15,
          has_uncommitted_changes: dirty > 0.9,
          behind: random() < 0.3 ? Math.floor(random() * 12) : 0,
        },
      });
    }
  }
  for (const seed of seeds) addCodespace(world, now, random, seed);
}

function addCodespace(world: World, now: number, random: () => number, seed: Seed) {
  const repo = [...world.repos.values()].find((r) => `${r.owner}/${r.name}` === seed.repo)!;
  const { name, displayName } = codespaceNameFor(random, (n) => world.codespaces.has(n));
  const spec = MACHINES.find((m) => m.cpus === seed.cpus) ?? MACHINES[0]!;
  const lastUsedAt = now - seed.lastUsed;
  const record: CodespaceRecord = {
    id: world.nextId() + 150_000_000,
    name,
    displayName: seed.displayName ?? displayName,
    environmentId: uuid(random),
    owner: seed.owner,
    billableOwner: repo.owner,
    repoId: repo.id,
    machine: spec.name,
    pendingMachine: null,
    devcontainerPath: repo.devcontainers[0]?.path ?? null,
    prebuild: random() < 0.3,
    createdAt: lastUsedAt - Math.floor((2 + random() * 40) * DAY),
    updatedAt: lastUsedAt,
    lastUsedAt,
    state: seed.state,
    schedule: [],
    git: { ref: repo.defaultBranch, ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ...seed.git },
    location: ['EastUs', 'WestUs2', 'WestEurope'][Math.floor(random() * 3)]!,
    idleTimeoutMinutes: seed.idle ?? 30,
    retentionPeriodMinutes: 43_200,
    stoppedAt: seed.stoppedDaysAgo !== undefined ? now - seed.stoppedDaysAgo * DAY : null,
    recentFolders: [`/workspaces/${repo.name}`],
    pullNumber: null,
    unpublished: false,
    pendingOperationReason: null,
    exports: [],
  };
  if (seed.git?.ref === undefined && random() < 0.5) record.git.ref = repo.branches[Math.floor(random() * repo.branches.length)]!;
  world.codespaces.set(name, record);
}

/**
 * Replaces an organisation's members' codespaces with a generated fleet (e.g. 2,000 codespaces
 * across 300 members), for performance checks. Deterministic for the same arguments.
 */
export function generateOrgFleet(world: World, now: number, org: string, codespaces: number, members: number) {
  if (!world.orgs.has(org)) throw new Error(`No organisation ${org}`);
  for (const [name, cs] of world.codespaces) if (cs.billableOwner === org && cs.owner !== 'mona') world.codespaces.delete(name);
  const random = seededRandom(codespaces * 7919 + members);
  const logins: string[] = [];
  let userId = 800_000;
  for (let i = 0; i < members; i++) {
    const login = `member-${String(i + 1).padStart(3, '0')}`;
    logins.push(login);
    world.users.set(login, {
      id: ++userId,
      login,
      name: `Member ${i + 1}`,
      email: `${login}@${org}.example`,
      company: `@${org}`,
      location: null,
      bio: null,
      createdAt: '2020-01-01T00:00:00Z',
      orgs: [org],
      listed: false,
    });
  }
  const repos = [...world.repos.values()].filter((r) => r.owner === org).map((r) => `${r.owner}/${r.name}`);
  for (let i = 0; i < codespaces; i++) {
    const running = random() < 0.15;
    const lastUsed = running ? random() * 3 * HOUR : random() * 29 * DAY;
    addCodespace(world, now, random, {
      owner: logins[i % members]!,
      repo: repos[i % repos.length]!,
      state: running ? 'Available' : 'Shutdown',
      cpus: [2, 4, 4, 8, 8, 16, 32][Math.floor(random() * 7)]!,
      lastUsed,
      stoppedDaysAgo: running ? undefined : lastUsed / DAY,
      git: { has_unpushed_changes: random() < 0.1, has_uncommitted_changes: random() < 0.1 },
      idle: random() < 0.1 ? 60 : 30,
    });
  }
}
