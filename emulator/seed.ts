/**
 * Demo data: a few users with realistic fleets. Deterministic (a seeded generator), with times
 * relative to the moment the emulator starts, so "last used 3 minutes ago" stays true.
 */
import {
  MACHINES,
  type CodespaceRecord,
  type CodespacesAccessRecord,
  type CodespaceState,
  type GitStatus,
  type OrgRecord,
  type PullRecord,
  type RepoRecord,
  type SecretScopeRecord,
  type UserRecord,
} from './model';

export interface World {
  users: Map<string, UserRecord>;
  orgs: Map<string, OrgRecord>;
  /** Organisation → logins of its owners (admins). */
  orgAdmins: Map<string, string[]>;
  repos: Map<number, RepoRecord>;
  codespaces: Map<string, CodespaceRecord>;
  /** Codespaces secrets by scope: `user:<login>`, `repo:<id>` or `org:<login>` (see secrets.ts). */
  secretScopes: Map<string, SecretScopeRecord>;
  /** Organisation → who may use Codespaces billed to it (see access.ts). */
  codespacesAccess: Map<string, CodespacesAccessRecord>;
  nextId: () => number;
  random: () => number;
}

/** mulberry32: small, fast, good enough for plausible demo data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ADJECTIVES = [
  'literate',
  'fluffy',
  'solid',
  'bookish',
  'curly',
  'probable',
  'urban',
  'jubilant',
  'sturdy',
  'glowing',
  'miniature',
  'shiny',
  'vigilant',
  'fantastic',
  'reimagined',
  'cautious',
  'friendly',
  'psychic',
  'silver',
  'humble',
];
const NOUNS = [
  'space',
  'meme',
  'carnival',
  'giggle',
  'broccoli',
  'fortnight',
  'sniffle',
  'trout',
  'pancake',
  'waffle',
  'robot',
  'lamp',
  'guacamole',
  'doodle',
  'palm-tree',
  'umbrella',
  'orbit',
  'tribble',
  'parakeet',
  'engine',
];
const SUFFIX_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function hex(random: () => number, length: number) {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** GitHub-style names: three words and a random suffix, e.g. `literate-space-giggle-jp6xq5g7hw5x`. */
export function codespaceNameFor(random: () => number, taken: (name: string) => boolean) {
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 12; i++) suffix += pick(random, SUFFIX_CHARS.split(''));
    const words = [pick(random, ADJECTIVES), pick(random, NOUNS), pick(random, NOUNS)];
    const name = `${words.join('-')}-${suffix}`;
    if (!taken(name)) return { name, displayName: words.join(' ').replace(/-/g, ' ') };
  }
}

interface RepoSeed {
  owner: string;
  ownerType: 'User' | 'Organization';
  name: string;
  description: string;
  language: string;
  branches: string[];
  private?: boolean;
  maxCpus?: number;
  isTemplate?: boolean;
  devcontainers?: RepoRecord['devcontainers'];
  pulls?: { title: string; head: string; author: string }[];
}

const DEFAULT_DEVCONTAINER = { path: '.devcontainer/devcontainer.json', name: 'default', display_name: 'Default' };

const REPOS: RepoSeed[] = [
  {
    owner: 'mona',
    ownerType: 'User',
    name: 'dotfiles',
    description: 'My shell, editor and git settings',
    language: 'Shell',
    branches: ['main', 'zsh-prompt'],
    maxCpus: 8,
    devcontainers: [],
  },
  {
    owner: 'mona',
    ownerType: 'User',
    name: 'hello-world',
    description: 'My first repository on GitHub',
    language: 'JavaScript',
    branches: ['main', 'readme-update'],
    private: false,
  },
  {
    owner: 'mona',
    ownerType: 'User',
    name: 'blog',
    description: 'Notes on tooling and developer experience',
    language: 'TypeScript',
    branches: ['main', 'draft/codespaces-tips', 'draft/monorepos'],
  },
  {
    owner: 'octo-org',
    ownerType: 'Organization',
    name: 'octo-app',
    description: 'The Octo web application',
    language: 'TypeScript',
    branches: ['main', 'feat/usage-view', 'fix/login-redirect', 'chore/deps', 'release/2026.11'],
    devcontainers: [DEFAULT_DEVCONTAINER, { path: '.devcontainer/e2e/devcontainer.json', name: 'e2e', display_name: 'End-to-end tests' }],
    pulls: [
      { title: 'Usage view for team admins', head: 'feat/usage-view', author: 'mona' },
      { title: 'Fix redirect loop after login', head: 'fix/login-redirect', author: 'hubot' },
      { title: 'Bump dependencies', head: 'chore/deps', author: 'hubot' },
    ],
  },
  {
    owner: 'octo-org',
    ownerType: 'Organization',
    name: 'api-server',
    description: 'Public REST API',
    language: 'Go',
    branches: ['main', 'feat/rate-limits', 'fix/etag-cache'],
    maxCpus: 16,
    pulls: [{ title: 'Conditional requests for list endpoints', head: 'fix/etag-cache', author: 'mona' }],
  },
  {
    owner: 'octo-org',
    ownerType: 'Organization',
    name: 'design-system',
    description: 'Shared React components',
    language: 'TypeScript',
    branches: ['main', 'feat/dark-mode', 'docs/tokens'],
    private: false,
    pulls: [{ title: 'Dark mode colour tokens', head: 'feat/dark-mode', author: 'mona' }],
  },
  {
    owner: 'acme-corp',
    ownerType: 'Organization',
    name: 'payments',
    description: 'Payment processing service',
    language: 'Java',
    branches: ['main', 'feat/refunds', 'hotfix/currency-rounding'],
    maxCpus: 32,
    devcontainers: [
      { ...DEFAULT_DEVCONTAINER, needsPermissions: true },
      { path: '.devcontainer/gpu/devcontainer.json', name: 'gpu', display_name: 'Fraud model (GPU)' },
    ],
    pulls: [{ title: 'Partial refunds', head: 'feat/refunds', author: 'mona' }],
  },
  {
    owner: 'acme-corp',
    ownerType: 'Organization',
    name: 'infra',
    description: 'Terraform for every environment',
    language: 'HCL',
    branches: ['main', 'feat/staging-db'],
  },
  { owner: 'hubot', ownerType: 'User', name: 'scripts', description: 'Chat-ops scripts', language: 'CoffeeScript', branches: ['main'] },
  {
    owner: 'github',
    ownerType: 'Organization',
    name: 'codespaces-react',
    description: 'A React template for Codespaces',
    language: 'JavaScript',
    branches: ['main'],
    private: false,
    isTemplate: true,
  },
];

/**
 * Repositories nobody has a codespace in yet, such as most people have: private, so a token
 * without the repo scope finds them nowhere but where the user types their name. Seeded after the
 * codespaces, with their own random numbers, so the fleets above stay as they are.
 */
const QUIET_REPOS: RepoSeed[] = [
  {
    owner: 'mona',
    ownerType: 'User',
    name: 'homelab',
    description: 'Compose files and playbooks for the home server',
    language: 'Shell',
    branches: ['main', 'feat/backups'],
    maxCpus: 8,
  },
];

type Spec = {
  repo: string;
  state: CodespaceState;
  branch?: string;
  machine?: number;
  lastUsed: number;
  git?: Partial<GitStatus>;
  displayName?: string;
  pull?: number;
  pendingReason?: string;
  unpublished?: boolean;
  idle?: number;
  /** GitHub's `idle_timeout_notice`: an organisation policy set the idle timeout. */
  idleNotice?: string;
  /** GitHub's `last_known_stop_notice`: why it stopped, when that calls for action. */
  stopNotice?: string;
};

/** Hand-written codespaces for mona: every documented state, and the cases that matter. */
const MONA_SPECS: Spec[] = [
  {
    repo: 'octo-org/octo-app',
    state: 'Available',
    branch: 'feat/usage-view',
    machine: 2,
    lastUsed: 3 * MINUTE,
    git: { ahead: 2, has_uncommitted_changes: true, has_unpushed_changes: true },
    displayName: 'Usage view',
    pull: 1,
  },
  {
    repo: 'mona/dotfiles',
    state: 'Shutdown',
    branch: 'zsh-prompt',
    machine: 0,
    lastUsed: 2 * DAY,
    git: { ahead: 3, behind: 1, has_unpushed_changes: true, has_uncommitted_changes: true },
    displayName: 'Prompt experiments',
    // The codespace schema's own example of the notice.
    stopNotice: 'you’ve used 100% of your spending limit for Codespaces',
  },
  {
    repo: 'octo-org/api-server',
    state: 'Available',
    branch: 'fix/etag-cache',
    machine: 3,
    lastUsed: 40 * MINUTE,
    git: { behind: 4 },
    idleNotice: 'octo-org limits idle timeouts to 30 minutes: this codespace stops after 30 minutes of inactivity, not the 60 you chose.',
  },
  { repo: 'octo-org/api-server', state: 'Starting', branch: 'main', machine: 1, lastUsed: 1 * MINUTE },
  {
    repo: 'octo-org/design-system',
    state: 'ShuttingDown',
    branch: 'feat/dark-mode',
    machine: 1,
    lastUsed: 12 * MINUTE,
    git: { has_uncommitted_changes: true },
  },
  {
    repo: 'acme-corp/payments',
    state: 'Available',
    branch: 'feat/refunds',
    machine: 4,
    lastUsed: 26 * HOUR,
    git: { ahead: 1, has_unpushed_changes: true },
    displayName: 'Refunds on 32 cores',
  },
  { repo: 'acme-corp/infra', state: 'Queued', branch: 'feat/staging-db', machine: 1, lastUsed: 0 },
  { repo: 'mona/blog', state: 'Provisioning', branch: 'draft/codespaces-tips', machine: 0, lastUsed: 0 },
  { repo: 'octo-org/octo-app', state: 'Created', branch: 'main', machine: 1, lastUsed: 0 },
  { repo: 'octo-org/octo-app', state: 'Awaiting', branch: 'chore/deps', machine: 1, lastUsed: 5 * MINUTE, pull: 3 },
  { repo: 'octo-org/octo-app', state: 'Rebuilding', branch: 'release/2026.11', machine: 2, lastUsed: 8 * MINUTE },
  {
    repo: 'acme-corp/payments',
    state: 'Updating',
    branch: 'main',
    machine: 2,
    lastUsed: 3 * HOUR,
    pendingReason: 'This codespace is moving to a new machine type. You can only delete it until that finishes.',
  },
  {
    repo: 'mona/blog',
    state: 'Exporting',
    branch: 'draft/monorepos',
    machine: 0,
    lastUsed: 6 * HOUR,
    git: { ahead: 5, has_unpushed_changes: true },
  },
  { repo: 'octo-org/design-system', state: 'Archived', branch: 'docs/tokens', machine: 0, lastUsed: 24 * DAY },
  {
    repo: 'octo-org/api-server',
    state: 'Unavailable',
    branch: 'feat/rate-limits',
    machine: 2,
    lastUsed: 2 * DAY,
    git: { ahead: 1, has_unpushed_changes: true },
  },
  { repo: 'acme-corp/infra', state: 'Failed', branch: 'main', machine: 1, lastUsed: 4 * DAY },
  { repo: 'mona/hello-world', state: 'Moved', branch: 'main', machine: 0, lastUsed: 9 * DAY },
  { repo: 'mona/hello-world', state: 'Deleted', branch: 'readme-update', machine: 0, lastUsed: 15 * DAY },
  { repo: 'octo-org/octo-app', state: 'Unknown', branch: 'fix/login-redirect', machine: 1, lastUsed: 11 * DAY },
  {
    repo: 'github/codespaces-react',
    state: 'Shutdown',
    branch: 'main',
    machine: 0,
    lastUsed: 5 * DAY,
    git: { has_uncommitted_changes: true },
    displayName: 'React sandbox',
    unpublished: true,
  },
  {
    repo: 'acme-corp/payments',
    state: 'Shutdown',
    branch: 'hotfix/currency-rounding',
    machine: 3,
    lastUsed: 27 * DAY,
    git: { ahead: 2, has_unpushed_changes: true },
    displayName: 'Rounding hotfix',
    idle: 60,
  },
];

const USERS: Omit<UserRecord, 'id'>[] = [
  {
    login: 'mona',
    name: 'Mona Lisa Octocat',
    email: 'mona@octo-org.example',
    company: '@octo-org',
    location: 'San Francisco',
    bio: 'Developer tools at Octo',
    createdAt: '2015-03-12T09:21:44Z',
    orgs: ['octo-org', 'acme-corp'],
  },
  {
    login: 'hubot',
    name: 'Hubot',
    email: 'hubot@octo-org.example',
    company: '@octo-org',
    location: null,
    bio: 'I automate things',
    createdAt: '2016-08-01T16:02:10Z',
    orgs: ['octo-org'],
  },
  {
    login: 'octocat-new',
    name: 'New Octocat',
    email: 'new@octocat.example',
    company: null,
    location: null,
    bio: null,
    createdAt: '2026-11-20T10:00:00Z',
    orgs: [],
  },
];

const ORGS: Omit<OrgRecord, 'id'>[] = [
  { login: 'octo-org', name: 'Octo Org' },
  { login: 'acme-corp', name: 'Acme Corp' },
  { login: 'github', name: 'GitHub' },
];

/** States a seeded transitional codespace settles into, as GitHub's would. */
const SETTLES_TO: Partial<Record<CodespaceState, CodespaceState>> = {
  Starting: 'Available',
  Queued: 'Available',
  Provisioning: 'Available',
  Created: 'Available',
  Awaiting: 'Available',
  Rebuilding: 'Available',
  Updating: 'Shutdown',
  ShuttingDown: 'Shutdown',
  Exporting: 'Shutdown',
};

const RUNNING: CodespaceState[] = ['Available', 'Starting', 'Awaiting', 'Rebuilding', 'Queued', 'Provisioning', 'Created'];

export function seedWorld(now: number, transitionMs: number): World {
  const random = seededRandom(0x4a4e47);
  let id = 1000;
  const nextId = () => ++id;
  const world: World = {
    users: new Map(),
    orgs: new Map(),
    orgAdmins: new Map(),
    repos: new Map(),
    codespaces: new Map(),
    secretScopes: new Map(),
    codespacesAccess: new Map(),
    nextId,
    random,
  };

  let userId = 583230;
  for (const user of USERS) world.users.set(user.login, { ...user, id: ++userId });
  let orgId = 9919;
  for (const org of ORGS) world.orgs.set(org.login, { ...org, id: ++orgId });

  let repoId = 702_000_000;
  let pullId = 1_900_000_000;
  const addRepo = (seed: RepoSeed, random: () => number) => {
    const created = now - (400 + Math.floor(random() * 1500)) * DAY;
    const repo: RepoRecord = {
      id: ++repoId,
      owner: seed.owner,
      ownerType: seed.ownerType,
      name: seed.name,
      private: seed.private ?? true,
      description: seed.description,
      language: seed.language,
      defaultBranch: 'main',
      branches: seed.branches,
      createdAt: iso(created),
      pushedAt: iso(now - Math.floor(random() * 5 * DAY)),
      devcontainers: seed.devcontainers ?? [DEFAULT_DEVCONTAINER],
      maxCpus: seed.maxCpus ?? 32,
      isTemplate: seed.isTemplate ?? false,
      pulls: [],
    };
    repo.pulls = (seed.pulls ?? []).map((pull, index): PullRecord => {
      const opened = now - (index + 1) * 3 * DAY;
      return {
        id: ++pullId,
        number: index + 1,
        title: pull.title,
        body: `${pull.title}.`,
        head: pull.head,
        base: 'main',
        author: pull.author,
        createdAt: iso(opened),
        updatedAt: iso(opened + DAY),
      };
    });
    world.repos.set(repo.id, repo);
  };
  for (const seed of REPOS) addRepo(seed, random);

  const repoByName = (fullName: string) => [...world.repos.values()].find((r) => `${r.owner}/${r.name}` === fullName)!;
  const add = (owner: string, spec: Spec, index: number) => {
    const repo = repoByName(spec.repo);
    const { name, displayName } = codespaceNameFor(random, (n) => world.codespaces.has(n));
    const lastUsedAt = now - spec.lastUsed;
    const createdAt = lastUsedAt - Math.floor((1 + random() * 20) * DAY);
    const stopped = !RUNNING.includes(spec.state);
    const settle = SETTLES_TO[spec.state];
    const git: GitStatus = {
      ref: spec.branch ?? repo.defaultBranch,
      ahead: 0,
      behind: 0,
      has_unpushed_changes: false,
      has_uncommitted_changes: false,
      ...spec.git,
    };
    const record: CodespaceRecord = {
      id: nextId() + 140_000_000,
      name,
      displayName: spec.displayName ?? displayName,
      environmentId: uuid(random),
      owner,
      billableOwner: repo.ownerType === 'Organization' && repo.owner !== 'github' ? repo.owner : owner,
      repoId: repo.id,
      machine: MACHINES[spec.machine ?? 0]!.name,
      pendingMachine: null,
      devcontainerPath: repo.devcontainers[0]?.path ?? null,
      prebuild: random() < 0.3,
      createdAt,
      updatedAt: lastUsedAt,
      lastUsedAt,
      state: spec.state,
      // Seeded transitional states settle after a while, staggered, as real ones would.
      schedule: settle ? [{ state: settle, at: now + (8 + index) * transitionMs }] : [],
      git,
      location: pick(random, ['EastUs', 'WestUs2', 'WestEurope', 'SouthEastAsia']),
      idleTimeoutMinutes: spec.idle ?? 30,
      retentionPeriodMinutes: 43_200,
      stoppedAt: stopped ? lastUsedAt + 30 * MINUTE : null,
      recentFolders: random() < 0.5 ? [`/workspaces/${repo.name}`] : [],
      pullNumber: spec.pull ?? null,
      unpublished: spec.unpublished ?? false,
      pendingOperationReason: spec.pendingReason ?? null,
      idleTimeoutNotice: spec.idleNotice ?? null,
      lastKnownStopNotice: spec.stopNotice ?? null,
      exports: [],
    };
    world.codespaces.set(name, record);
  };

  MONA_SPECS.forEach((spec, index) => add('mona', spec, index));

  // And a long tail, as people who use Codespaces daily accumulate: mostly stopped.
  const monaRepos = REPOS.filter((r) => r.owner !== 'hubot' && !r.isTemplate).map((r) => `${r.owner}/${r.name}`);
  for (let i = 0; i < 27; i++) {
    const repo = repoByName(pick(random, monaRepos));
    const running = random() < 0.18;
    const dirty = random();
    add(
      'mona',
      {
        repo: `${repo.owner}/${repo.name}`,
        state: running ? 'Available' : 'Shutdown',
        branch: pick(random, repo.branches),
        machine: Math.min(
          Math.floor(random() * random() * 5),
          MACHINES.findIndex((m) => m.cpus === repo.maxCpus),
        ),
        lastUsed: Math.floor(running ? random() * 20 * HOUR : (1 + random() * 28) * DAY),
        git: {
          ahead: dirty < 0.2 ? 1 + Math.floor(random() * 6) : 0,
          behind: random() < 0.4 ? Math.floor(random() * 30) : 0,
          has_unpushed_changes: dirty < 0.2,
          has_uncommitted_changes: dirty > 0.85,
        },
        idle: pick(random, [30, 30, 30, 60, 120, 240]),
      },
      MONA_SPECS.length + i,
    );
  }

  const hubotSpecs: Spec[] = [
    { repo: 'hubot/scripts', state: 'Available', machine: 0, lastUsed: 2 * HOUR },
    {
      repo: 'octo-org/octo-app',
      state: 'Shutdown',
      branch: 'fix/login-redirect',
      machine: 1,
      lastUsed: 3 * DAY,
      pull: 2,
      git: { has_uncommitted_changes: true },
    },
    { repo: 'octo-org/octo-app', state: 'Shutdown', branch: 'chore/deps', machine: 1, lastUsed: 8 * DAY },
    { repo: 'octo-org/api-server', state: 'Available', machine: 2, lastUsed: 30 * MINUTE, git: { ahead: 1, has_unpushed_changes: true } },
  ];
  hubotSpecs.forEach((spec, index) => add('hubot', spec, index));

  const quiet = seededRandom(0x9e1e7);
  for (const seed of QUIET_REPOS) addRepo(seed, quiet);

  return world;
}

export function iso(ms: number) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function uuid(random: () => number) {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
