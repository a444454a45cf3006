import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { BulkPlan, BulkResult } from '@/lib/codespaces/domain/bulk';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { actsOn } from '@/lib/query/in-flight';
import { notices } from '@/lib/query/meta';
import { codespaceKeys, refreshCodespaces } from './queries';

/**
 * Start, stop and delete: one path for a row's button, a keyboard shortcut, the palette, the
 * attention list, a codespace's page, a bulk selection and an organisation's members. Each
 * codespace goes through `act` (act.ts): the transitional state shown at once in every list and
 * page that holds it, GitHub's call, GitHub's answer kept (or the state put back), and its arrival
 * awaited, so the user is told when it lands (transitions.ts), however it was asked.
 */

export type CodespaceAction = 'start' | 'stop' | 'delete';

/**
 * The rule itself, loaded on demand: `/` shows its Start and Stop buttons long before one is
 * pressed, so its first load carries these options only. Its page loads it after the first paint.
 */
export const warmActions = () => import('./act');

/** Start, stop or delete one of the user's codespaces, from whichever control asked. */
export function codespaceActionMutation(queryClient: QueryClient, action: CodespaceAction) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, action],
    mutationFn: async (codespace: CodespaceSummary) => {
      await queryClient.cancelQueries({ queryKey: codespaceKeys.all });
      const { act, MINE } = await warmActions();
      await act(queryClient, action, codespace, MINE);
      return codespace;
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      // A delete's confirmation shows its own error; a start or stop has only this toast to say why.
      ...(action === 'delete'
        ? notices<CodespaceSummary, CodespaceSummary>({ success: (codespace) => `Deleted ${codespaceTitle(codespace)}` })
        : notices<CodespaceSummary, CodespaceSummary>({ failure: (codespace) => `Could not ${action} ${codespaceTitle(codespace)}` })),
      ...actsOn((codespace: CodespaceSummary) => [codespace.name]),
    },
  });
}

export type BulkRun<T extends CodespaceSummary> = { plan: BulkPlan<T>; onResult: (result: BulkResult<T>) => void };

/**
 * Stop or delete many codespaces, the user's or (with `org`) members' on their behalf, a few at a
 * time, reporting each outcome as it arrives.
 */
export function bulkCodespaceActionMutation(queryClient: QueryClient, org?: string) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'bulk'],
    mutationFn: async ({ plan, onResult }: BulkRun<CodespaceSummary>) => {
      await queryClient.cancelQueries({ queryKey: codespaceKeys.all });
      const { actOnAll, MINE } = await warmActions();
      return actOnAll(queryClient, plan, org ? { kind: 'org', org } : MINE, onResult);
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: actsOn(({ plan }: BulkRun<CodespaceSummary>) => plan.eligible.map((codespace) => codespace.name)),
  });
}
