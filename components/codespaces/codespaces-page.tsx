'use client';

import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { planBulkAction, staleStoppedCodespaces, type BulkPlan } from '@/lib/codespaces/bulk';
import {
  applyListFilters,
  filtersToSearch,
  LIST_SORTS,
  repositoryFacets,
  stateFacets,
  summarizeFleet,
  type ListFilters,
} from '@/lib/codespaces/list-view';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useListControls } from '@/lib/hooks/use-list-controls';
import { isComplete } from '@/lib/lists/streamed-list';
import { codespaceListQuery } from '@/lib/queries/codespaces';
import { CodespacesPageView } from './codespaces-page-view';

// Dialogs load when opened: most visits open none.
const BulkActionDialog = dynamic(() => import('./bulk-action-dialog').then((m) => m.BulkActionDialog));

const NO_CODESPACES: readonly CodespaceSummary[] = [];

/** The dashboard's home: reads the user's codespaces and keeps the view's filters and selection. */
export function CodespacesPage({ initialFilters }: { initialFilters: ListFilters }) {
  const query = useQuery(codespaceListQuery());
  const list = query.data;
  const codespaces = list?.items;
  const controls = useListControls({
    items: codespaces ?? NO_CODESPACES,
    initialFilters,
    apply: applyListFilters,
    toSearch: filtersToSearch,
  });
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const facets = useMemo(
    () =>
      codespaces
        ? {
            options: { states: stateFacets(codespaces), repositories: repositoryFacets(codespaces), sorts: LIST_SORTS },
            summary: summarizeFleet(codespaces),
          }
        : null,
    [codespaces],
  );

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

  return (
    <>
      <CodespacesPageView
        codespaces={codespaces}
        total={list?.total ?? 0}
        complete={isComplete(list)}
        rows={controls.rows}
        loading={query.isPending}
        error={query.error}
        filters={controls.filters}
        options={facets?.options ?? null}
        summary={facets?.summary ?? null}
        selected={controls.selected}
        selectedCount={controls.chosen.length}
        onFiltersChange={controls.updateFilters}
        onToggle={controls.toggle}
        onToggleAll={controls.toggleAll}
        onStopSelected={() => setPlan(planBulkAction(controls.chosen, 'stop'))}
        onDeleteSelected={() => setPlan(planBulkAction(controls.chosen, 'delete'))}
        onClearSelection={controls.clearSelection}
        onSelectStale={(days) => controls.selectNames(staleStoppedCodespaces(codespaces ?? [], days, Date.now()).map((c) => c.name))}
        onRetry={() => query.refetch()}
      />
      {plan && (
        <BulkActionDialog
          plan={plan}
          onClose={(finished) => {
            setPlan(null);
            if (finished) controls.clearSelection();
          }}
        />
      )}
    </>
  );
}
