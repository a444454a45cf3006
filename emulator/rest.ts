/**
 * api.github.com's REST endpoints for codespaces and what they need (user, repositories,
 * branches, pull requests), with GitHub's status codes and state rules.
 */
import { ok, route, type RestAnswer, type RestContext } from './api';
import { fail, JsonText, paginate, readJson } from './http';
import { LOCATIONS, MACHINES, machineSpec, type CodespaceRecord, type CodespaceState, type RepoRecord } from './model';
import { readsPrivateRepositories } from './permissions';
import { visibleList } from './refusals';
import * as render from './render';
import { codespaceNameFor, hex, uuid, type World } from './seed';

// ---------- lookups ----------

/** The user's repositories and their organisations': the private ones only for a token that reads them. */
function visibleRepos(ctx: RestContext) {
  const privateToo = readsPrivateRepositories(ctx);
  return [...ctx.world.repos.values()].filter(
    (r) => (r.owner === ctx.user.login || ctx.user.orgs.includes(r.owner)) && (privateToo || !r.private),
  );
}

function findRepo(ctx: RestContext, owner: string, name: string, { includePublic = true } = {}) {
  const repo = [...ctx.world.repos.values()].find(
    (r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase(),
  );
  const visible = repo && (repo.owner === ctx.user.login || ctx.user.orgs.includes(repo.owner) || (includePublic && !repo.private));
  return visible ? repo : fail(404, 'Not Found');
}

/**
 * A repository through its own endpoints (itself, its branches, its pull requests), not the
 * Codespaces ones: a private one is a 404 to a token that does not read private repositories,
 * as if it did not exist (GitHub does not confirm what it hides).
 */
function readableRepo(ctx: RestContext, owner: string, name: string) {
  const repo = findRepo(ctx, owner, name);
  return repo.private && !readsPrivateRepositories(ctx) ? fail(404, 'Not Found') : repo;
}

function findCodespace(ctx: RestContext, name: string) {
  const cs = ctx.world.codespaces.get(name);
  return cs && cs.owner === ctx.user.login ? cs : fail(404, 'Not Found');
}

function myCodespaces(ctx: RestContext) {
  return newestFirst(
    ctx.world,
    `user:${ctx.user.login}`,
    [...ctx.world.codespaces.values()].filter((c) => c.owner === ctx.user.login),
  );
}

/** The last order of each list, kept with the codespaces it was made from (a world's). */
const listOrders = new WeakMap<World, Map<string, { members: CodespaceRecord[]; sorted: CodespaceRecord[] }>>();

/**
 * A list's codespaces newest first, as GitHub lists them: sorted again only when its members
 * changed (a page of an organisation's 10,000 codespaces sorted them all for every page read).
 * Neither a codespace's creation time nor its name ever changes. Not to be changed by the caller.
 */
export function newestFirst(world: World, list: string, members: CodespaceRecord[]): readonly CodespaceRecord[] {
  let orders = listOrders.get(world);
  if (!orders) listOrders.set(world, (orders = new Map()));
  const kept = orders.get(list);
  if (kept && kept.members.length === members.length && kept.members.every((c, i) => c === members[i])) return kept.sorted;
  const sorted = [...members].sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
  orders.set(list, { members, sorted });
  return sorted;
}

/** A stable fake commit id per repository and ref. */
function shaOf(repo: RepoRecord, ref: string) {
  let h = 2166136261;
  for (const c of `${repo.id}:${ref}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let random = h;
  return hex(() => (random = Math.imul(random ^ (random >>> 15), 2246822507) >>> 0) / 4294967296, 40);
}

function machinesFor(repo: RepoRecord) {
  return MACHINES.filter((m) => m.cpus <= repo.maxCpus);
}

function codespaceList(ctx: RestContext, all: readonly CodespaceRecord[]): RestAnswer {
  // Codespaces billed to an organisation that keeps the token out are left out (refusals.ts).
  const { items, headers } = visibleList(ctx, all, (c) => c.billableOwner);
  const { page, link } = paginate(ctx.url, items);
  const repositories = new Map<string, string>();
  const codespaces = page.map((c) => render.codespaceJson(ctx.world, ctx.urls, c, repositories)).join(',');
  return ok(new JsonText(`{"total_count":${items.length},"codespaces":[${codespaces}]}`), { link, headers });
}

// ---------- state rules ----------

const ALREADY_RUNNING: CodespaceState[] = ['Available', 'Starting', 'Awaiting', 'Queued', 'Provisioning', 'Created', 'Rebuilding'];
const STARTABLE: CodespaceState[] = ['Shutdown', 'Failed', 'Archived', 'Unavailable'];
const STOPPABLE: CodespaceState[] = ['Available', 'Awaiting', 'Starting', 'Rebuilding', 'Unavailable'];

function startCodespace(ctx: RestContext, cs: CodespaceRecord): RestAnswer {
  if (cs.pendingOperationReason) fail(409, cs.pendingOperationReason);
  if (ALREADY_RUNNING.includes(cs.state)) return ok(render.codespace(ctx.world, ctx.urls, cs));
  if (!STARTABLE.includes(cs.state)) fail(409, `The codespace cannot be started while it is ${cs.state}.`);
  const wasArchived = cs.state === 'Archived';
  cs.state = 'Starting';
  cs.schedule = [{ state: 'Available', at: ctx.now + ctx.transitionMs * (wasArchived ? 3 : 1) }];
  if (cs.pendingMachine) {
    cs.machine = cs.pendingMachine;
    cs.pendingMachine = null;
  }
  cs.lastUsedAt = ctx.now;
  cs.updatedAt = ctx.now;
  cs.stoppedAt = null;
  // Why it last stopped no longer calls for action once it runs again.
  cs.lastKnownStopNotice = null;
  return ok(render.codespace(ctx.world, ctx.urls, cs));
}

function stopCodespace(ctx: RestContext, cs: CodespaceRecord): RestAnswer {
  if (STOPPABLE.includes(cs.state) && !cs.pendingOperationReason) {
    cs.state = 'ShuttingDown';
    const at = ctx.now + ctx.transitionMs;
    cs.schedule = [{ state: 'Shutdown', at }];
    cs.updatedAt = ctx.now;
    cs.lastUsedAt = ctx.now;
    cs.stoppedAt = at;
  }
  // Stopping something that is not running is not an error on GitHub: nothing happens.
  return ok(render.codespace(ctx.world, ctx.urls, cs));
}

// ---------- create ----------

interface CreateOptions {
  ref?: unknown;
  location?: unknown;
  geo?: unknown;
  client_ip?: unknown;
  machine?: unknown;
  devcontainer_path?: unknown;
  multi_repo_permissions_opt_out?: unknown;
  working_directory?: unknown;
  idle_timeout_minutes?: unknown;
  display_name?: unknown;
  retention_period_minutes?: unknown;
}

const GEO_LOCATION: Record<string, string> = {
  EuropeWest: 'WestEurope',
  SoutheastAsia: 'SouthEastAsia',
  UsEast: 'EastUs',
  UsWest: 'WestUs2',
};
const CREATE_FIELDS = new Set([
  'ref',
  'location',
  'geo',
  'client_ip',
  'machine',
  'devcontainer_path',
  'multi_repo_permissions_opt_out',
  'working_directory',
  'idle_timeout_minutes',
  'display_name',
  'retention_period_minutes',
]);

function optionalString(value: unknown, field: string) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    return fail(400, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

function optionalInt(value: unknown, field: string, min: number, max: number) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    fail(400, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not an integer.`);
  const n = value as number;
  if (n < min || n > max) fail(400, `Invalid request.\n\n'${field}' must be between ${min} and ${max}.`);
  return n;
}

function createCodespace(
  ctx: RestContext,
  repo: RepoRecord,
  body: CreateOptions,
  pullNumber: number | null,
  fixedRef?: string,
): RestAnswer {
  for (const key of Object.keys(body))
    if (!CREATE_FIELDS.has(key)) fail(400, `Invalid request.\n\n${JSON.stringify(key)} is not a permitted key.`);
  const ref = fixedRef ?? optionalString(body.ref, 'ref') ?? repo.defaultBranch;
  if (!repo.branches.includes(ref)) fail(400, `No commit found for the ref ${ref}`);

  const devcontainerPath = optionalString(body.devcontainer_path, 'devcontainer_path');
  if (devcontainerPath !== undefined && !repo.devcontainers.some((d) => d.path === devcontainerPath)) {
    fail(400, `No dev container configuration found at ${devcontainerPath}`);
  }
  const allowed = machinesFor(repo);
  const machineName = optionalString(body.machine, 'machine') ?? allowed[0]!.name;
  if (!allowed.some((m) => m.name === machineName)) fail(400, `Machine type ${machineName} is not available for this repository.`);

  const geo = optionalString(body.geo, 'geo');
  if (geo !== undefined && !GEO_LOCATION[geo]) fail(400, `Invalid request.\n\n${JSON.stringify(geo)} is not a valid geo.`);
  const location = optionalString(body.location, 'location') ?? (geo ? GEO_LOCATION[geo] : undefined) ?? 'WestUs2';
  if (!(LOCATIONS as readonly string[]).includes(location)) fail(400, `Location ${location} is not a valid location.`);

  const idle = optionalInt(body.idle_timeout_minutes, 'idle_timeout_minutes', 5, 240) ?? 30;
  const retention = optionalInt(body.retention_period_minutes, 'retention_period_minutes', 0, 43_200) ?? 43_200;
  const displayNameInput = optionalString(body.display_name, 'display_name');
  if (displayNameInput !== undefined && (displayNameInput.trim() === '' || displayNameInput.length > 48)) {
    fail(400, 'Invalid request.\n\ndisplay_name must be between 1 and 48 characters.');
  }
  const generated = codespaceNameFor(ctx.world.random, (n) => ctx.world.codespaces.has(n));
  const T = ctx.transitionMs;
  const record: CodespaceRecord = {
    id: ctx.world.nextId() + 140_000_000,
    name: generated.name,
    displayName: displayNameInput?.trim() ?? generated.displayName,
    environmentId: uuid(ctx.world.random),
    owner: ctx.user.login,
    billableOwner: repo.ownerType === 'Organization' && !repo.isTemplate ? repo.owner : ctx.user.login,
    repoId: repo.id,
    machine: machineName,
    pendingMachine: null,
    devcontainerPath: devcontainerPath ?? repo.devcontainers[0]?.path ?? null,
    prebuild: ref === repo.defaultBranch && machineName === 'standardLinux32gb',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lastUsedAt: ctx.now,
    state: 'Queued',
    schedule: [
      { state: 'Provisioning', at: ctx.now + T / 2 },
      { state: 'Available', at: ctx.now + 2 * T },
    ],
    git: { ref, ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false },
    location,
    idleTimeoutMinutes: idle,
    retentionPeriodMinutes: retention,
    stoppedAt: null,
    recentFolders: [],
    pullNumber,
    unpublished: repo.isTemplate,
    pendingOperationReason: null,
    exports: [],
  };
  ctx.world.codespaces.set(record.name, record);
  // Southeast Asia is short of capacity in the demo: GitHub accepts, and keeps retrying (202).
  const status = location === 'SouthEastAsia' ? 202 : 201;
  return { status, body: render.codespace(ctx.world, ctx.urls, record), acceptedScopes: 'codespace' };
}

function repoById(ctx: RestContext, id: unknown) {
  if (typeof id !== 'number' || !Number.isInteger(id)) return fail(400, 'Invalid request.\n\nrepository_id must be an integer.');
  const repo = ctx.world.repos.get(id);
  const visible = repo && (repo.owner === ctx.user.login || ctx.user.orgs.includes(repo.owner) || !repo.private);
  return visible ? repo : fail(404, 'Not Found');
}

// ---------- routes ----------

route('GET', '/user', null, (ctx) => ok(render.privateUser(ctx.world, ctx.urls, ctx.user)));

route('GET', '/user/emails', 'user:email', (ctx) => {
  const { page, link } = paginate(ctx.url, [render.email(ctx.user)]);
  return ok(page, { link });
});

route('GET', '/user/repos', null, (ctx) => {
  const sort = ctx.url.searchParams.get('sort') ?? 'full_name';
  const { items: repos, headers } = visibleList(ctx, visibleRepos(ctx), (r) => r.owner);
  const key = (r: RepoRecord) =>
    sort === 'created' ? r.createdAt : sort === 'full_name' ? `${r.owner}/${r.name}`.toLowerCase() : r.pushedAt;
  const direction = ctx.url.searchParams.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
  repos.sort((a, b) => key(a).localeCompare(key(b)) * (direction === 'asc' ? 1 : -1));
  const { page, link } = paginate(ctx.url, repos);
  return ok(
    page.map((r) => render.repository(ctx.world, ctx.urls, r, ctx.user.login)),
    { link, headers },
  );
});

route('GET', '/repos/{owner}/{repo}', null, (ctx, p) =>
  ok(render.repository(ctx.world, ctx.urls, readableRepo(ctx, p.owner!, p.repo!), ctx.user.login, true)),
);

route('GET', '/repos/{owner}/{repo}/branches', null, (ctx, p) => {
  const repo = readableRepo(ctx, p.owner!, p.repo!);
  const { page, link } = paginate(ctx.url, repo.branches);
  return ok(
    page.map((b) => render.shortBranch(ctx.urls, repo, b, shaOf(repo, b))),
    { link },
  );
});

route('GET', '/repos/{owner}/{repo}/pulls', null, (ctx, p) => {
  const repo = readableRepo(ctx, p.owner!, p.repo!);
  const state = ctx.url.searchParams.get('state') ?? 'open';
  const pulls = state === 'closed' ? [] : [...repo.pulls].sort((a, b) => b.number - a.number);
  const { page, link } = paginate(ctx.url, pulls);
  return ok(
    page.map((pull) => render.pullRequest(ctx.world, ctx.urls, repo, pull, (ref) => shaOf(repo, ref), ctx.user.login)),
    { link },
  );
});

route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', null, (ctx, p) => {
  const repo = readableRepo(ctx, p.owner!, p.repo!);
  const pull = repo.pulls.find((x) => String(x.number) === p.pull_number) ?? fail(404, 'Not Found');
  return ok(render.fullPullRequest(ctx.world, ctx.urls, repo, pull, (ref) => shaOf(repo, ref), ctx.user.login));
});

route('GET', '/user/codespaces', 'codespace', (ctx) => {
  const repositoryId = ctx.url.searchParams.get('repository_id');
  const items = myCodespaces(ctx).filter((c) => !repositoryId || String(c.repoId) === repositoryId);
  return codespaceList(ctx, items);
});

route('POST', '/user/codespaces', 'codespace', async (ctx) => {
  const body = await readJson(ctx.req);
  if (body.pull_request !== undefined) {
    const { pull_request, ...rest } = body;
    const pr = pull_request as { pull_request_number?: unknown; repository_id?: unknown } | null;
    if (!pr || typeof pr !== 'object') return fail(400, 'Invalid request.\n\npull_request must be an object.');
    const repo = repoById(ctx, pr.repository_id);
    const pull = repo.pulls.find((x) => x.number === pr.pull_request_number) ?? fail(404, 'Not Found');
    if (rest.ref !== undefined) fail(400, 'Invalid request.\n\nref is not permitted with pull_request.');
    return createCodespace(ctx, repo, rest, pull.number, pull.head);
  }
  const { repository_id, ...rest } = body;
  if (repository_id === undefined) fail(400, 'Invalid request.\n\nrepository_id or pull_request is required.');
  return createCodespace(ctx, repoById(ctx, repository_id), rest, null);
});

route('GET', '/user/codespaces/{codespace_name}', 'codespace', (ctx, p) =>
  ok(render.codespace(ctx.world, ctx.urls, findCodespace(ctx, p.codespace_name!))),
);

route('PATCH', '/user/codespaces/{codespace_name}', 'codespace', async (ctx, p) => {
  const cs = findCodespace(ctx, p.codespace_name!);
  const body = await readJson(ctx.req);
  for (const key of Object.keys(body)) {
    if (!['machine', 'display_name', 'recent_folders'].includes(key))
      fail(422, `Invalid request.\n\n${JSON.stringify(key)} is not a permitted key.`);
  }
  const displayName = optionalString(body.display_name, 'display_name');
  if (displayName !== undefined && (displayName.trim() === '' || displayName.length > 48)) {
    fail(422, 'Invalid request.\n\ndisplay_name must be between 1 and 48 characters.');
  }
  const machineName = optionalString(body.machine, 'machine');
  if (machineName !== undefined && !validMachinesFor(ctx, cs).some((m) => m.name === machineName)) {
    fail(422, `Machine type ${machineName} is not available for this codespace.`);
  }
  if (
    body.recent_folders !== undefined &&
    (!Array.isArray(body.recent_folders) || body.recent_folders.some((f) => typeof f !== 'string'))
  ) {
    fail(422, 'Invalid request.\n\nrecent_folders must be an array of strings.');
  }
  if (displayName !== undefined) cs.displayName = displayName.trim();
  if (machineName !== undefined && machineName !== cs.machine) {
    // GitHub applies a new machine type the next time the codespace starts.
    if (cs.state === 'Shutdown' || cs.state === 'Archived') cs.machine = machineName;
    else cs.pendingMachine = machineName;
  }
  if (machineName === cs.machine) cs.pendingMachine = null;
  if (Array.isArray(body.recent_folders)) cs.recentFolders = body.recent_folders as string[];
  cs.updatedAt = ctx.now;
  return ok(render.codespace(ctx.world, ctx.urls, cs));
});

route('DELETE', '/user/codespaces/{codespace_name}', 'codespace', (ctx, p) => {
  const cs = findCodespace(ctx, p.codespace_name!);
  ctx.world.codespaces.delete(cs.name);
  return { status: 202, body: {} };
});

route('POST', '/user/codespaces/{codespace_name}/start', 'codespace', (ctx, p) =>
  startCodespace(ctx, findCodespace(ctx, p.codespace_name!)),
);
route('POST', '/user/codespaces/{codespace_name}/stop', 'codespace', (ctx, p) => stopCodespace(ctx, findCodespace(ctx, p.codespace_name!)));

/** Machines a codespace may move to: allowed for its repository, with at least its current disk. */
function validMachinesFor(ctx: RestContext, cs: CodespaceRecord) {
  const repo = ctx.world.repos.get(cs.repoId)!;
  const current = machineSpec(cs.machine);
  return machinesFor(repo).filter((m) => !current || m.storageGb >= current.storageGb);
}

route('GET', '/user/codespaces/{codespace_name}/machines', 'codespace', (ctx, p) => {
  const machines = validMachinesFor(ctx, findCodespace(ctx, p.codespace_name!));
  return ok({ total_count: machines.length, machines: machines.map((m) => render.machine(m)) });
});

route('POST', '/user/codespaces/{codespace_name}/exports', 'codespace', (ctx, p) => {
  const cs = findCodespace(ctx, p.codespace_name!);
  if (cs.state !== 'Available' && cs.state !== 'Shutdown') fail(422, `The codespace cannot be exported while it is ${cs.state}.`);
  const repo = ctx.world.repos.get(cs.repoId)!;
  const record = {
    id: String(ctx.world.nextId()),
    startedAt: ctx.now,
    doneAt: ctx.now + 2 * ctx.transitionMs,
    branch: `codespace-${cs.name}`,
    sha: hex(ctx.world.random, 40),
    resumeState: cs.state,
    applied: false,
  };
  cs.exports.push(record);
  cs.schedule = [{ state: cs.state, at: record.doneAt }];
  cs.state = 'Exporting';
  cs.updatedAt = ctx.now;
  return { status: 202, body: render.exportDetails(ctx.urls, cs, record, ctx.now, repo) };
});

route('GET', '/user/codespaces/{codespace_name}/exports/{export_id}', 'codespace', (ctx, p) => {
  const cs = findCodespace(ctx, p.codespace_name!);
  const record = p.export_id === 'latest' ? cs.exports.at(-1) : cs.exports.find((e) => e.id === p.export_id);
  if (!record) return fail(404, 'Not Found');
  return ok(render.exportDetails(ctx.urls, cs, record, ctx.now, ctx.world.repos.get(cs.repoId)!));
});

route('POST', '/user/codespaces/{codespace_name}/publish', 'codespace', async (ctx, p) => {
  const cs = findCodespace(ctx, p.codespace_name!);
  const body = await readJson(ctx.req);
  if (!cs.unpublished) fail(422, 'This codespace is already published to a repository.');
  const name = optionalString(body.name, 'name') ?? cs.displayName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) fail(422, 'Repository name is not valid.');
  if (body.private !== undefined && typeof body.private !== 'boolean') fail(422, 'Invalid request.\n\nprivate must be a boolean.');
  if ([...ctx.world.repos.values()].some((r) => r.owner === ctx.user.login && r.name.toLowerCase() === name.toLowerCase())) {
    fail(422, 'Repository creation failed.', {
      errors: [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }],
    });
  }
  const template = ctx.world.repos.get(cs.repoId)!;
  const stamp = new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const repo: RepoRecord = {
    ...template,
    id: ctx.world.nextId() + 702_000_000,
    owner: ctx.user.login,
    ownerType: 'User',
    name,
    private: body.private === true,
    isTemplate: false,
    branches: ['main'],
    createdAt: stamp,
    pushedAt: stamp,
    pulls: [],
  };
  ctx.world.repos.set(repo.id, repo);
  cs.repoId = repo.id;
  cs.unpublished = false;
  cs.billableOwner = ctx.user.login;
  cs.updatedAt = ctx.now;
  return {
    status: 201,
    body: { ...render.codespace(ctx.world, ctx.urls, cs), repository: render.repository(ctx.world, ctx.urls, repo, ctx.user.login, true) },
  };
});

route('GET', '/repos/{owner}/{repo}/codespaces', 'codespace', (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  return codespaceList(
    ctx,
    myCodespaces(ctx).filter((c) => c.repoId === repo.id),
  );
});

route('POST', '/repos/{owner}/{repo}/codespaces', 'codespace', async (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  return createCodespace(ctx, repo, await readJson(ctx.req), null);
});

route('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/codespaces', 'codespace', async (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  const pull = repo.pulls.find((x) => String(x.number) === p.pull_number) ?? fail(404, 'Not Found');
  const body = await readJson(ctx.req);
  if (body.ref !== undefined) fail(400, 'Invalid request.\n\n"ref" is not a permitted key.');
  return createCodespace(ctx, repo, body, pull.number, pull.head);
});

route('GET', '/repos/{owner}/{repo}/codespaces/devcontainers', 'codespace', (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  const { page, link } = paginate(ctx.url, repo.devcontainers);
  return ok(
    { total_count: repo.devcontainers.length, devcontainers: page.map(({ path, name, display_name }) => ({ path, name, display_name })) },
    { link },
  );
});

route('GET', '/repos/{owner}/{repo}/codespaces/machines', 'codespace', (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  const ref = ctx.url.searchParams.get('ref') ?? repo.defaultBranch;
  const location = ctx.url.searchParams.get('location');
  if (location !== null && !(LOCATIONS as readonly string[]).includes(location)) fail(400, `Location ${location} is not a valid location.`);
  const machines = machinesFor(repo).map((m) =>
    render.machine(m, ref === repo.defaultBranch && m.name === 'standardLinux32gb' ? 'ready' : null),
  );
  return ok({ total_count: machines.length, machines });
});

route('GET', '/repos/{owner}/{repo}/codespaces/new', 'codespace', (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  const billable = repo.ownerType === 'Organization' && !repo.isTemplate ? repo.owner : ctx.user.login;
  return ok({
    billable_owner: render.simpleUser(ctx.urls, render.account(ctx.world, billable)),
    defaults: { location: 'WestUs2', devcontainer_path: repo.devcontainers[0]?.path ?? null },
  });
});

route('GET', '/repos/{owner}/{repo}/codespaces/permissions_check', 'codespace', (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  const ref = ctx.url.searchParams.get('ref');
  const path = ctx.url.searchParams.get('devcontainer_path');
  if (!ref || !path)
    fail(422, 'Validation Failed', {
      errors: [{ resource: 'Codespace', code: 'missing_field', field: !ref ? 'ref' : 'devcontainer_path' }],
    });
  if (!repo.branches.includes(ref!)) fail(404, 'Not Found');
  const devcontainer = repo.devcontainers.find((d) => d.path === path) ?? fail(404, 'Not Found');
  return ok({ accepted: !devcontainer.needsPermissions });
});

export { codespaceList as codespaceListAnswer, findRepo, stopCodespace as stopCodespaceRecord };
