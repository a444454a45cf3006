import type { components } from '@octokit/openapi-types';
import { operations } from '@/lib/github/operations';
import type { CreateTarget } from '@/lib/codespaces/create-form';
import type { Codespace, CodespaceMachine, CodespaceSummary } from '@/lib/codespaces/types';
import { browserTransport } from '@/lib/transport/client';
import { codespaceSummaryPage } from './read-codespaces';
import { listAll, type GithubTransport, type ListPage } from '@/lib/transport/transport';

export type Repository = components['schemas']['repository'];
export type Branch = components['schemas']['short-branch'];
export type PullRequest = components['schemas']['pull-request-simple'];
export type PullRequestDetails = components['schemas']['pull-request'];
export type Devcontainer = { path: string; name?: string; display_name?: string };
export type CodespaceDefaults = { location: string; devcontainer_path: string | null };

/** `owner/name` as GitHub's path parameters. */
export function repositoryParams(fullName: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

// Readers of one page each (module level, so unchanged pages are remembered: lib/api/client.ts).
const arrayPage = <T>(page: T[]): ListPage<T> => ({ items: page });
const devcontainerPage = (page: { total_count: number; devcontainers: Devcontainer[] }): ListPage<Devcontainer> => ({
  items: page.devcontainers,
  total: page.total_count,
});

/** Repositories, and what a codespace can be created from in them. */
export function repositoriesApi(transport: GithubTransport) {
  return {
    /** Repositories the user can create codespaces from (every page), most recently pushed first. */
    mine: (signal?: AbortSignal): Promise<Repository[]> =>
      listAll(transport, operations.listMyRepositories, { query: { per_page: 100, sort: 'pushed' }, signal }, arrayPage<Repository>),
    branches: (repo: string, signal?: AbortSignal): Promise<Branch[]> =>
      listAll(transport, operations.listBranches, { params: repositoryParams(repo), query: { per_page: 100 }, signal }, arrayPage<Branch>),
    openPullRequests: (repo: string, signal?: AbortSignal): Promise<PullRequest[]> =>
      listAll(
        transport,
        operations.listPullRequests,
        { params: repositoryParams(repo), query: { state: 'open', per_page: 100 }, signal },
        arrayPage<PullRequest>,
      ),
    /** One pull request, open or not: whether it exists, its title and its head branch. */
    pullRequest: async (repo: string, number: number, signal?: AbortSignal): Promise<PullRequestDetails> =>
      (await transport.request(operations.getPullRequest, { params: { ...repositoryParams(repo), pull_number: number }, signal })).data,
    /** GitHub's defaults for a new codespace here (location, dev container). */
    codespaceDefaults: async (repo: string, ref: string, signal?: AbortSignal): Promise<CodespaceDefaults | null> =>
      (await transport.request(operations.getCodespaceDefaults, { params: repositoryParams(repo), query: ref ? { ref } : {}, signal })).data
        .defaults ?? null,
    devcontainers: (repo: string, signal?: AbortSignal): Promise<Devcontainer[]> =>
      listAll(
        transport,
        operations.listDevcontainers,
        { params: repositoryParams(repo), query: { per_page: 100 }, signal },
        devcontainerPage,
      ),
    /** Machines allowed here at this ref and location. */
    machines: async (repo: string, ref: string, location: string, signal?: AbortSignal): Promise<CodespaceMachine[]> =>
      (
        await transport.request(operations.listRepositoryMachines, {
          params: repositoryParams(repo),
          query: { ...(ref ? { ref } : {}), ...(location ? { location } : {}) },
          signal,
        })
      ).data.machines,
    /** Whether the user has accepted the extra repository permissions this dev container asks for. */
    permissionsAccepted: async (repo: string, ref: string, devcontainer: string, signal?: AbortSignal): Promise<boolean> =>
      (
        await transport.request(operations.checkDevcontainerPermissions, {
          params: repositoryParams(repo),
          query: { ref, devcontainer_path: devcontainer },
          signal,
        })
      ).data.accepted,
    /** The repository, with what the signed-in user may do in it (`permissions.admin`: its secrets are theirs to manage). */
    get: async (repo: string, signal?: AbortSignal) =>
      (await transport.request(operations.getRepository, { params: repositoryParams(repo), signal })).data,
    /** The user's codespaces in this repository (every page). */
    myCodespaces: (repo: string, signal?: AbortSignal): Promise<CodespaceSummary[]> =>
      listAll(
        transport,
        operations.listMyCodespacesInRepository,
        { params: repositoryParams(repo), query: { per_page: 100 }, signal },
        codespaceSummaryPage,
      ),
    /** Creates a codespace; `accepted` when GitHub answered 202 (still retrying the creation). */
    createCodespace: async (target: CreateTarget, body: Record<string, unknown>): Promise<{ codespace: Codespace; accepted: boolean }> => {
      const response =
        target.kind === 'repository'
          ? await transport.request(operations.createCodespaceInRepository, { params: repositoryParams(target.repo), body: body as never })
          : await transport.request(operations.createCodespaceFromPullRequest, {
              params: { ...repositoryParams(target.repo), pull_number: target.number },
              body: body as never,
            });
      return { codespace: response.data as Codespace, accepted: response.status === 202 };
    },
  };
}

export type RepositoriesApi = ReturnType<typeof repositoriesApi>;

export const repositories = repositoriesApi(browserTransport);
