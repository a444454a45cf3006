import { experimental_streamedQuery, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { codespaces, CODESPACES_PER_PAGE, type CodespaceChanges, type CodespacesApi } from '@/lib/api/codespaces';
import { runBounded, type BulkPlan, type BulkResult } from '@/lib/codespaces/bulk';
import { codespaceTitle, isTransitional } from '@/lib/codespaces/state';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import { machineChangeNotice, machineRequestAfter } from '@/lib/codespaces/machine-change';
import type { Codespace, CodespaceExport, CodespaceMachine, CodespaceState, CodespaceSummary } from '@/lib/codespaces/types';
import type { ListPage } from '@/lib/transport/transport';
import { addPage, emptyList, isComplete, mapItems, withoutItems, type StreamedList } from '@/lib/query/streamed-list';
import { actsOn } from '@/lib/query/in-flight';
import { codespaceKeys } from './keys';
import { forgetMachineRequest, rememberMachineRequest } from './machine-requests';
import { notices } from '@/lib/query/meta';
import { FRESH_MS, pollInterval, POLL_TRANSITIONAL_MS } from '@/lib/query/polling';
import { awaitExport, awaitTransition } from './transitions';

/**
 * Query and mutation options for the signed-in user's codespaces. Components use them with
 * `useQuery(codespaceListQuery())` / `useMutation(startCodespace(queryClient))`; server pages
 * prefetch with the same options over the server's transport, so the two cannot drift.
 */

export type CodespaceList = StreamedList<CodespaceSummary>;

/**
 * Every codespace of the user: the first page shows as soon as it is in, the rest follow (a few
 * pages at a time); a poll replaces the list only once every page of it has arrived.
 */
export function codespaceListQuery(
  api: Pick<CodespacesApi, 'listPages'> & Partial<Pick<CodespacesApi, 'listPagesAfterFirst'>> = codespaces,
) {
  return queryOptions({
    queryKey: codespaceKeys.list(),
    queryFn: experimental_streamedQuery<ListPage<CodespaceSummary>, CodespaceList, readonly unknown[]>({
      streamFn: async function* ({ signal, client, queryKey }) {
        const held = client.getQueryData<CodespaceList>(queryKey);
        // A first paint brought page one of a longer list: go on from page two, not from the start.
        if (held && held.pages === 1 && !isComplete(held) && api.listPagesAfterFirst) {
          yield { items: held.items, total: held.total, sso: held.sso };
          yield* api.listPagesAfterFirst(held.total, signal);
        } else yield* api.listPages(signal);
      },
      reducer: (list: CodespaceList, page) => addPage(list, page, CODESPACES_PER_PAGE),
      initialValue: emptyList<CodespaceSummary>(),
      refetchMode: 'replace',
    }),
    // A first paint may hold only the first page: the rest are asked for at once.
    staleTime: (query) => (isComplete(query.state.data) ? FRESH_MS : 0),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.items.some((c) => isTransitional(c.state))), query.state.error),
  });
}

/** One codespace in full. Its page is rendered on the server with it, so it opens with data. */
export function codespaceQuery(name: string, api: Pick<CodespacesApi, 'get'> = codespaces) {
  return queryOptions({
    queryKey: codespaceKeys.detail(name),
    queryFn: ({ signal }) => api.get(name, signal),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data && isTransitional(query.state.data.state)), query.state.error),
  });
}

/** The machine types this codespace may move to. */
export function codespaceMachinesQuery(name: string) {
  return queryOptions({
    queryKey: codespaceKeys.machines(name),
    queryFn: ({ signal }) => codespaces.machines(name, signal),
    staleTime: 60_000,
  });
}

const EXPORT_DONE = new Set(['succeeded', 'failed']);

/** An export, followed until it has succeeded or failed; `latest` is the codespace's most recent one. */
export function codespaceExportQuery(name: string, exportId: string) {
  return queryOptions({
    queryKey: codespaceKeys.export(name, exportId),
    queryFn: ({ signal }) => codespaces.exportDetails(name, exportId, signal),
    refetchInterval: (query) => (query.state.data && EXPORT_DONE.has(query.state.data.state ?? '') ? false : POLL_TRANSITIONAL_MS),
  });
}

// ---------- the cache, kept in step with what GitHub answered ----------

/** Changes a codespace's state in every cache that holds it, list and detail alike (optimistic updates). */
export function patchCodespaceState(queryClient: QueryClient, name: string, state: CodespaceState) {
  queryClient.setQueryData<CodespaceList>(codespaceKeys.list(), (list) => mapItems(list, (c) => (c.name === name ? { ...c, state } : c)));
  queryClient.setQueryData<Codespace>(codespaceKeys.detail(name), (c) => (c ? { ...c, state } : c));
}

/** Stores a codespace as GitHub just answered it: in full for its page, summarised for the list. */
export function putCodespace(queryClient: QueryClient, codespace: Codespace) {
  const summary = summarizeCodespace(codespace);
  queryClient.setQueryData<CodespaceList>(codespaceKeys.list(), (list) => mapItems(list, (c) => (c.name === codespace.name ? summary : c)));
  queryClient.setQueryData<Codespace>(codespaceKeys.detail(codespace.name), codespace);
}

/** Takes a deleted codespace out of the list and forgets its page. */
export function forgetCodespace(queryClient: QueryClient, name: string) {
  queryClient.setQueryData<CodespaceList>(codespaceKeys.list(), (list) => withoutItems(list, (c) => c.name === name));
  queryClient.removeQueries({ queryKey: codespaceKeys.detail(name) });
}

const refreshCodespaces = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: codespaceKeys.all });

// ---------- changes ----------

type PowerAction = 'start' | 'stop';
const POWER: Record<PowerAction, { optimistic: CodespaceState; target: CodespaceState; done: string; verb: string }> = {
  start: { optimistic: 'Starting', target: 'Available', done: 'is running', verb: 'start' },
  stop: { optimistic: 'ShuttingDown', target: 'Shutdown', done: 'is stopped', verb: 'stop' },
};

/** Start or stop: shows the transitional state at once, then polling follows it to the end (and says so). */
export function powerCodespace(queryClient: QueryClient, action: PowerAction) {
  const { optimistic, target, done, verb } = POWER[action];
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, action],
    mutationFn: (codespace: CodespaceSummary) => codespaces[action](codespace.name),
    onMutate: async (codespace) => {
      await queryClient.cancelQueries({ queryKey: codespaceKeys.all });
      patchCodespaceState(queryClient, codespace.name, optimistic);
      return { previous: codespace.state };
    },
    onSuccess: (updated, codespace) => {
      // GitHub answers with the codespace as it is now; keep our transitional state if it lags behind.
      const state = updated.state === codespace.state ? optimistic : updated.state;
      putCodespace(queryClient, { ...updated, state });
      if (state !== target) awaitTransition(codespace.name, { target, title: codespaceTitle(codespace), done });
    },
    onError: (_error, codespace, context) => {
      if (context) patchCodespaceState(queryClient, codespace.name, context.previous);
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      ...notices<Codespace, CodespaceSummary>({ failure: (codespace) => `Could not ${verb} ${codespaceTitle(codespace)}` }),
      ...actsOn((codespace: CodespaceSummary) => [codespace.name]),
    },
  });
}

/** Deletes a codespace (GitHub answers 202 and finishes in the background); it leaves the list at once. */
export function deleteCodespace(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'delete'],
    mutationFn: async (codespace: CodespaceSummary) => {
      await codespaces.remove(codespace.name);
      return codespace;
    },
    onSuccess: (codespace) => forgetCodespace(queryClient, codespace.name),
    onSettled: () => queryClient.invalidateQueries({ queryKey: codespaceKeys.list() }),
    meta: {
      ...notices<CodespaceSummary, CodespaceSummary>({ success: (codespace) => `Deleted ${codespaceTitle(codespace)}` }),
      ...actsOn((codespace: CodespaceSummary) => [codespace.name]),
    },
  });
}

export type CodespaceUpdate = {
  codespace: Pick<Codespace, 'name'>;
  changes: CodespaceChanges;
  /** With `changes.machine`: the machine chosen, as GitHub listed it, for the words (its display name). */
  machine?: Pick<CodespaceMachine, 'name' | 'display_name'>;
};

/**
 * Rename or change machine: `PATCH /user/codespaces/{name}`. A new machine for a running codespace
 * applies at its next start, and GitHub's answer still names the current one: the notice names
 * the machine chosen, and the request is remembered until it applies (lib/codespaces/machine-change.ts).
 */
export function updateCodespace(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'update'],
    mutationFn: ({ codespace, changes }: CodespaceUpdate) => codespaces.update(codespace.name, changes),
    onSuccess: (updated, { machine }) => {
      putCodespace(queryClient, updated);
      if (!machine) return;
      const request = machineRequestAfter(updated, machine, Date.now());
      if (request) rememberMachineRequest(updated.name, request);
      else forgetMachineRequest(updated.name);
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      ...notices<Codespace, CodespaceUpdate>({
        success: (updated, { changes, machine }) =>
          changes.machine
            ? machineChangeNotice(codespaceTitle(updated), machine ?? { display_name: 'the machine chosen' })
            : `Renamed to ${codespaceTitle(updated)}`,
      }),
      ...actsOn(({ codespace }: CodespaceUpdate) => [codespace.name]),
    },
  });
}

/** Starts an export of the codespace's changes to a branch. */
export function exportCodespace(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'export'],
    mutationFn: (codespace: Pick<CodespaceSummary, 'name' | 'display_name'>) => codespaces.startExport(codespace.name),
    meta: actsOn((codespace: Pick<CodespaceSummary, 'name'>) => [codespace.name]),
    onSuccess: (details: CodespaceExport, codespace) => {
      if (details.id) {
        queryClient.setQueryData(codespaceKeys.export(codespace.name, details.id), details);
        awaitExport(codespace.name, details.id, codespaceTitle(codespace));
      }
      queryClient.setQueryData(codespaceKeys.export(codespace.name, 'latest'), details);
      // The codespace is Exporting now: refetching makes its page follow the state (and the git status after).
      void refreshCodespaces(queryClient);
    },
  });
}

/** Publishes a codespace made from a template to a new repository of the user's. */
export function publishCodespace(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'publish'],
    mutationFn: ({ codespace, name, isPrivate }: { codespace: Pick<Codespace, 'name'>; name: string; isPrivate: boolean }) =>
      codespaces.publish(codespace.name, { name, private: isPrivate }),
    onSuccess: (published) => putCodespace(queryClient, published),
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      ...notices<Codespace, unknown>({ success: (published) => `Published to ${published.repository.full_name}` }),
      ...actsOn(({ codespace }: { codespace: Pick<Codespace, 'name'> }) => [codespace.name]),
    },
  });
}

/** At most this many requests of a bulk action in flight: GitHub asks for writes one at a time per user. */
export const BULK_CONCURRENCY = 3;

export type BulkRun<T extends CodespaceSummary> = { plan: BulkPlan<T>; onResult: (result: BulkResult<T>) => void };

/** Stop or delete many codespaces, reporting each outcome as it arrives. */
export function bulkCodespaceAction(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'bulk'],
    mutationFn: async ({ plan, onResult }: BulkRun<CodespaceSummary>) => {
      await queryClient.cancelQueries({ queryKey: codespaceKeys.all });
      return runBounded(
        plan.eligible,
        BULK_CONCURRENCY,
        async (codespace) => {
          if (plan.action === 'stop') {
            patchCodespaceState(queryClient, codespace.name, 'ShuttingDown');
            try {
              await codespaces.stop(codespace.name);
            } catch (error) {
              patchCodespaceState(queryClient, codespace.name, codespace.state);
              throw error;
            }
          } else {
            await codespaces.remove(codespace.name);
            forgetCodespace(queryClient, codespace.name);
          }
        },
        onResult,
      );
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: actsOn(({ plan }: BulkRun<CodespaceSummary>) => plan.eligible.map((codespace) => codespace.name)),
  });
}
