/**
 * GitHub's JSON shapes, built from the emulator's records. Field names, nesting and URL forms
 * follow api.github.com (checked against GitHub's OpenAPI description in contract.test.ts).
 */
import {
  bytes,
  machineSpec,
  type CodespaceRecord,
  type ExportRecord,
  type MachineSpec,
  type OrgRecord,
  type PullRecord,
  type RepoRecord,
  type SecretRecord,
  type SecretScopeRecord,
  type UserRecord,
} from './model';
import { repoPermissions } from './permissions';
import { applyVariant } from './variant';
import { iso, type World } from './seed';

export interface Urls {
  /** REST root, e.g. http://127.0.0.1:3000/emulator/api */
  api: string;
  /** Web root (github.com's place), e.g. http://localhost:3000/emulator */
  web: string;
}

type Account = { login: string; id: number; type: 'User' | 'Organization' };

export function account(world: World, login: string): Account {
  const user = world.users.get(login);
  if (user) return { login, id: user.id, type: 'User' };
  const org = world.orgs.get(login);
  return { login, id: org?.id ?? 0, type: 'Organization' };
}

export function simpleUser(urls: Urls, who: Account) {
  const api = `${urls.api}/users/${who.login}`;
  return {
    login: who.login,
    id: who.id,
    node_id: Buffer.from(`04:${who.type}${who.id}`).toString('base64'),
    avatar_url: `${urls.web}/avatars/${who.login}.svg`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${who.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: who.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function privateUser(world: World, urls: Urls, user: UserRecord) {
  const owned = [...world.repos.values()].filter((r) => r.owner === user.login);
  return {
    ...simpleUser(urls, { login: user.login, id: user.id, type: 'User' }),
    user_view_type: 'private',
    name: user.name,
    company: user.company,
    blog: '',
    location: user.location,
    email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: owned.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 20,
    following: 3,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    private_gists: 0,
    total_private_repos: owned.filter((r) => r.private).length,
    owned_private_repos: owned.filter((r) => r.private).length,
    disk_usage: 10_000,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976_562_499, private_repos: 9999, collaborators: 0 },
  };
}

export function email(user: UserRecord) {
  return { email: user.email, primary: true, verified: true, visibility: 'private' };
}

/** A repository as `viewer` sees it: its `permissions` are theirs. */
export function repository(world: World, urls: Urls, repo: RepoRecord, viewer: string, full = false) {
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}`;
  const html = `${urls.web}/${fullName}`;
  const host = new URL(urls.web).host;
  const base = {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(urls, account(world, repo.owner)),
    html_url: html,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: repo.language,
    forks_count: 0,
    forks: 0,
    stargazers_count: 3,
    watchers_count: 3,
    watchers: 3,
    size: 2048,
    default_branch: repo.defaultBranch,
    open_issues_count: repo.pulls.length,
    open_issues: repo.pulls.length,
    is_template: repo.isTemplate,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    permissions: repoPermissions(world, repo, viewer),
    allow_forking: true,
    web_commit_signoff_required: false,
  };
  if (!full) return base;
  return { ...base, network_count: 0, subscribers_count: 1, temp_clone_token: '' };
}

/** The `minimal-repository` embedded in a codespace. */
export function minimalRepository(world: World, urls: Urls, repo: RepoRecord, viewer: string) {
  return repository(world, urls, repo, viewer);
}

export function machine(spec: MachineSpec, prebuild: 'ready' | 'in_progress' | null = null) {
  return {
    name: spec.name,
    display_name: spec.display_name,
    operating_system: 'linux',
    storage_in_bytes: bytes(spec.storageGb),
    memory_in_bytes: bytes(spec.memoryGb),
    cpus: spec.cpus,
    prebuild_availability: prebuild,
  };
}

export function codespace(world: World, urls: Urls, cs: CodespaceRecord): Record<string, unknown> {
  // A codespace as a newer GitHub answers it (future.ts); the others exactly as described.
  return applyVariant(describedCodespace(world, urls, cs), cs.variant);
}

/**
 * Each codespace's JSON as a list sends it, kept until anything it is rendered from changes (the
 * record, its repository, the accounts and permissions it names, the URLs): a page of 100 is
 * ~880 KB of JSON, and making it afresh for every page read (304s included: the ETag is over the
 * body) was most of this stand-in's time under an organisation's 10,000 codespaces. The text is
 * exactly `JSON.stringify(codespace(...))`.
 */
const codespaceTexts = new WeakMap<CodespaceRecord, { from: string; text: string }>();

export function codespaceJson(world: World, urls: Urls, cs: CodespaceRecord, repositories?: Map<string, string>): string {
  const repo = world.repos.get(cs.repoId);
  const repoFrom = repo && repositoryFromOnce(world, urls, repo, cs.owner, repositories);
  const from = JSON.stringify([cs, repoFrom, account(world, cs.owner), account(world, cs.billableOwner), urls.api, urls.web]);
  const kept = codespaceTexts.get(cs);
  if (kept?.from === from) return kept.text;
  const text = cs.variant || !repo ? JSON.stringify(codespace(world, urls, cs)) : composedCodespaceJson(world, urls, cs, repo, repoFrom!);
  codespaceTexts.set(cs, { from, text });
  return text;
}

/**
 * `repositoryFrom`, worked out once per repository and viewer within one list (`repositories`,
 * the list's own): a page of 100 codespaces is mostly of a few repositories.
 */
function repositoryFromOnce(world: World, urls: Urls, repo: RepoRecord, viewer: string, repositories?: Map<string, string>): string {
  if (!repositories) return repositoryFrom(world, urls, repo, viewer);
  const key = `${repo.id}:${viewer}`;
  let from = repositories.get(key);
  if (from === undefined) repositories.set(key, (from = repositoryFrom(world, urls, repo, viewer)));
  return from;
}

/** What `repository` renders of a repository for a viewer (its branches, dev containers and pull requests are not shown). */
function repositoryFrom(world: World, urls: Urls, repo: RepoRecord, viewer: string): string {
  return JSON.stringify([
    repo.id,
    repo.owner,
    repo.ownerType,
    repo.name,
    repo.private,
    repo.description,
    repo.language,
    repo.defaultBranch,
    repo.pulls.length,
    repo.isTemplate,
    repo.pushedAt,
    repo.createdAt,
    account(world, repo.owner),
    repoPermissions(world, repo, viewer),
    urls.api,
    urls.web,
  ]);
}

/**
 * The JSON of the repository and accounts a codespace embeds (~7 KB of its ~8 KB, and the same for
 * every codespace of one repository and owner), kept by what they are rendered from, so a fleet's
 * first read renders each repository once rather than once a codespace.
 */
const embeddedTexts = new Map<string, string>();
const EMBEDDED_TEXTS_KEPT = 10_000;

function embeddedJson(from: string, render: () => unknown): string {
  let text = embeddedTexts.get(from);
  if (text === undefined) {
    if (embeddedTexts.size >= EMBEDDED_TEXTS_KEPT) embeddedTexts.clear();
    text = JSON.stringify(render());
    embeddedTexts.set(from, text);
  }
  return text;
}

/**
 * The embedded objects are written as this stand-in first, then replaced by their kept JSON at
 * their keys (`"owner":"…"` cannot occur unescaped inside a JSON string): the result is
 * `JSON.stringify(codespace(...))` exactly.
 */
const EMBEDDED = 'embedded';

function composedCodespaceJson(world: World, urls: Urls, cs: CodespaceRecord, repo: RepoRecord, repoFrom: string): string {
  const user = (login: string) => {
    const who = account(world, login);
    return embeddedJson(JSON.stringify(['user', who, urls.api, urls.web]), () => simpleUser(urls, who));
  };
  const texts = {
    owner: user(cs.owner),
    billable_owner: user(cs.billableOwner),
    repository: embeddedJson(`repository ${repoFrom}`, () => minimalRepository(world, urls, repo, cs.owner)),
  };
  let text = JSON.stringify(describedCodespace(world, urls, cs, { owner: EMBEDDED, billable_owner: EMBEDDED, repository: EMBEDDED }));
  for (const field of ['owner', 'billable_owner', 'repository'] as const) {
    text = text.replace(`"${field}":"${EMBEDDED}"`, () => `"${field}":${texts[field]}`);
  }
  return text;
}

function describedCodespace(
  world: World,
  urls: Urls,
  cs: CodespaceRecord,
  embedded?: { owner: unknown; billable_owner: unknown; repository: unknown },
) {
  const repo = world.repos.get(cs.repoId)!;
  const api = `${urls.api}/user/codespaces/${cs.name}`;
  const spec = machineSpec(cs.machine);
  return {
    id: cs.id,
    name: cs.name,
    display_name: cs.displayName,
    environment_id: cs.environmentId,
    owner: embedded ? embedded.owner : simpleUser(urls, account(world, cs.owner)),
    billable_owner: embedded ? embedded.billable_owner : simpleUser(urls, account(world, cs.billableOwner)),
    repository: embedded ? embedded.repository : minimalRepository(world, urls, repo, cs.owner),
    machine: spec ? machine(spec) : null,
    devcontainer_path: cs.devcontainerPath,
    prebuild: cs.prebuild,
    created_at: iso(cs.createdAt),
    updated_at: iso(cs.updatedAt),
    last_used_at: iso(cs.lastUsedAt),
    state: cs.state,
    url: api,
    git_status: { ...cs.git },
    location: cs.location,
    idle_timeout_minutes: cs.idleTimeoutMinutes,
    web_url: `${urls.web}/codespaces/${cs.name}`,
    machines_url: `${api}/machines`,
    start_url: `${api}/start`,
    stop_url: `${api}/stop`,
    publish_url: cs.unpublished ? `${api}/publish` : null,
    pulls_url: cs.pullNumber ? `${urls.api}/repos/${repo.owner}/${repo.name}/pulls/${cs.pullNumber}` : null,
    recent_folders: [...cs.recentFolders],
    runtime_constraints: { allowed_port_privacy_settings: ['private', 'org', 'public'] },
    pending_operation: cs.pendingOperationReason !== null,
    pending_operation_disabled_reason: cs.pendingOperationReason,
    idle_timeout_notice: cs.idleTimeoutNotice ?? null,
    retention_period_minutes: cs.retentionPeriodMinutes,
    retention_expires_at:
      cs.stoppedAt !== null && cs.retentionPeriodMinutes !== null ? iso(cs.stoppedAt + cs.retentionPeriodMinutes * 60_000) : null,
    last_known_stop_notice: cs.lastKnownStopNotice ?? null,
  };
}

export function exportDetails(urls: Urls, cs: CodespaceRecord, record: ExportRecord, now: number, repo: RepoRecord) {
  const done = now >= record.doneAt;
  return {
    state: done ? 'succeeded' : 'in_progress',
    completed_at: done ? iso(record.doneAt) : null,
    branch: record.branch,
    sha: done ? record.sha : null,
    id: record.id,
    export_url: `${urls.api}/user/codespaces/${cs.name}/exports/${record.id}`,
    html_url: done ? `${urls.web}/${repo.owner}/${repo.name}/tree/${record.branch}` : null,
  };
}

export function shortBranch(urls: Urls, repo: RepoRecord, branch: string, sha: string) {
  return {
    name: branch,
    commit: { sha, url: `${urls.api}/repos/${repo.owner}/${repo.name}/commits/${sha}` },
    protected: branch === repo.defaultBranch,
  };
}

export function pullRequest(world: World, urls: Urls, repo: RepoRecord, pull: PullRecord, sha: (ref: string) => string, viewer: string) {
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}`;
  const html = `${urls.web}/${fullName}/pull/${pull.number}`;
  const author = simpleUser(urls, account(world, pull.author));
  const side = (ref: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha: sha(ref),
    user: simpleUser(urls, account(world, repo.owner)),
    repo: repository(world, urls, repo, viewer),
  });
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: Buffer.from(`011:PullRequest${pull.id}`).toString('base64'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${sha(pull.head)}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title,
    user: author,
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head),
    base: side(pull.base),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${sha(pull.head)}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
}

/** One pull request in full (`GET /repos/{owner}/{repo}/pulls/{pull_number}`): the list's fields and its counts. */
export function fullPullRequest(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  pull: PullRecord,
  sha: (ref: string) => string,
  viewer: string,
) {
  return {
    ...pullRequest(world, urls, repo, pull, sha, viewer),
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 12,
    deletions: 3,
    changed_files: 2,
  };
}

export function organization(urls: Urls, org: OrgRecord) {
  const api = `${urls.api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: Buffer.from(`012:Organization${org.id}`).toString('base64'),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.web}/avatars/${org.login}.svg`,
    description: org.name,
  };
}

/** `codespaces-public-key` / `codespaces-user-public-key`: what a client seals a secret's value with. */
export function secretsPublicKey(scope: SecretScopeRecord) {
  return { key_id: scope.keyId, key: scope.publicKey };
}

/** `codespaces-secret`: a user's secret, always for the repositories chosen for it. */
export function userSecret(urls: Urls, secret: SecretRecord) {
  return {
    name: secret.name,
    created_at: iso(secret.createdAt),
    updated_at: iso(secret.updatedAt),
    visibility: 'selected' as const,
    selected_repositories_url: `${urls.api}/user/codespaces/secrets/${secret.name}/repositories`,
  };
}

/** `repo-codespaces-secret`. */
export function repoSecret(secret: SecretRecord) {
  return { name: secret.name, created_at: iso(secret.createdAt), updated_at: iso(secret.updatedAt) };
}

/** `codespaces-org-secret`: the repositories' URL only when they are chosen one by one. */
export function orgSecret(urls: Urls, org: string, secret: SecretRecord) {
  return {
    name: secret.name,
    created_at: iso(secret.createdAt),
    updated_at: iso(secret.updatedAt),
    visibility: secret.visibility,
    ...(secret.visibility === 'selected'
      ? { selected_repositories_url: `${urls.api}/orgs/${org}/codespaces/secrets/${secret.name}/repositories` }
      : {}),
  };
}
