/**
 * Every React Query key in Hangar, as functions, so queries, invalidation and server prefetches
 * agree on them.
 */
export const codespaceKeys = {
  all: ['codespaces'] as const,
  list: () => [...codespaceKeys.all, 'list'] as const,
  detail: (name: string) => [...codespaceKeys.all, 'detail', name] as const,
  machines: (name: string) => [...codespaceKeys.all, 'machines', name] as const,
  export: (name: string, exportId: string) => [...codespaceKeys.all, 'export', name, exportId] as const,
  /** The user's codespaces in one repository (under `all`, so every change to a codespace refreshes it). */
  inRepository: (repo: string) => [...codespaceKeys.all, 'repository', repo] as const,
};

export const repositoryKeys = {
  all: ['repositories'] as const,
  mine: () => [...repositoryKeys.all, 'mine'] as const,
  detail: (repo: string) => [...repositoryKeys.all, repo, 'detail'] as const,
  branches: (repo: string) => [...repositoryKeys.all, repo, 'branches'] as const,
  pulls: (repo: string) => [...repositoryKeys.all, repo, 'pulls'] as const,
  pull: (repo: string, number: number) => [...repositoryKeys.all, repo, 'pull', number] as const,
  codespaceDefaults: (repo: string, ref: string) => [...repositoryKeys.all, repo, 'codespace-defaults', ref] as const,
  devcontainers: (repo: string) => [...repositoryKeys.all, repo, 'devcontainers'] as const,
  machines: (repo: string, ref: string, location: string) => [...repositoryKeys.all, repo, 'machines', ref, location] as const,
  permissions: (repo: string, ref: string, devcontainer: string) =>
    [...repositoryKeys.all, repo, 'permissions', ref, devcontainer] as const,
};

export const orgKeys = {
  all: ['orgs'] as const,
  mine: () => [...orgKeys.all, 'mine'] as const,
  codespaces: (org: string) => [...orgKeys.all, org, 'codespaces'] as const,
  usage: (org: string, year: number, month: number | null) => [...orgKeys.all, org, 'usage', year, month] as const,
  members: (org: string) => [...orgKeys.all, org, 'members'] as const,
  /** What was last set here for who may use Codespaces (GitHub has no read of it). */
  codespacesAccess: (org: string) => [...orgKeys.all, org, 'codespaces-access'] as const,
  repositories: (org: string) => [...orgKeys.all, org, 'repositories'] as const,
  /** Every member's list of codespaces in the organisation (a prefix of `memberCodespaces`). */
  allMemberCodespaces: (org: string) => [...orgKeys.all, org, 'member-codespaces'] as const,
  memberCodespaces: (org: string, username: string) => [...orgKeys.allMemberCodespaces(org), username.toLowerCase()] as const,
};

export const secretKeys = {
  all: ['secrets'] as const,
  /** Everything about the user's secrets (a prefix). */
  user: () => [...secretKeys.all, 'user'] as const,
  mine: () => [...secretKeys.user(), 'list'] as const,
  myRepositories: (name: string) => [...secretKeys.user(), 'repositories', name] as const,
  ofRepository: (repo: string) => [...secretKeys.all, 'repository', repo] as const,
  /** Everything about an organisation's secrets (a prefix). */
  organization: (org: string) => [...secretKeys.all, 'org', org] as const,
  ofOrganization: (org: string) => [...secretKeys.organization(org), 'list'] as const,
  organizationRepositories: (org: string, name: string) => [...secretKeys.organization(org), 'repositories', name] as const,
};

export const billingKeys = {
  all: ['billing'] as const,
  myUsageSummary: (username: string, year: number, month: number) => [...billingKeys.all, 'user', username, year, month] as const,
};
