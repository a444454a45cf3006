import { operations } from '@/lib/github/operations';
import type { Codespace, CodespaceExport, CodespaceMachine } from '@/lib/codespaces/types';
import { browserTransport } from '@/lib/transport/client';
import { codespaceInFull, codespaceSummaryPage } from './read-codespaces';
import { listPages, pagesAfterFirst, type GithubTransport } from '@/lib/transport/transport';

/** A page of a list of codespaces, and how many there are in all. */
export const CODESPACES_PER_PAGE = 100;

export type CodespaceChanges = { display_name?: string; machine?: string };

/** The signed-in user's codespaces, one typed function per GitHub operation. */
export function codespacesApi(transport: GithubTransport) {
  const named = (name: string) => ({ params: { codespace_name: name } });
  return {
    /** Every page of `GET /user/codespaces`, as summaries, as the pages arrive. */
    listPages: (signal?: AbortSignal) =>
      listPages(transport, operations.listMyCodespaces, { query: { per_page: CODESPACES_PER_PAGE }, signal }, codespaceSummaryPage),
    /** The pages after the first, when the first is already at hand and GitHub said how many there are. */
    listPagesAfterFirst: (total: number, signal?: AbortSignal) =>
      pagesAfterFirst(
        transport,
        operations.listMyCodespaces,
        { query: { per_page: CODESPACES_PER_PAGE }, signal },
        codespaceSummaryPage,
        total,
      ),
    get: async (name: string, signal?: AbortSignal): Promise<Codespace> =>
      (await transport.request(operations.getMyCodespace, { ...named(name), signal }, codespaceInFull)).data,
    start: async (name: string): Promise<Codespace> => (await transport.request(operations.startMyCodespace, named(name))).data,
    stop: async (name: string): Promise<Codespace> => (await transport.request(operations.stopMyCodespace, named(name))).data,
    /** GitHub answers 202 and finishes deleting in the background. */
    remove: async (name: string): Promise<void> => {
      await transport.request(operations.deleteMyCodespace, named(name));
    },
    update: async (name: string, changes: CodespaceChanges): Promise<Codespace> =>
      (await transport.request(operations.updateMyCodespace, { ...named(name), body: changes })).data,
    /** The machine types this codespace may move to (GitHub filters by repository and policy). */
    machines: async (name: string, signal?: AbortSignal): Promise<CodespaceMachine[]> =>
      (await transport.request(operations.listMachinesForMyCodespace, { ...named(name), signal })).data.machines,
    startExport: async (name: string): Promise<CodespaceExport> =>
      (await transport.request(operations.exportMyCodespace, named(name))).data,
    /** An export's progress; `latest` names the codespace's most recent one. */
    exportDetails: async (name: string, exportId: string, signal?: AbortSignal): Promise<CodespaceExport> =>
      (await transport.request(operations.getMyCodespaceExport, { params: { codespace_name: name, export_id: exportId }, signal })).data,
    /** GitHub answers with the codespace and its new repository in full. */
    publish: async (name: string, repository: { name: string; private: boolean }): Promise<Codespace> =>
      (await transport.request(operations.publishMyCodespace, { ...named(name), body: repository })).data as Codespace,
  };
}

export type CodespacesApi = ReturnType<typeof codespacesApi>;

/** The browser's codespaces API, through Hangar's proxy. */
export const codespaces = codespacesApi(browserTransport);
