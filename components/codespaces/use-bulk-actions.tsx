'use client';

import { useCallback, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { planBulkAction, staleStoppedCodespaces, type BulkPlan } from '@/lib/codespaces/domain/bulk';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useSelection } from '@/lib/codespaces/use-selection';
import type { SelectableListProps, SelectionActions } from './selection-bar';

// Loads when a bulk action is asked for: most visits ask for none.
const BulkActionDialog = dynamic(() => import('./bulk-action-dialog').then((m) => m.BulkActionDialog));

/**
 * A list's selection and its bulk Stop and Delete, the same on every list of codespaces: the
 * selection bar's actions, and the confirmation dialog (which names any work at risk) once one is
 * asked for. With `org`, the actions are taken on members' behalf as an organisation admin.
 */
export function useBulkActions(items: readonly CodespaceSummary[], shown: readonly CodespaceSummary[], org?: string) {
  const selection = useSelection(items, shown);
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const act = useCallback((chosen: readonly CodespaceSummary[], action: 'stop' | 'delete') => setPlan(planBulkAction(chosen, action)), []);
  const { chosen, clear, selectNames } = selection;
  const bar = useMemo<SelectionActions>(
    () => ({
      count: chosen.length,
      onStop: () => act(chosen, 'stop'),
      onDelete: () => act(chosen, 'delete'),
      onClear: clear,
      onSelectStale: (days) => selectNames(staleStoppedCodespaces(items, days, Date.now()).map((c) => c.name)),
    }),
    [act, chosen, clear, selectNames, items],
  );
  const dialog = plan ? (
    <BulkActionDialog
      plan={plan}
      org={org}
      onClose={(finished) => {
        setPlan(null);
        if (finished) clear();
      }}
    />
  ) : null;
  const { selected, toggle, toggleAll } = selection;
  const listProps: SelectableListProps = { selected, selection: bar, onToggle: toggle, onToggleAll: toggleAll };
  return { listProps, act, dialog, selectNames };
}
