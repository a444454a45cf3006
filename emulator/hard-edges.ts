/**
 * A demo user who meets GitHub's hard edges, so a person can see each of Hangar's answers to them
 * in demo mode: `sso-sam`, a member of an organisation that enforces SAML single sign-on (their
 * token is not authorized for it) and of one that restricts OAuth Apps, with codespaces in a state
 * and with fields the OpenAPI description does not know, one with optional fields missing, and
 * one whose Start needs a permission the token lacks. Seeded after everyone else, with its own
 * random generator, so nothing of the other demo users changes.
 */
import { MACHINES, type CodespaceRecord, type CodespaceState, type CodespaceVariant, type RepoRecord } from './model';
import { codespaceNameFor, iso, seededRandom, uuid, type World } from './seed';

export const HARD_EDGES_USER = 'sso-sam';
export const SSO_ORG = 'sso-corp';
export const RESTRICTED_ORG = 'locked-labs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface EdgeSpec {
  repo: string;
  state: CodespaceState;
  displayName: string;
  lastUsed: number;
  variant?: CodespaceVariant;
  startNeeds?: string;
}

export function seedHardEdges(world: World, now: number) {
  const random = seededRandom(0x5a3e);
  world.users.set(HARD_EDGES_USER, {
    id: 583_400,
    login: HARD_EDGES_USER,
    name: 'Sam Rivera (single sign-on, restricted organisations)',
    email: 'sam@sso-corp.example',
    company: '@sso-corp',
    location: null,
    bio: 'Member of an organisation that enforces SAML single sign-on and of one that restricts OAuth Apps',
    createdAt: '2018-02-14T08:30:00Z',
    orgs: [SSO_ORG, RESTRICTED_ORG],
  });
  world.orgs.set(SSO_ORG, { id: 4_100_001, login: SSO_ORG, name: 'SSO Corp', samlSso: true });
  world.orgs.set(RESTRICTED_ORG, { id: 4_100_002, login: RESTRICTED_ORG, name: 'Locked Labs', oauthAppRestrictions: true });
  world.orgAdmins.set(SSO_ORG, []);
  world.orgAdmins.set(RESTRICTED_ORG, []);

  let repoId = 703_100_000;
  const repo = (owner: string, name: string, ownerType: RepoRecord['ownerType'], description: string): RepoRecord => ({
    id: ++repoId,
    owner,
    ownerType,
    name,
    private: true,
    description,
    language: 'TypeScript',
    defaultBranch: 'main',
    branches: ['main', 'feat/next'],
    createdAt: iso(now - 500 * DAY),
    pushedAt: iso(now - 2 * DAY),
    devcontainers: [{ path: '.devcontainer/devcontainer.json', name: 'default', display_name: 'Default' }],
    maxCpus: 16,
    isTemplate: false,
    pulls: [],
  });
  for (const r of [
    repo(SSO_ORG, 'platform', 'Organization', 'SSO Corp’s platform (SAML single sign-on enforced)'),
    repo(RESTRICTED_ORG, 'research', 'Organization', 'Locked Labs’ research notebooks (OAuth Apps restricted)'),
    repo(HARD_EDGES_USER, 'toolbox', 'User', 'Sam’s own scripts'),
  ])
    world.repos.set(r.id, r);

  const specs: EdgeSpec[] = [
    // Hidden from every list until the token is authorized for single sign-on.
    { repo: `${SSO_ORG}/platform`, state: 'Available', displayName: 'Platform on-call', lastUsed: 20 * MINUTE },
    { repo: `${SSO_ORG}/platform`, state: 'Shutdown', displayName: 'Platform migration', lastUsed: 3 * DAY },
    {
      repo: `${HARD_EDGES_USER}/toolbox`,
      state: 'Shutdown',
      displayName: 'Hibernating experiment',
      lastUsed: 5 * DAY,
      variant: {
        state: 'Hibernating',
        extra: {
          hibernated_at: iso(now - 5 * DAY + 30 * MINUTE),
          resume_estimate_seconds: 20,
          snapshot: { id: 'snap-4c1e', size_in_bytes: 7_516_192_768 },
        },
      },
    },
    {
      repo: `${HARD_EDGES_USER}/toolbox`,
      state: 'Shutdown',
      displayName: 'Sparse answer',
      lastUsed: 9 * DAY,
      variant: {
        noMachine: true,
        emptyGitStatus: true,
        omit: ['retention_period_minutes', 'retention_expires_at', 'idle_timeout_notice', 'runtime_constraints', 'pending_operation'],
      },
    },
    {
      repo: `${HARD_EDGES_USER}/toolbox`,
      state: 'Shutdown',
      displayName: 'Start needs a permission',
      lastUsed: 2 * DAY,
      startNeeds: 'codespaces_lifecycle_admin=write',
    },
    { repo: `${HARD_EDGES_USER}/toolbox`, state: 'Available', displayName: 'Everyday work', lastUsed: 5 * MINUTE },
  ];

  for (const spec of specs) {
    const target = [...world.repos.values()].find((r) => `${r.owner}/${r.name}` === spec.repo)!;
    const { name } = codespaceNameFor(random, (n) => world.codespaces.has(n));
    const lastUsedAt = now - spec.lastUsed;
    const stopped = spec.state === 'Shutdown';
    const record: CodespaceRecord = {
      id: world.nextId() + 160_000_000,
      name,
      displayName: spec.displayName,
      environmentId: uuid(random),
      owner: HARD_EDGES_USER,
      billableOwner: target.ownerType === 'Organization' ? target.owner : HARD_EDGES_USER,
      repoId: target.id,
      machine: MACHINES[1]!.name,
      pendingMachine: null,
      devcontainerPath: target.devcontainers[0]?.path ?? null,
      prebuild: false,
      createdAt: lastUsedAt - 10 * DAY,
      updatedAt: lastUsedAt,
      lastUsedAt,
      state: spec.state,
      schedule: [],
      git: { ref: 'main', ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false },
      location: 'WestEurope',
      idleTimeoutMinutes: 30,
      retentionPeriodMinutes: 43_200,
      stoppedAt: stopped ? lastUsedAt + 30 * MINUTE : null,
      recentFolders: [`/workspaces/${target.name}`],
      pullNumber: null,
      unpublished: false,
      pendingOperationReason: null,
      exports: [],
      ...(spec.variant ? { variant: spec.variant } : {}),
      ...(spec.startNeeds ? { startNeeds: spec.startNeeds } : {}),
    };
    world.codespaces.set(name, record);
  }
}
