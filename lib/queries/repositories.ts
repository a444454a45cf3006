import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { repositories, type RepositoriesApi } from '@/lib/api/repositories';
import type { CreateTarget } from '@/lib/codespaces/create-form';
import { isTransitional } from '@/lib/codespaces/state';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace } from '@/lib/codespaces/types';
import { withItemFirst } from '@/lib/query/streamed-list';
import type { CodespaceList } from './codespaces';
import { codespaceKeys, repositoryKeys } from './keys';
import { notices } from '@/lib/query/meta';
import { pollInterval } from '@/lib/query/polling';

/** Query and mutation options for repositories and creating codespaces in them. */

/** Repositories the user can create codespaces from (every page). */
export function myRepositoriesQuery() {
  return queryOptions({ queryKey: repositoryKeys.mine(), queryFn: ({ signal }) => repositories.mine(signal), staleTime: 5 * 60_000 });
}

export function branchesQuery(repo: string | null) {
  return queryOptions({
    queryKey: repositoryKeys.branches(repo ?? ''),
    queryFn: ({ signal }) => repositories.branches(repo!, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

export function openPullRequestsQuery(repo: string | null) {
  return queryOptions({
    queryKey: repositoryKeys.pulls(repo ?? ''),
    queryFn: ({ signal }) => repositories.openPullRequests(repo!, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** One pull request, to check it exists before a codespace is created from it. */
export function pullRequestQuery(pull: { repo: string; number: number } | null) {
  return queryOptions({
    queryKey: repositoryKeys.pull(pull?.repo ?? '', pull?.number ?? 0),
    queryFn: ({ signal }) => repositories.pullRequest(pull!.repo, pull!.number, signal),
    enabled: Boolean(pull),
    staleTime: 60_000,
  });
}

/** GitHub's defaults for a new codespace in this repository (location, dev container). */
export function codespaceDefaultsQuery(repo: string | null, ref: string) {
  return queryOptions({
    queryKey: repositoryKeys.codespaceDefaults(repo ?? '', ref),
    queryFn: ({ signal }) => repositories.codespaceDefaults(repo!, ref, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

export function devcontainersQuery(repo: string | null) {
  return queryOptions({
    queryKey: repositoryKeys.devcontainers(repo ?? ''),
    queryFn: ({ signal }) => repositories.devcontainers(repo!, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** Machines allowed for this repository at this ref and location; asked again when either changes. */
export function repositoryMachinesQuery(repo: string | null, ref: string, location: string) {
  return queryOptions({
    queryKey: repositoryKeys.machines(repo ?? '', ref, location),
    queryFn: ({ signal }) => repositories.machines(repo!, ref, location, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** Whether the user has accepted the extra repository permissions this dev container asks for. */
export function permissionsCheckQuery(repo: string | null, ref: string, devcontainer: string) {
  return queryOptions({
    queryKey: repositoryKeys.permissions(repo ?? '', ref, devcontainer),
    queryFn: ({ signal }) => repositories.permissionsAccepted(repo!, ref, devcontainer, signal),
    enabled: Boolean(repo && ref && devcontainer),
    staleTime: 60_000,
  });
}

export type CreateRequest = { target: CreateTarget; body: Record<string, unknown> };

/** Creates a codespace; the new one joins the list at once and has its page ready. */
export function createCodespace(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'create'],
    mutationFn: ({ target, body }: CreateRequest) => repositories.createCodespace(target, body),
    onSuccess: ({ codespace }: { codespace: Codespace }) => {
      queryClient.setQueryData<CodespaceList>(codespaceKeys.list(), (list) => withItemFirst(list, summarizeCodespace(codespace)));
      queryClient.setQueryData(codespaceKeys.detail(codespace.name), codespace);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: codespaceKeys.list() }),
    meta: notices<{ codespace: Codespace; accepted: boolean }, CreateRequest>({
      success: ({ codespace, accepted }) =>
        accepted ? `GitHub accepted ${codespace.name} and is still creating it` : `Creating ${codespace.display_name || codespace.name}`,
    }),
  });
}

/** The repository, with the signed-in user's permissions in it (`permissions.admin`: may manage its secrets). */
export function repositoryQuery(repo: string, api: Pick<RepositoriesApi, 'get'> = repositories) {
  return queryOptions({
    queryKey: repositoryKeys.detail(repo),
    queryFn: ({ signal }) => api.get(repo, signal),
    staleTime: 60_000,
  });
}

/** The user's codespaces in one repository (every page), followed quickly while one changes state. */
export function repositoryCodespacesQuery(repo: string, api: Pick<RepositoriesApi, 'myCodespaces'> = repositories) {
  return queryOptions({
    queryKey: codespaceKeys.inRepository(repo),
    queryFn: ({ signal }) => api.myCodespaces(repo, signal),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.some((c) => isTransitional(c.state))), query.state.error),
  });
}
