import { queryOptions } from '@tanstack/react-query';
import { lookupQuery } from '@/lib/query/lookup';
import { repositories, type RepositoriesApi } from './api';

/** Query options for repositories, each named as its GitHub operation, with its key in `repositoryKeys`. */

const repositoryKeys = {
  all: ['repositories'] as const,
  listMyRepositories: () => [...repositoryKeys.all, 'mine'] as const,
  getRepository: (repo: string) => [...repositoryKeys.all, repo, 'detail'] as const,
  listBranches: (repo: string) => [...repositoryKeys.all, repo, 'branches'] as const,
  listPullRequests: (repo: string) => [...repositoryKeys.all, repo, 'pulls'] as const,
  getPullRequest: (repo: string, number: number) => [...repositoryKeys.all, repo, 'pull', number] as const,
};

/** Repositories the user can create codespaces from (every page). */
export function listMyRepositoriesQuery() {
  return queryOptions({
    queryKey: repositoryKeys.listMyRepositories(),
    queryFn: ({ signal }) => repositories.listMyRepositories(signal),
    staleTime: 5 * 60_000,
  });
}

export function listBranchesQuery(repo: string | null) {
  return lookupQuery(repositoryKeys.listBranches(repo ?? ''), Boolean(repo), (signal) => repositories.listBranches(repo!, signal));
}

/** The open ones. */
export function listPullRequestsQuery(repo: string | null) {
  return lookupQuery(repositoryKeys.listPullRequests(repo ?? ''), Boolean(repo), (signal) => repositories.listPullRequests(repo!, signal));
}

/** One pull request, to check it exists before a codespace is created from it. */
export function getPullRequestQuery(pull: { repo: string; number: number } | null) {
  return lookupQuery(repositoryKeys.getPullRequest(pull?.repo ?? '', pull?.number ?? 0), Boolean(pull), (signal) =>
    repositories.getPullRequest(pull!.repo, pull!.number, signal),
  );
}

/** The repository, with the signed-in user's permissions in it (`permissions.admin`: may manage its secrets). */
export function getRepositoryQuery(repo: string, api: Pick<RepositoriesApi, 'getRepository'> = repositories) {
  return queryOptions({
    queryKey: repositoryKeys.getRepository(repo),
    queryFn: ({ signal }) => api.getRepository(repo, signal),
    staleTime: 60_000,
  });
}
