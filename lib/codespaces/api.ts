import type { CreateTarget } from '@/lib/codespaces/domain/create-form';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import type {
  Codespace,
  CodespaceChanges,
  CodespaceDefaults,
  CodespaceExport,
  CodespaceMachine,
  CodespaceSummary,
  Devcontainer,
} from '@/lib/codespaces/domain/types';
import { browserTransport } from '@/lib/transport/client';
import { ApiError } from '@/lib/transport/api-error';
import { streamedPages, type StreamLine } from '@/lib/transport/list-stream';
import { countedPage, listAll, mergePages, type GithubTransport, type ListPage } from '@/lib/transport/transport';
import { readListLine, listStartSearch } from './domain/list-lines';
import { operations } from './operations';
import { repositoryParams } from '@/lib/repositories/domain/path';

/** A page of a list of codespaces, and how many there are in all. */
export const CODESPACES_PER_PAGE = 100;

// ---------- reading GitHub's answers ----------
// The proxy has read them already (permissively, leaving out what cannot be read:
// operations.server.ts), so the browser only checks the shape it relies on and takes the
// summaries; anything else is GitHub failing, said as such (502). Module level: a transport
// remembers results per reader, so an unchanged page gives back the very same objects.

function unreadable(what: string): ApiError {
  return new ApiError({ status: 502, message: `GitHub’s answer could not be read (${what}).` });
}

/** One page of a codespace list, as the lists keep it: summaries. */
function codespaceSummaryPage(raw: unknown): ListPage<CodespaceSummary> {
  const page = raw as { total_count?: unknown; codespaces?: unknown } | null;
  if (!page || !Array.isArray(page.codespaces) || typeof page.total_count !== 'number') throw unreadable('not a list of codespaces');
  return { items: (page.codespaces as Codespace[]).map(summarizeCodespace), total: page.total_count };
}

/** One codespace in full. */
function codespaceInFull(raw: unknown): Codespace {
  const codespace = raw as Partial<Codespace> | null;
  if (!codespace || typeof codespace.name !== 'string' || typeof codespace.state !== 'string') throw unreadable('not a codespace');
  return codespace as Codespace;
}

const devcontainerPage = countedPage('devcontainers');

/** A member's codespace as GitHub names it in the organisation's paths. */
const memberCodespace = (org: string, codespace: Pick<CodespaceSummary, 'name' | 'owner'>) => ({
  params: { org, username: codespace.owner.login, codespace_name: codespace.name },
});

/** Codespaces, one typed function per GitHub operation, named as the operation. */
export function codespacesApi(transport: GithubTransport) {
  const named = (name: string) => ({ params: { codespace_name: name } });
  const page = { per_page: CODESPACES_PER_PAGE };
  return {
    // ---- the signed-in user's (the list itself: codespaceLists) ----
    getMyCodespace: async (name: string, signal?: AbortSignal): Promise<Codespace> =>
      (await transport.request(operations.getMyCodespace, { ...named(name), signal }, codespaceInFull)).data,
    startMyCodespace: async (name: string): Promise<Codespace> => (await transport.request(operations.startMyCodespace, named(name))).data,
    stopMyCodespace: async (name: string): Promise<Codespace> => (await transport.request(operations.stopMyCodespace, named(name))).data,
    /** GitHub answers 202 and finishes deleting in the background. */
    deleteMyCodespace: async (name: string): Promise<void> => {
      await transport.request(operations.deleteMyCodespace, named(name));
    },
    updateMyCodespace: async (name: string, changes: CodespaceChanges): Promise<Codespace> =>
      (await transport.request(operations.updateMyCodespace, { ...named(name), body: changes })).data,
    /** The machine types this codespace may move to (GitHub filters by repository and policy). */
    listMachinesForMyCodespace: async (name: string, signal?: AbortSignal): Promise<CodespaceMachine[]> =>
      (await transport.request(operations.listMachinesForMyCodespace, { ...named(name), signal })).data.machines,
    exportMyCodespace: async (name: string): Promise<CodespaceExport> =>
      (await transport.request(operations.exportMyCodespace, named(name))).data,
    /** An export's progress; `latest` names the codespace's most recent one. */
    getMyCodespaceExport: async (name: string, exportId: string, signal?: AbortSignal): Promise<CodespaceExport> =>
      (await transport.request(operations.getMyCodespaceExport, { params: { codespace_name: name, export_id: exportId }, signal })).data,
    /** GitHub answers with the codespace and its new repository in full. */
    publishMyCodespace: async (name: string, repository: { name: string; private: boolean }): Promise<Codespace> =>
      (await transport.request(operations.publishMyCodespace, { ...named(name), body: repository })).data as Codespace,

    // ---- in a repository, and what a new one there can be ----
    /** The user's codespaces in this repository (every page). */
    listMyCodespacesInRepository: (repo: string, signal?: AbortSignal): Promise<CodespaceSummary[]> =>
      listAll(
        transport,
        operations.listMyCodespacesInRepository,
        { params: repositoryParams(repo), query: page, signal },
        codespaceSummaryPage,
      ),
    /** GitHub's defaults for a new codespace here (location, dev container). */
    getCodespaceDefaults: async (repo: string, ref: string, signal?: AbortSignal): Promise<CodespaceDefaults | null> =>
      (await transport.request(operations.getCodespaceDefaults, { params: repositoryParams(repo), query: ref ? { ref } : {}, signal })).data
        .defaults ?? null,
    listDevcontainers: (repo: string, signal?: AbortSignal): Promise<Devcontainer[]> =>
      listAll(
        transport,
        operations.listDevcontainers,
        { params: repositoryParams(repo), query: { per_page: 100 }, signal },
        devcontainerPage,
      ),
    /** Machines allowed here at this ref and location. */
    listRepositoryMachines: async (repo: string, ref: string, location: string, signal?: AbortSignal): Promise<CodespaceMachine[]> =>
      (
        await transport.request(operations.listRepositoryMachines, {
          params: repositoryParams(repo),
          query: { ...(ref ? { ref } : {}), ...(location ? { location } : {}) },
          signal,
        })
      ).data.machines,
    /** Whether the user has accepted the extra repository permissions this dev container asks for. */
    checkDevcontainerPermissions: async (repo: string, ref: string, devcontainer: string, signal?: AbortSignal): Promise<boolean> =>
      (
        await transport.request(operations.checkDevcontainerPermissions, {
          params: repositoryParams(repo),
          query: { ref, devcontainer_path: devcontainer },
          signal,
        })
      ).data.accepted,
    /**
     * Creates a codespace in a repository or from a pull request (createCodespaceInRepository,
     * createCodespaceFromPullRequest); `accepted` when GitHub answered 202 (still retrying the creation).
     */
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

    // ---- an organisation's members', for its owners (the list itself: codespaceLists) ----
    /** One member's codespaces billed to the organisation. */
    listMemberCodespaces: (org: string, username: string, signal?: AbortSignal): Promise<CodespaceSummary[]> =>
      listAll(transport, operations.listMemberCodespaces, { params: { org, username }, query: page, signal }, codespaceSummaryPage),
    stopMemberCodespace: async (org: string, codespace: CodespaceSummary): Promise<Codespace> =>
      (await transport.request(operations.stopMemberCodespace, memberCodespace(org, codespace))).data,
    deleteMemberCodespace: async (org: string, codespace: CodespaceSummary): Promise<void> => {
      await transport.request(operations.deleteMemberCodespace, memberCodespace(org, codespace));
    },
  };
}

export type CodespacesApi = ReturnType<typeof codespacesApi>;

/** A line of a streamed list (domain/list-lines.ts) as the lists keep it: a page of summaries. */
function codespaceListLine(text: string): StreamLine<ListPage<CodespaceSummary>> {
  const line = readListLine(text);
  if ('end' in line) return line;
  if ('error' in line) return { refused: line.error };
  return { page: { items: line.list.codespaces, total: line.list.total_count, ...(line.sso ? { sso: line.sso } : {}) } };
}

/**
 * The lists of codespaces, assembled by Hangar's server from GitHub's pages and streamed as
 * summaries (`/api/lists/...`, list-stream.server.ts): the browser never reads GitHub's full
 * objects for a list. Each yields the pages in order, as they arrive.
 */
const codespaceLists = {
  /** Every codespace of the signed-in user (`GET /user/codespaces`, all pages). */
  listMyCodespaces: (signal?: AbortSignal) => streamedPages('/api/lists/user/codespaces', codespaceListLine, mergePages, signal),
  /** The pages after the first, when the first is already at hand and GitHub said how many there are. */
  listMyCodespacesAfterFirst: (total: number, signal?: AbortSignal) =>
    streamedPages(`/api/lists/user/codespaces${listStartSearch({ from: 2, total })}`, codespaceListLine, mergePages, signal),
  /** Every codespace billed to the organisation (`GET /orgs/{org}/codespaces`, all pages; owners, admin:org). */
  listOrgCodespaces: (org: string, signal?: AbortSignal) =>
    streamedPages(`/api/lists/orgs/${encodeURIComponent(org)}/codespaces`, codespaceListLine, mergePages, signal),
  /** The organisation's pages after the first, when a first paint brought it and GitHub said how many there are. */
  listOrgCodespacesAfterFirst: (org: string, total: number, signal?: AbortSignal) =>
    streamedPages(
      `/api/lists/orgs/${encodeURIComponent(org)}/codespaces${listStartSearch({ from: 2, total })}`,
      codespaceListLine,
      mergePages,
      signal,
    ),
};

export type CodespaceListsApi = typeof codespaceLists;

/** The browser's codespaces API: GitHub's operations through Hangar's proxy, and the streamed lists. */
export const codespaces = { ...codespacesApi(browserTransport), ...codespaceLists };
