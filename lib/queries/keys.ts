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
};

export const repositoryKeys = {
  all: ['repositories'] as const,
  mine: () => [...repositoryKeys.all, 'mine'] as const,
  branches: (repo: string) => [...repositoryKeys.all, repo, 'branches'] as const,
  pulls: (repo: string) => [...repositoryKeys.all, repo, 'pulls'] as const,
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
};
