'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { BarChart3, Boxes, Lock, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Figure } from '@/components/ui/figure';
import { toolbarFieldClass } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { EmptyState } from '@/components/ui/empty-state';
import { BulkActionDialog } from '@/components/codespaces/bulk-action-dialog';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { SelectionBar } from '@/components/codespaces/selection-bar';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError, describeFailure } from '@/lib/api/client';
import { formatUsd, liveEstimate } from '@/lib/billing/cost';
import {
  NO_SELECTION,
  planBulkAction,
  staleStoppedCodespaces,
  toggleAllShown,
  toggleSelection,
  type BulkPlan,
  type Selection,
} from '@/lib/codespaces/bulk';
import { TONE_LABELS } from '@/lib/codespaces/state';
import type { Codespace } from '@/lib/codespaces/types';
import { pluralize } from '@/lib/format';
import { attentionItems } from '@/lib/orgs/attention';
import {
  facets as orgFacets,
  filterOrgCodespaces,
  GROUP_KEYS,
  GROUP_LABELS,
  groupRows,
  ORG_SORT_KEYS,
  ORG_SORT_LABELS,
  orgFiltersToSearch,
  parseOrgFilters,
  searchIndex,
  type GroupKey,
  type OrgFilters,
  type OrgSortKey,
} from '@/lib/orgs/org-view';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { useSearchInUrl } from '@/lib/hooks/use-search-in-url';
import { useOrgCodespaces } from '@/lib/queries/orgs';
import { AttentionList } from './attention-list';
import { OrgCodespaceTable } from './org-codespace-table';

/** An organisation's codespaces for its admins: who runs what, what needs attention, and bulk Stop and Delete. */
export function OrgCodespacesPage({ org, me }: { org: string; me: string }) {
  const query = useOrgCodespaces(org);
  const searchParams = useSearchParams();
  const now = useMinuteClock();
  const [filters, setFilters] = useState<OrgFilters>(() => parseOrgFilters(searchParams));
  const deferred = useDeferredValue(filters);
  const updateFilters = useCallback((next: Partial<OrgFilters>) => setFilters((current) => ({ ...current, ...next })), []);
  useSearchInUrl(orgFiltersToSearch(filters));

  const codespaces = query.data;
  const index = useMemo(() => searchIndex(codespaces ?? []), [codespaces]);
  const shown = useMemo(() => (codespaces ? filterOrgCodespaces(codespaces, deferred, index) : []), [codespaces, deferred, index]);
  const rows = useMemo(() => groupRows(shown, deferred.group), [shown, deferred.group]);
  const options = useMemo(() => orgFacets(codespaces ?? []), [codespaces]);
  const attention = useMemo(() => attentionItems(codespaces ?? [], now), [codespaces, now]);
  const estimate = useMemo(() => liveEstimate(codespaces ?? []), [codespaces]);

  const [{ selected, anchor }, setSelection] = useState<Selection>(NO_SELECTION);
  const [plan, setPlan] = useState<BulkPlan<Codespace> | null>(null);
  const toggle = (name: string, range: boolean) => setSelection(toggleSelection({ selected, anchor }, shown, name, range));
  const allSelected = shown.length > 0 && shown.every((c) => selected.has(c.name));
  const toggleAll = () => setSelection(toggleAllShown({ selected, anchor }, shown));
  const selection = codespaces?.filter((c) => selected.has(c.name)) ?? [];
  const act = (codespaces: Codespace[], action: 'stop' | 'delete') => setPlan(planBulkAction(codespaces, action));

  const error = query.error;
  if (error instanceof ApiError && error.status === 401) return <SessionEnded />;

  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Organization</p>
          <h1 className="text-xl font-semibold tracking-tight">{org} codespaces</h1>
          {codespaces && (
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
              {shown.length === codespaces.length
                ? pluralize(codespaces.length, 'codespace')
                : `Showing ${shown.length} of ${pluralize(codespaces.length, 'codespace')}`}
              {' · '}
              {pluralize(options.members.length, 'member')}
            </p>
          )}
        </div>
        <Link
          href={`/orgs/${encodeURIComponent(org)}/usage`}
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <BarChart3 aria-hidden className="size-4" /> Usage and cost
        </Link>
      </div>

      {error && codespaces && (
        <Alert title={describeFailure(error).title} tone="warning">
          {describeFailure(error).detail} Showing what was last loaded.
        </Alert>
      )}

      {codespaces && codespaces.length > 0 && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Live cost estimate">
            <Figure label="Running now" value={`${estimate.running} · ${estimate.runningCores} cores`} />
            <Figure label="Compute, per hour" value={formatUsd(estimate.computePerHour)} />
            <Figure
              label="Storage, per month"
              value={formatUsd(estimate.storagePerMonth)}
              hint={`${formatUsd(estimate.stoppedStoragePerMonth)} of it on stopped codespaces`}
            />
            <Figure label="Needs attention" value={String(attention.length)} />
          </dl>
          <AttentionList items={attention} me={me} onStop={(c) => act([c], 'stop')} onDelete={(c) => act([c], 'delete')} />
          <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter organization codespaces">
            <SearchField
              label="Filter by text"
              placeholder="Filter by name, member, repository, branch…"
              value={filters.q}
              onChange={(q) => updateFilters({ q })}
            />
            <select
              aria-label="State"
              value={filters.state}
              onChange={(e) => updateFilters({ state: e.target.value })}
              className={toolbarFieldClass}
            >
              <option value="">All states</option>
              {(['running', 'transitional', 'stopped', 'problem'] as const).map((tone) => (
                <option key={tone} value={tone}>
                  {TONE_LABELS[tone]}
                </option>
              ))}
            </select>
            <select
              aria-label="Member"
              value={filters.member}
              onChange={(e) => updateFilters({ member: e.target.value })}
              className={toolbarFieldClass}
            >
              <option value="">All members</option>
              {options.members.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
            <select
              aria-label="Repository"
              value={filters.repo}
              onChange={(e) => updateFilters({ repo: e.target.value })}
              className={toolbarFieldClass}
            >
              <option value="">All repositories</option>
              {options.repositories.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
            <select
              aria-label="Machine"
              value={filters.cores}
              onChange={(e) => updateFilters({ cores: e.target.value })}
              className={toolbarFieldClass}
            >
              <option value="">All machines</option>
              {options.cores.map((c) => (
                <option key={c} value={String(c)}>
                  {c} cores
                </option>
              ))}
            </select>
            <select
              aria-label="Group by"
              value={filters.group}
              onChange={(e) => updateFilters({ group: e.target.value as GroupKey })}
              className={toolbarFieldClass}
            >
              {GROUP_KEYS.map((g) => (
                <option key={g} value={g}>
                  {g ? `Group: ${GROUP_LABELS[g]}` : GROUP_LABELS[g]}
                </option>
              ))}
            </select>
            <select
              aria-label="Sort"
              value={filters.sort}
              onChange={(e) => updateFilters({ sort: e.target.value as OrgSortKey })}
              className={toolbarFieldClass}
            >
              {ORG_SORT_KEYS.map((s) => (
                <option key={s} value={s}>
                  Sort: {ORG_SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <SelectionBar
            count={selection.length}
            onStop={() => act(selection, 'stop')}
            onDelete={() => act(selection, 'delete')}
            onClear={() => setSelection(NO_SELECTION)}
            onSelectStale={(days) =>
              setSelection({ selected: new Set(staleStoppedCodespaces(codespaces, days, Date.now()).map((c) => c.name)), anchor: null })
            }
          />
        </>
      )}

      {query.isPending ? (
        <ListSkeleton />
      ) : error && !codespaces ? (
        <OrgError org={org} error={error} onRetry={() => query.refetch()} />
      ) : !codespaces || codespaces.length === 0 ? (
        <EmptyState icon={<Boxes className="size-10" />} title={`No codespaces in ${org}`}>
          When members create codespaces billed to {org}, they appear here.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState icon={<SearchX className="size-10" />} title="No codespaces match these filters">
          <Button className="mt-2" onClick={() => updateFilters({ q: '', state: '', member: '', repo: '', cores: '' })}>
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <OrgCodespaceTable rows={rows} now={now} selected={selected} onToggle={toggle} onToggleAll={toggleAll} allSelected={allSelected} />
      )}
      {plan && (
        <BulkActionDialog
          plan={plan}
          org={org}
          onClose={(finished) => {
            setPlan(null);
            if (finished) setSelection(NO_SELECTION);
          }}
        />
      )}
    </main>
  );
}

/** 403 and 404 mean different things here; both are explained, not just reported. */
export function OrgError({ org, error, onRetry }: { org: string; error: Error; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return (
      <EmptyState icon={<Lock className="size-10" />} title={`Only owners of ${org} can see its codespaces`}>
        <p>
          GitHub refused: “{error.facts.message ?? 'Forbidden'}”. You are a member of {org} but not one of its owners. Ask an owner to
          review the organisation’s codespaces, or to make you an owner.
        </p>
        <p className="mt-2">
          <Link href="/" className="text-sky-700 underline dark:text-sky-400">
            Back to your own codespaces
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState icon={<SearchX className="size-10" />} title={`No organization named ${org}`}>
        It does not exist, or you are not a member of it.
      </EmptyState>
    );
  }
  const { title, detail } = describeFailure(error);
  return (
    <Alert
      title={title}
      action={
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {detail}
    </Alert>
  );
}
