'use client';

import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notify } from '@/lib/notify';
import { ApiError, fetchAllPages, githubApi } from '@/lib/api/client';
import { runBounded, type BulkPlan, type BulkResult } from '@/lib/codespaces/bulk';
import { codespaceTitle, isTransitional } from '@/lib/codespaces/state';
import { uniqueCodespaces } from '@/lib/codespaces/list-view';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace, CodespaceExport, CodespaceMachine, CodespaceState, CodespaceSummary } from '@/lib/codespaces/types';
import { codespaceQueryKeys, POLL_TRANSITIONAL_MS, queryKeys } from './keys';
import { pollInterval } from './polling';

type CodespacePage = { total_count: number; codespaces: Codespace[] };

const codespacePath = (name: string) => `/user/codespaces/${encodeURIComponent(name)}`;

/** One page of the list, as the list keeps it. One function, so unchanged pages are remembered (lib/api/client.ts). */
const summariesOf = (page: CodespacePage): CodespaceSummary[] => page.codespaces.map(summarizeCodespace);

/** Every codespace of the signed-in user: all pages of `GET /user/codespaces`, as summaries. */
export function useCodespaces() {
  return useQuery({
    queryKey: queryKeys.codespaceList(),
    queryFn: async ({ signal }) => uniqueCodespaces(await fetchAllPages('/user/codespaces?per_page=100', summariesOf, signal)),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.some((c) => isTransitional(c.state))), query.state.error),
  });
}

/** One codespace in full. Its page is rendered on the server with it, so it opens with data. */
export function useCodespace(name: string) {
  return useQuery({
    queryKey: queryKeys.codespace(name),
    queryFn: async ({ signal }) => (await githubApi<Codespace>(codespacePath(name), { signal })).data,
    refetchInterval: (query) => pollInterval(Boolean(query.state.data && isTransitional(query.state.data.state)), query.state.error),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Changes a codespace's state in every cache that holds it, list and detail alike (optimistic updates). */
export function patchCodespaceState(queryClient: QueryClient, name: string, state: CodespaceState) {
  queryClient.setQueryData<CodespaceSummary[]>(queryKeys.codespaceList(), (list) =>
    list?.map((c) => (c.name === name ? { ...c, state } : c)),
  );
  queryClient.setQueryData<Codespace>(queryKeys.codespace(name), (c) => (c ? { ...c, state } : c));
}

/** Stores a codespace as GitHub just answered it: in full for its page, summarised for the list. */
export function putCodespace(queryClient: QueryClient, codespace: Codespace) {
  const summary = summarizeCodespace(codespace);
  queryClient.setQueryData<CodespaceSummary[]>(queryKeys.codespaceList(), (list) =>
    list?.map((c) => (c.name === codespace.name ? summary : c)),
  );
  queryClient.setQueryData<Codespace>(queryKeys.codespace(codespace.name), codespace);
}

type PowerAction = 'start' | 'stop';
const POWER: Record<PowerAction, { optimistic: CodespaceState; target: CodespaceState; done: string; verb: string }> = {
  start: { optimistic: 'Starting', target: 'Available', done: 'is running', verb: 'start' },
  stop: { optimistic: 'ShuttingDown', target: 'Shutdown', done: 'is stopped', verb: 'stop' },
};

/** Codespaces the user started or stopped, watched until they land, to say so. */
const awaitedTransitions = new Map<string, { target: CodespaceState; title: string; done: string }>();

/** Start or stop: shows the transitional state at once, then polling follows it to the end. */
export function usePowerAction(action: PowerAction) {
  const queryClient = useQueryClient();
  const { optimistic, target, done, verb } = POWER[action];
  return useMutation({
    mutationFn: async (codespace: CodespaceSummary) =>
      (await githubApi<Codespace>(`${codespacePath(codespace.name)}/${action}`, { method: 'POST' })).data,
    onMutate: async (codespace) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.codespaces });
      const previous = codespace.state;
      patchCodespaceState(queryClient, codespace.name, optimistic);
      return { previous };
    },
    onSuccess: (updated, codespace) => {
      // GitHub answers with the codespace as it is now; keep our transitional state if it lags behind.
      const state = updated.state === codespace.state ? optimistic : updated.state;
      putCodespace(queryClient, { ...updated, state });
      if (state !== target) awaitedTransitions.set(codespace.name, { target, title: codespaceTitle(codespace), done });
    },
    onError: (error, codespace, context) => {
      if (context) patchCodespaceState(queryClient, codespace.name, context.previous);
      const description = error instanceof ApiError ? error.description : { title: 'Something went wrong', detail: String(error) };
      notify.error(`Could not ${verb} ${codespaceTitle(codespace)}: ${description.title}`, {
        description: description.detail,
        duration: Infinity,
        closeButton: true,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.codespaces }),
  });
}

/** Says when a codespace the user started or stopped has got there (or failed on the way). */
export function useTransitionNotices() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return;
        const data = event.query.state.data as CodespaceSummary[] | CodespaceSummary | undefined;
        for (const codespace of Array.isArray(data) ? data : data ? [data] : []) {
          const awaited = awaitedTransitions.get(codespace.name);
          if (!awaited || isTransitional(codespace.state)) continue;
          awaitedTransitions.delete(codespace.name);
          if (codespace.state === awaited.target) notify.success(`${awaited.title} ${awaited.done}`);
          else notify.error(`${awaited.title} ended up ${codespace.state}`, { duration: Infinity, closeButton: true });
        }
      }),
    [queryClient],
  );
}

/** Deletes a codespace (GitHub answers 202 and finishes in the background); it leaves the list at once. */
export function useDeleteCodespace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (codespace: CodespaceSummary) => {
      await githubApi<unknown>(codespacePath(codespace.name), { method: 'DELETE' });
      return codespace;
    },
    onSuccess: (codespace) => {
      queryClient.setQueryData<CodespaceSummary[]>(queryKeys.codespaceList(), (list) => list?.filter((c) => c.name !== codespace.name));
      queryClient.removeQueries({ queryKey: queryKeys.codespace(codespace.name) });
      notify.success(`Deleted ${codespaceTitle(codespace)}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.codespaceList() }),
  });
}

type MachinesPage = { total_count: number; machines: CodespaceMachine[] };

/** The machine types this codespace may move to (GitHub filters by repository and policy). */
export function useCodespaceMachines(name: string, enabled: boolean) {
  return useQuery({
    queryKey: codespaceQueryKeys.machines(name),
    queryFn: async ({ signal }) => (await githubApi<MachinesPage>(`${codespacePath(name)}/machines`, { signal })).data.machines,
    enabled,
    staleTime: 60_000,
  });
}

/** Rename or change machine: `PATCH /user/codespaces/{name}`. */
export function useUpdateCodespace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ codespace, changes }: { codespace: Codespace; changes: { display_name?: string; machine?: string } }) =>
      (await githubApi<Codespace>(codespacePath(codespace.name), { method: 'PATCH', body: changes })).data,
    onSuccess: (updated) => putCodespace(queryClient, updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.codespaces }),
  });
}

const EXPORT_DONE = new Set(['succeeded', 'failed']);

/** Starts an export of the codespace's changes to a branch. */
export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (codespace: CodespaceSummary) =>
      (await githubApi<CodespaceExport>(`${codespacePath(codespace.name)}/exports`, { method: 'POST' })).data,
    onSuccess: (details, codespace) => {
      if (details.id) queryClient.setQueryData(codespaceQueryKeys.export(codespace.name, details.id), details);
      // The codespace is Exporting now: refetching makes its page follow the state (and the git status after).
      void queryClient.invalidateQueries({ queryKey: queryKeys.codespaces });
    },
  });
}

/** Follows an export until it has succeeded or failed. */
export function useExportDetails(name: string, exportId: string | null) {
  return useQuery({
    queryKey: codespaceQueryKeys.export(name, exportId ?? ''),
    queryFn: async ({ signal }) =>
      (await githubApi<CodespaceExport>(`${codespacePath(name)}/exports/${encodeURIComponent(exportId!)}`, { signal })).data,
    enabled: Boolean(exportId),
    refetchInterval: (query) => (query.state.data && EXPORT_DONE.has(query.state.data.state ?? '') ? false : POLL_TRANSITIONAL_MS),
  });
}

/** At most this many requests of a bulk action in flight: GitHub asks for writes one at a time per user. */
export const BULK_CONCURRENCY = 3;

/** Stop or delete many codespaces, reporting each outcome as it arrives. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ plan, onResult }: { plan: BulkPlan; onResult: (result: BulkResult<CodespaceSummary>) => void }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.codespaces });
      return runBounded(
        plan.eligible,
        BULK_CONCURRENCY,
        async (codespace) => {
          if (plan.action === 'stop') {
            patchCodespaceState(queryClient, codespace.name, 'ShuttingDown');
            try {
              await githubApi<Codespace>(`${codespacePath(codespace.name)}/stop`, { method: 'POST' });
            } catch (error) {
              patchCodespaceState(queryClient, codespace.name, codespace.state);
              throw error;
            }
          } else {
            await githubApi<unknown>(codespacePath(codespace.name), { method: 'DELETE' });
            queryClient.setQueryData<CodespaceSummary[]>(queryKeys.codespaceList(), (list) =>
              list?.filter((c) => c.name !== codespace.name),
            );
          }
        },
        onResult,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.codespaces }),
  });
}

/** Publishes a codespace made from a template to a new repository of the user's. */
export function usePublishCodespace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ codespace, name, isPrivate }: { codespace: Codespace; name: string; isPrivate: boolean }) =>
      (await githubApi<Codespace>(`${codespacePath(codespace.name)}/publish`, { method: 'POST', body: { name, private: isPrivate } })).data,
    onSuccess: (published) => putCodespace(queryClient, published),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.codespaces }),
  });
}
