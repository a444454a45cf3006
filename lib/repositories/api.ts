import { browserTransport } from '@/lib/transport/client';
import { listAll, type GithubTransport, type ListPage } from '@/lib/transport/transport';
import type { Branch, PullRequest, PullRequestDetails, Repository, RepositoryDetails } from './domain/types';
import { operations } from './operations';
import { repositoryParams } from './domain/path';

// Readers of one page each (module level, so unchanged pages are remembered: lib/transport/client.ts).
const arrayPage = <T>(page: T[]): ListPage<T> => ({ items: page });

/** Repositories, one typed function per GitHub operation, named as the operation. */
export function repositoriesApi(transport: GithubTransport) {
  return {
    /** Repositories the user can create codespaces from (every page), most recently pushed first. */
    listMyRepositories: (signal?: AbortSignal): Promise<Repository[]> =>
      listAll(transport, operations.listMyRepositories, { query: { per_page: 100, sort: 'pushed' }, signal }, arrayPage<Repository>),
    listBranches: (repo: string, signal?: AbortSignal): Promise<Branch[]> =>
      listAll(transport, operations.listBranches, { params: repositoryParams(repo), query: { per_page: 100 }, signal }, arrayPage<Branch>),
    /** The open ones. */
    listPullRequests: (repo: string, signal?: AbortSignal): Promise<PullRequest[]> =>
      listAll(
        transport,
        operations.listPullRequests,
        { params: repositoryParams(repo), query: { state: 'open', per_page: 100 }, signal },
        arrayPage<PullRequest>,
      ),
    /** One pull request, open or not: whether it exists, its title and its head branch. */
    getPullRequest: async (repo: string, number: number, signal?: AbortSignal): Promise<PullRequestDetails> =>
      (await transport.request(operations.getPullRequest, { params: { ...repositoryParams(repo), pull_number: number }, signal })).data,
    /** The repository, with what the signed-in user may do in it (`permissions.admin`: its secrets are theirs to manage). */
    getRepository: async (repo: string, signal?: AbortSignal): Promise<RepositoryDetails> =>
      (await transport.request(operations.getRepository, { params: repositoryParams(repo), signal })).data,
  };
}

export type RepositoriesApi = ReturnType<typeof repositoriesApi>;

export const repositories = repositoriesApi(browserTransport);
