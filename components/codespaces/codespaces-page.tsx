'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { Boxes, Plus, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ApiError } from '@/lib/api/client';
import {
  applyListFilters,
  filtersToSearch,
  repositoryFacets,
  stateFacets,
  summarizeFleet,
  type ListFilters,
} from '@/lib/codespaces/list-view';
import {
  NO_SELECTION,
  planBulkAction,
  staleStoppedCodespaces,
  toggleAllShown,
  toggleSelection,
  type BulkPlan,
  type Selection,
} from '@/lib/codespaces/bulk';
import { useCodespaces, useTransitionNotices } from '@/lib/queries/codespaces';
import { pluralize } from '@/lib/format';
import { useSearchInUrl } from '@/lib/hooks/use-search-in-url';
import { CodespaceList } from './codespace-list';
import { SelectionBar } from './selection-bar';
import { FleetSummary } from './fleet-summary';
import { ListFiltersBar } from './list-filters';
import { ListSkeleton } from './list-skeleton';
import { SessionEnded } from '@/components/layout/session-ended';

// Dialogs load when opened: most visits open none.
const BulkActionDialog = dynamic(() => import('./bulk-action-dialog').then((m) => m.BulkActionDialog));

/** The dashboard's home: every codespace, filterable, with Start and Stop one click away. */
export function CodespacesPage({ initialFilters }: { initialFilters: ListFilters }) {
  const query = useCodespaces();
  useTransitionNotices();
  const [filters, setFilters] = useState<ListFilters>(initialFilters);

  const updateFilters = useCallback((next: Partial<ListFilters>) => setFilters((current) => ({ ...current, ...next })), []);
  useSearchInUrl(filtersToSearch(filters));

  const codespaces = query.data;
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  // Filtered in the keystroke's own render, not deferred: with cached search text and memoised,
  // virtualised rows, 2,000 codespaces filter in a few milliseconds, and a deferred render would
  // show the result a frame or more later.
  const rows = useMemo(() => (codespaces ? applyListFilters(codespaces, filters) : []), [codespaces, filters]);
  const facets = useMemo(
    () =>
      codespaces ? { states: stateFacets(codespaces), repos: repositoryFacets(codespaces), summary: summarizeFleet(codespaces) } : null,
    [codespaces],
  );

  // One stable handler for every row (rows are memoised: a new function each render would redraw
  // them all). It reads the rows shown when the click happens.
  const shownRows = useRef(rows);
  useLayoutEffect(() => {
    shownRows.current = rows;
  }, [rows]);
  const toggle = useCallback((name: string, range: boolean) => setSelection((s) => toggleSelection(s, shownRows.current, name, range)), []);
  const toggleAll = useCallback(() => setSelection((s) => toggleAllShown(s, shownRows.current)), []);
  const { selected } = selection;
  const chosen = useMemo(() => codespaces?.filter((c) => selected.has(c.name)) ?? [], [codespaces, selected]);

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Your codespaces</h1>
          {facets && (
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
              {rows.length === facets.summary.total
                ? pluralize(facets.summary.total, 'codespace')
                : `Showing ${rows.length} of ${pluralize(facets.summary.total, 'codespace')}`}
            </p>
          )}
        </div>
        <Link
          href="/codespaces/new"
          className="inline-flex h-9 items-center gap-1.5 rounded-md bg-zinc-900 px-3.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
        >
          <Plus aria-hidden className="size-4" /> New codespace
        </Link>
      </div>

      {query.error && codespaces && (
        <Alert title={errorTitle(query.error)} tone="warning">
          {errorDetail(query.error)} Showing what was last loaded.
        </Alert>
      )}

      {facets && facets.summary.total > 0 && (
        <>
          <FleetSummary summary={facets.summary} activeState={filters.state} onSelectState={(state) => updateFilters({ state })} />
          <ListFiltersBar filters={filters} onChange={updateFilters} stateOptions={facets.states} repositoryOptions={facets.repos} />
          <SelectionBar
            count={chosen.length}
            onStop={() => setPlan(planBulkAction(chosen, 'stop'))}
            onDelete={() => setPlan(planBulkAction(chosen, 'delete'))}
            onClear={() => setSelection(NO_SELECTION)}
            onSelectStale={(days) =>
              setSelection({ selected: new Set(staleStoppedCodespaces(codespaces!, days, Date.now()).map((c) => c.name)), anchor: null })
            }
          />
        </>
      )}

      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError && !codespaces ? (
        <Alert
          title={errorTitle(query.error)}
          action={
            <Button size="sm" onClick={() => query.refetch()}>
              Try again
            </Button>
          }
        >
          {errorDetail(query.error)}
        </Alert>
      ) : !codespaces || codespaces.length === 0 ? (
        <EmptyState icon={<Boxes className="size-10" />} title="No codespaces yet">
          Codespaces you create on GitHub, or here, show up in this list with their state, branch and machine.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState icon={<SearchX className="size-10" />} title="No codespaces match these filters">
          <Button className="mt-2" onClick={() => updateFilters({ q: '', state: '', repo: '' })}>
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <CodespaceList codespaces={rows} total={codespaces.length} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
      )}
      {plan && (
        <BulkActionDialog
          plan={plan}
          onClose={(finished) => {
            setPlan(null);
            if (finished) setSelection(NO_SELECTION);
          }}
        />
      )}
    </main>
  );
}

function errorTitle(error: Error) {
  return error instanceof ApiError ? error.description.title : 'Could not load your codespaces';
}
function errorDetail(error: Error) {
  return error instanceof ApiError ? error.description.detail : error.message;
}
