/**
 * Large fleets on demand: gives one user hundreds or thousands of codespaces, for benchmarks and
 * scale tests (`POST /_emulator/fleet {login, count}`). Deterministic for a given login and count,
 * and quiet by default: no codespace is on its way anywhere, so nothing changes until someone acts.
 */
import { LOCATIONS, MACHINES, type CodespaceRecord, type CodespaceState, type RepoRecord } from './model';
import { codespaceNameFor, iso, seededRandom, uuid, type World } from './seed';

export interface FleetOptions {
  login: string;
  /** Codespaces to add to the user's fleet. */
  count: number;
  /** Repositories the fleet is spread over (created for the user). */
  repositories?: number;
}

export interface FleetResult {
  login: string;
  added: number;
  /** Codespaces the user owns now. */
  total: number;
}

export const MAX_FLEET = 10_000;

const DAY = 24 * 60 * 60_000;
const LANGUAGES = ['TypeScript', 'Go', 'Python', 'Rust', 'Java', 'Ruby'];
const BRANCHES = ['main', 'develop', 'feat/search', 'feat/billing', 'fix/flaky-test', 'chore/deps', 'release/next'];

/** Mostly stopped, some running, a few needing attention: a long-lived fleet at rest. */
function settledState(random: () => number): CodespaceState {
  const r = random();
  if (r < 0.15) return 'Available';
  if (r < 0.93) return 'Shutdown';
  if (r < 0.97) return 'Archived';
  return 'Failed';
}

function hashOf(text: string) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** Adds `count` codespaces (and the user, and their repositories, when missing) to the world. */
export function addFleet(world: World, now: number, { login, count, repositories = 24 }: FleetOptions): FleetResult {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FLEET) throw new RangeError(`count must be 1 to ${MAX_FLEET}`);
  const random = seededRandom(hashOf(`${login}:${count}`));
  if (!world.users.has(login)) {
    const id = Math.max(0, ...[...world.users.values()].map((u) => u.id)) + 1;
    world.users.set(login, {
      id,
      login,
      name: `Fleet owner ${login}`,
      email: `${login}@fleet.example`,
      company: null,
      location: null,
      bio: 'Owns a very large fleet of codespaces',
      createdAt: '2020-01-01T00:00:00Z',
      orgs: [],
    });
  }

  const repos: RepoRecord[] = [...world.repos.values()].filter((r) => r.owner === login);
  for (let i = repos.length; i < repositories; i++) {
    const repo: RepoRecord = {
      id: world.nextId() + 800_000_000,
      owner: login,
      ownerType: 'User',
      name: `service-${String(i + 1).padStart(2, '0')}`,
      private: true,
      description: `Service ${i + 1} of a large estate`,
      language: LANGUAGES[i % LANGUAGES.length]!,
      defaultBranch: 'main',
      branches: BRANCHES,
      createdAt: iso(now - 900 * DAY),
      pushedAt: iso(now - i * DAY),
      devcontainers: [{ path: '.devcontainer/devcontainer.json', name: 'default', display_name: 'Default' }],
      maxCpus: 32,
      isTemplate: false,
      pulls: [],
    };
    world.repos.set(repo.id, repo);
    repos.push(repo);
  }

  for (let i = 0; i < count; i++) {
    const repo = repos[Math.floor(random() * repos.length)]!;
    const { name, displayName } = codespaceNameFor(random, (n) => world.codespaces.has(n));
    const state = settledState(random);
    const lastUsedAt = now - Math.floor(random() * 90 * DAY);
    const dirty = random();
    const record: CodespaceRecord = {
      id: world.nextId() + 150_000_000,
      name,
      displayName,
      environmentId: uuid(random),
      owner: login,
      billableOwner: login,
      repoId: repo.id,
      machine: MACHINES[Math.floor(random() * random() * MACHINES.length)]!.name,
      pendingMachine: null,
      devcontainerPath: repo.devcontainers[0]?.path ?? null,
      prebuild: random() < 0.3,
      createdAt: lastUsedAt - Math.floor((1 + random() * 60) * DAY),
      updatedAt: lastUsedAt,
      lastUsedAt,
      state,
      schedule: [],
      git: {
        ref: BRANCHES[Math.floor(random() * BRANCHES.length)]!,
        ahead: dirty < 0.1 ? 1 + Math.floor(random() * 5) : 0,
        behind: random() < 0.3 ? Math.floor(random() * 40) : 0,
        has_unpushed_changes: dirty < 0.1,
        has_uncommitted_changes: dirty > 0.9,
      },
      location: LOCATIONS[Math.floor(random() * LOCATIONS.length)]!,
      idleTimeoutMinutes: 30,
      retentionPeriodMinutes: 43_200,
      stoppedAt: state === 'Available' ? null : lastUsedAt + 30 * 60_000,
      recentFolders: [`/workspaces/${repo.name}`],
      pullNumber: null,
      unpublished: false,
      pendingOperationReason: null,
      exports: [],
    };
    world.codespaces.set(name, record);
  }

  const total = [...world.codespaces.values()].filter((c) => c.owner === login).length;
  return { login, added: count, total };
}
