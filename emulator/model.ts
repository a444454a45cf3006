/**
 * The emulator's in-memory records. They hold what GitHub stores; `render.ts` turns them into
 * the JSON GitHub answers with. Nothing here is imported from the app.
 */
import type { components } from '@octokit/openapi-types';

export type CodespaceState = components['schemas']['codespace']['state'];

export interface UserRecord {
  id: number;
  login: string;
  name: string;
  email: string;
  company: string | null;
  location: string | null;
  bio: string | null;
  createdAt: string;
  /** Organisations this user is a member of. */
  orgs: string[];
  /** False for seeded colleagues who are not offered on the authorize page. */
  listed?: boolean;
}

export interface OrgRecord {
  id: number;
  login: string;
  name: string;
  /** SAML single sign-on enforced: a member's token must be authorized for it (refusals.ts). */
  samlSso?: boolean;
  /** OAuth App access restrictions: OAuth Apps it has not approved see none of its data (refusals.ts). */
  oauthAppRestrictions?: boolean;
}

interface DevcontainerRecord {
  path: string;
  name: string;
  display_name: string;
  /** The configuration asks for access to other repositories, which the user must accept. */
  needsPermissions?: boolean;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface RepoRecord {
  id: number;
  owner: string;
  ownerType: 'User' | 'Organization';
  name: string;
  private: boolean;
  description: string | null;
  language: string | null;
  defaultBranch: string;
  branches: string[];
  createdAt: string;
  pushedAt: string;
  devcontainers: DevcontainerRecord[];
  /** The largest machine this repository allows (an organisation policy). */
  maxCpus: number;
  isTemplate: boolean;
  pulls: PullRecord[];
}

export interface GitStatus {
  ref: string;
  ahead: number;
  behind: number;
  has_unpushed_changes: boolean;
  has_uncommitted_changes: boolean;
}

export interface ExportRecord {
  id: string;
  startedAt: number;
  doneAt: number;
  branch: string;
  sha: string;
  /** What the codespace returns to when the export finishes. */
  resumeState: CodespaceState;
  applied: boolean;
}

export interface CodespaceRecord {
  id: number;
  name: string;
  displayName: string;
  environmentId: string;
  owner: string;
  billableOwner: string;
  repoId: number;
  machine: string;
  /** A machine change asked for while running: applied at the next start. */
  pendingMachine: string | null;
  devcontainerPath: string | null;
  prebuild: boolean;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number;
  state: CodespaceState;
  /** Future states, applied lazily when the codespace is next read. */
  schedule: { state: CodespaceState; at: number }[];
  git: GitStatus;
  location: string;
  idleTimeoutMinutes: number;
  retentionPeriodMinutes: number | null;
  stoppedAt: number | null;
  recentFolders: string[];
  pullNumber: number | null;
  /** Created from a template: no repository of its own until published. */
  unpublished: boolean;
  /** `pending_operation_disabled_reason`: GitHub has an operation pending; the codespace can only be deleted meanwhile. */
  pendingOperationReason: string | null;
  /** `idle_timeout_notice`: "Text to show user when codespace idle timeout minutes has been overriden by an organization policy". */
  idleTimeoutNotice?: string | null;
  /** `last_known_stop_notice`: "The text to display to a user when a codespace has been stopped for a potentially actionable reason". */
  lastKnownStopNotice?: string | null;
  exports: ExportRecord[];
  /** How GitHub's answer for it differs from what the description promises (future.ts). */
  variant?: CodespaceVariant;
  /** `x-accepted-github-permissions` of the permission its Start needs and the token lacks (refusals.ts). */
  startNeeds?: string;
}

/**
 * A codespace as a newer GitHub may answer it: a state the description does not list yet (and
 * fields it does not describe), or optional fields left out. The record's own `state` still
 * drives the emulator's rules; `state` here is only what the answer says.
 */
export interface CodespaceVariant {
  state?: string;
  /** Fields the description does not have, added to the answer. */
  extra?: Record<string, unknown>;
  /** Answer `machine: null`. */
  noMachine?: boolean;
  /** `git_status` without any of its (optional) fields. */
  emptyGitStatus?: boolean;
  /** Optional fields left out of the answer altogether. */
  omit?: string[];
}

export interface MachineSpec {
  name: string;
  display_name: string;
  cpus: number;
  memoryGb: number;
  storageGb: number;
}

const GIB = 1024 ** 3;

/** GitHub's Linux machine types. */
export const MACHINES: readonly MachineSpec[] = [
  { name: 'basicLinux32gb', display_name: '2 cores, 8 GB RAM, 32 GB storage', cpus: 2, memoryGb: 8, storageGb: 32 },
  { name: 'standardLinux32gb', display_name: '4 cores, 16 GB RAM, 32 GB storage', cpus: 4, memoryGb: 16, storageGb: 32 },
  { name: 'premiumLinux', display_name: '8 cores, 32 GB RAM, 64 GB storage', cpus: 8, memoryGb: 32, storageGb: 64 },
  { name: 'largePremiumLinux', display_name: '16 cores, 64 GB RAM, 128 GB storage', cpus: 16, memoryGb: 64, storageGb: 128 },
  { name: 'xLargePremiumLinux', display_name: '32 cores, 128 GB RAM, 256 GB storage', cpus: 32, memoryGb: 128, storageGb: 256 },
];

export function machineSpec(name: string): MachineSpec | undefined {
  return MACHINES.find((m) => m.name === name);
}

export const bytes = (gb: number) => gb * GIB;

export const LOCATIONS = ['EastUs', 'WestUs2', 'WestEurope', 'SouthEastAsia'] as const;

/** A Codespaces secret as GitHub holds it: the opened value, kept only in the emulator's memory. */
export interface SecretRecord {
  /** Upper case: GitHub's secret names are not case-sensitive. */
  name: string;
  value: string;
  createdAt: number;
  updatedAt: number;
  /** Organisation secrets: which repositories may use it. User secrets are always `selected`. */
  visibility: 'all' | 'private' | 'selected';
  /** The repositories chosen when `visibility` is `selected`. */
  repositoryIds: number[];
}

/** One place secrets live (a user, a repository or an organisation): its key pair and its secrets. */
export interface SecretScopeRecord {
  keyId: string;
  /** X25519 public key, base64 (standard alphabet, padded), as GitHub gives it. */
  publicKey: string;
  privateKey: Uint8Array;
  secrets: Map<string, SecretRecord>;
}

export type CodespacesAccessVisibility = 'disabled' | 'selected_members' | 'all_members' | 'all_members_and_outside_collaborators';

/** Who may use Codespaces billed to an organisation. */
export interface CodespacesAccessRecord {
  visibility: CodespacesAccessVisibility;
  /** Logins, when `visibility` is `selected_members`. */
  selectedUsernames: string[];
}
