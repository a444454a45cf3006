/**
 * Who may do what: organisation owners, and a person's permissions on a repository, as GitHub
 * reports them in a repository's `permissions` and checks them on admin-only endpoints.
 */
import type { RepoRecord } from './model';
import type { World } from './seed';

export interface RepoPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

const ADMIN: RepoPermissions = { admin: true, maintain: true, push: true, triage: true, pull: true };
const WRITE: RepoPermissions = { admin: false, maintain: false, push: true, triage: true, pull: true };
const READ: RepoPermissions = { admin: false, maintain: false, push: false, triage: false, pull: true };
const NONE: RepoPermissions = { admin: false, maintain: false, push: false, triage: false, pull: false };

export function isOrgOwner(world: World, org: string, login: string) {
  return (world.orgAdmins.get(org) ?? []).includes(login);
}

/**
 * A person administers their own repositories and those of organisations they own; members
 * of the organisation write to its repositories; anyone reads a public one.
 */
export function repoPermissions(world: World, repo: RepoRecord, login: string): RepoPermissions {
  if (repo.owner === login) return { ...ADMIN };
  if (repo.ownerType === 'Organization' && isOrgOwner(world, repo.owner, login)) return { ...ADMIN };
  if (world.users.get(login)?.orgs.includes(repo.owner)) return { ...WRITE };
  return { ...(repo.private ? NONE : READ) };
}

export function administers(world: World, repo: RepoRecord, login: string) {
  return repoPermissions(world, repo, login).admin;
}

/**
 * Whether a token reads private repositories outside the Codespaces endpoints (rules.ts,
 * `scopes.no-repo-*`). An OAuth App's token needs the `repo` scope for that: without it GitHub
 * shows "read-only access to public information" only. A GitHub App's user token has no scopes:
 * the app's permissions and installations decide, so a missing `repo` hides nothing from it.
 */
export function readsPrivateRepositories(token: { tokenKind: 'oauth' | 'app' | 'installation'; scopes: readonly string[] }) {
  // Scopes bind OAuth App tokens only; a GitHub App's tokens (user or installation) go by its permissions.
  return token.tokenKind !== 'oauth' || token.scopes.includes('repo');
}
