import { experimental_streamedQuery, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { orgs } from '@/lib/api/orgs';
import { runBounded } from '@/lib/codespaces/bulk';
import { isTransitional } from '@/lib/codespaces/state';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import type { ListPage } from '@/lib/transport/transport';
import { addPage, emptyList, mapItems, withoutItems, type StreamedList } from '@/lib/query/streamed-list';
import { BULK_CONCURRENCY, type BulkRun } from './codespaces';
import { actsOn } from '@/lib/query/in-flight';
import { orgKeys } from './keys';
import { pollInterval } from '@/lib/query/polling';

/** Query and mutation options for organisations, for their owners. */

export type OrgCodespaceList = StreamedList<CodespaceSummary>;

/** The organisations the signed-in user belongs to, for the navigation. */
export function myOrgsQuery() {
  return queryOptions({ queryKey: orgKeys.mine(), queryFn: ({ signal }) => orgs.mine(signal), staleTime: 10 * 60_000 });
}

/**
 * Every codespace of an organisation (all pages, shown as they arrive; a poll replaces the list once
 * it is whole); needs admin rights and the admin:org scope.
 */
export function orgCodespacesQuery(org: string) {
  return queryOptions({
    queryKey: orgKeys.codespaces(org),
    queryFn: experimental_streamedQuery<ListPage<CodespaceSummary>, OrgCodespaceList, readonly unknown[]>({
      streamFn: ({ signal }) => orgs.codespacePages(org, signal),
      reducer: (list: OrgCodespaceList, page) => addPage(list, page, 100),
      initialValue: emptyList<CodespaceSummary>(),
      refetchMode: 'replace',
    }),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.items.some((c) => isTransitional(c.state))), query.state.error),
  });
}

/** The organisation's billing usage report for a year (or one month of it). */
export function billingUsageQuery(org: string, year: number, month: number | null) {
  return queryOptions({
    queryKey: orgKeys.usage(org, year, month),
    queryFn: ({ signal }) => orgs.billingUsage(org, year, month, signal),
    staleTime: 10 * 60_000,
  });
}

/** One member's codespaces billed to the organisation (every page), followed quickly while one changes state. */
export function memberCodespacesQuery(org: string, username: string) {
  return queryOptions({
    queryKey: orgKeys.memberCodespaces(org, username),
    queryFn: ({ signal }) => orgs.memberCodespaces(org, username, signal),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.some((c) => isTransitional(c.state))), query.state.error),
  });
}

/** Everyone in the organisation, for choosing who may use Codespaces. */
export function orgMembersQuery(org: string) {
  return queryOptions({ queryKey: orgKeys.members(org), queryFn: ({ signal }) => orgs.members(org, signal), staleTime: 5 * 60_000 });
}

/** The organisation's repositories, for choosing which may use a secret. */
export function orgRepositoriesQuery(org: string) {
  return queryOptions({
    queryKey: orgKeys.repositories(org),
    queryFn: ({ signal }) => orgs.repositories(org, signal),
    staleTime: 5 * 60_000,
  });
}

/** Stop or delete members' codespaces on their behalf, reporting each outcome as it arrives. */
export function orgBulkAction(queryClient: QueryClient, org: string) {
  const key = orgKeys.codespaces(org);
  const memberLists = orgKeys.allMemberCodespaces(org);
  // The organisation's list and any member's list hold the same codespaces: both follow each outcome
  // (`next` null: it is gone).
  const update = (name: string, next: CodespaceSummary | null) => {
    queryClient.setQueryData<OrgCodespaceList>(key, (list) =>
      next ? mapItems(list, (c) => (c.name === name ? next : c)) : withoutItems(list, (c) => c.name === name),
    );
    queryClient.setQueriesData<CodespaceSummary[]>({ queryKey: memberLists }, (list) =>
      list?.flatMap((c) => (c.name !== name ? [c] : next ? [next] : [])),
    );
  };
  return mutationOptions({
    mutationKey: [...key, 'bulk'],
    mutationFn: async ({ plan, onResult }: BulkRun<CodespaceSummary>) => {
      await Promise.all([queryClient.cancelQueries({ queryKey: key }), queryClient.cancelQueries({ queryKey: memberLists })]);
      return runBounded(
        plan.eligible,
        BULK_CONCURRENCY,
        async (codespace) => {
          if (plan.action === 'stop') {
            const stopped = summarizeCodespace(await orgs.stopMemberCodespace(org, codespace));
            const state = isTransitional(stopped.state) ? stopped.state : 'ShuttingDown';
            update(codespace.name, { ...stopped, state });
          } else {
            await orgs.deleteMemberCodespace(org, codespace);
            update(codespace.name, null);
          }
        },
        onResult,
      );
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: memberLists })]),
    meta: actsOn(({ plan }: BulkRun<CodespaceSummary>) => plan.eligible.map((codespace) => codespace.name)),
  });
}
