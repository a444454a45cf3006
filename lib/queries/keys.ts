/** Every React Query key in Hangar, so invalidation and prefetching agree on them. */
export const queryKeys = {
  codespaces: ['codespaces'] as const,
  codespaceList: () => [...queryKeys.codespaces, 'list'] as const,
  codespace: (name: string) => [...queryKeys.codespaces, 'detail', name] as const,
};

/** Poll quickly only while something is on its way to another state. */
export const POLL_TRANSITIONAL_MS = 2_000;
export const POLL_IDLE_MS = 60_000;

export const codespaceQueryKeys = {
  machines: (name: string) => [...queryKeys.codespaces, 'machines', name] as const,
  export: (name: string, exportId: string) => [...queryKeys.codespaces, 'export', name, exportId] as const,
};

export const repositoryQueryKeys = {
  mine: () => ['repositories', 'mine'] as const,
  branches: (repo: string) => ['repositories', repo, 'branches'] as const,
  pulls: (repo: string) => ['repositories', repo, 'pulls'] as const,
  codespaceDefaults: (repo: string, ref: string) => ['repositories', repo, 'codespace-defaults', ref] as const,
  devcontainers: (repo: string) => ['repositories', repo, 'devcontainers'] as const,
  machines: (repo: string, ref: string, location: string) => ['repositories', repo, 'machines', ref, location] as const,
  permissions: (repo: string, ref: string, devcontainer: string) => ['repositories', repo, 'permissions', ref, devcontainer] as const,
  codespaces: (repo: string) => ['repositories', repo, 'codespaces'] as const,
};

export const orgQueryKeys = {
  mine: () => ['orgs', 'mine'] as const,
  codespaces: (org: string) => ['orgs', org, 'codespaces'] as const,
  usage: (org: string, year: number, month: number | null) => ['orgs', org, 'usage', year, month] as const,
};
