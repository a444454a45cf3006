import type { QueryClient } from '@tanstack/react-query';
import { runBounded, type BulkPlan, type BulkResult } from '@/lib/codespaces/domain/bulk';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import type { Codespace, CodespaceState, CodespaceSummary } from '@/lib/codespaces/domain/types';
import { mapItems, withoutItems, type StreamedList } from '@/lib/query/streamed-list';
import { codespaces } from './api';
import type { CodespaceAction } from './actions';
import { codespaceKeys, putCodespace } from './queries';
import { awaitTransition } from './transitions';

/**
 * The rule behind start, stop and delete (actions.ts holds their mutation options): loaded with
 * the first action, or after `/`'s first paint (warmActions), not in its first-load JS.
 */

/** Whose codespace: the signed-in user's own, or an organisation member's, acted on by an owner on their behalf. */
export type ActingFor = { kind: 'mine' } | { kind: 'org'; org: string };

export const MINE: ActingFor = { kind: 'mine' };

const TRANSITIONS: Record<'start' | 'stop', { optimistic: CodespaceState; target: CodespaceState; done: string }> = {
  start: { optimistic: 'Starting', target: 'Available', done: 'is running' },
  stop: { optimistic: 'ShuttingDown', target: 'Shutdown', done: 'is stopped' },
};

/** At most this many requests of a bulk action in flight: GitHub asks for writes one at a time per user. */
const BULK_CONCURRENCY = 3;

type Change = (codespace: CodespaceSummary) => CodespaceSummary | null;

/**
 * Changes a codespace (`null`: it is gone) in every list that holds it, the user's, a repository's,
 * an organisation's and its members', and on its own page.
 */
function changeEverywhere(queryClient: QueryClient, name: string, change: Change) {
  const inList = (list: StreamedList<CodespaceSummary> | undefined) => {
    const current = list?.items.find((c) => c.name === name);
    if (!current) return list;
    const next = change(current);
    return next ? mapItems(list, (c) => (c.name === name ? next : c)) : withoutItems(list, (c) => c.name === name);
  };
  const inArray = (list: CodespaceSummary[] | undefined) => list?.flatMap((c) => (c.name !== name ? [c] : (change(c) ?? [])));
  const inEither = (data: StreamedList<CodespaceSummary> | CodespaceSummary[] | undefined) =>
    Array.isArray(data) ? inArray(data) : inList(data);
  queryClient.setQueryData<StreamedList<CodespaceSummary>>(codespaceKeys.listMyCodespaces(), inList);
  queryClient.setQueriesData<CodespaceSummary[]>({ queryKey: codespaceKeys.inRepositories() }, inArray);
  queryClient.setQueriesData<StreamedList<CodespaceSummary> | CodespaceSummary[]>({ queryKey: [...codespaceKeys.all, 'org'] }, inEither);
  const detail = codespaceKeys.getMyCodespace(name);
  const held = queryClient.getQueryData<Codespace>(detail);
  if (!held) return;
  const next = change(held);
  if (next) queryClient.setQueryData<Codespace>(detail, { ...held, state: next.state });
  else queryClient.removeQueries({ queryKey: detail });
}

const withState = (state: CodespaceState) => (codespace: CodespaceSummary) => ({ ...codespace, state });

/** One action on one codespace, by the one rule every control shares. Throws what GitHub refused. */
export async function act(
  queryClient: QueryClient,
  action: CodespaceAction,
  codespace: CodespaceSummary,
  acting: ActingFor,
): Promise<void> {
  if (action === 'delete') {
    // GitHub answers 202 and finishes deleting in the background: it leaves every list at once.
    if (acting.kind === 'org') await codespaces.deleteMemberCodespace(acting.org, codespace);
    else await codespaces.deleteMyCodespace(codespace.name);
    changeEverywhere(queryClient, codespace.name, () => null);
    return;
  }
  if (acting.kind === 'org' && action === 'start') throw new Error('GitHub has no way for an owner to start a member’s codespace');
  const { optimistic, target, done } = TRANSITIONS[action];
  changeEverywhere(queryClient, codespace.name, withState(optimistic));
  let updated: Codespace;
  try {
    updated =
      acting.kind === 'org'
        ? await codespaces.stopMemberCodespace(acting.org, codespace)
        : await (action === 'start' ? codespaces.startMyCodespace(codespace.name) : codespaces.stopMyCodespace(codespace.name));
  } catch (error) {
    changeEverywhere(queryClient, codespace.name, withState(codespace.state));
    throw error;
  }
  // GitHub answers with the codespace as it is now; keep the transitional state if it lags behind.
  const state = updated.state === codespace.state ? optimistic : updated.state;
  if (acting.kind === 'mine') putCodespace(queryClient, { ...updated, state });
  changeEverywhere(queryClient, codespace.name, () => ({ ...summarizeCodespace(updated), state }));
  if (state !== target) awaitTransition(codespace.name, { target, title: codespaceTitle(codespace), done, mine: acting.kind === 'mine' });
}

/** Many codespaces, a few at a time, each outcome reported as it arrives. */
export function actOnAll(
  queryClient: QueryClient,
  plan: BulkPlan<CodespaceSummary>,
  acting: ActingFor,
  onResult: (result: BulkResult<CodespaceSummary>) => void,
) {
  return runBounded(plan.eligible, BULK_CONCURRENCY, (codespace) => act(queryClient, plan.action, codespace, acting), onResult);
}
