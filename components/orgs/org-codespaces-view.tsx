import { Boxes, SearchX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Figure } from '@/components/ui/figure';
import { OrgError, StillLoading } from '@/components/ui/states';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { SelectionBar, type SelectableListProps } from '@/components/codespaces/selection-bar';
import { clearedFilters, FiltersBar, type FilterOptions } from '@/components/lists/filters-bar';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { formatUsd, type LiveEstimate } from '@/lib/usage/domain/cost';
import type { MonthCost } from '@/lib/usage/domain/month-cost';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import type { AttentionItem } from '@/lib/orgs/domain/attention';
import { codespacesNeedingAttention } from '@/lib/attention/domain/rules';
import type { OrgFilters, OrgRow } from '@/lib/orgs/domain/org-view';
import { AttentionList } from './attention-list';
import { OrgCodespaceTable } from './org-codespace-table';
import { Page, PageHeader } from '@/components/layout/page';
import { OrgLinks } from './org-links';

export interface OrgCodespacesViewProps extends SelectableListProps {
  org: string;
  me: string;
  codespaces: readonly CodespaceSummary[] | undefined;
  total: number;
  complete: boolean;
  /** How many have arrived while the rest stream in (the list itself is replaced once, whole). */
  arrived?: number;
  /** The codespaces the filters show, sorted, and the same as table rows (with group headers). */
  shown: readonly CodespaceSummary[];
  rows: OrgRow<CodespaceSummary>[];
  memberCount: number;
  loading: boolean;
  error: Error | null;
  filters: OrgFilters;
  options: FilterOptions | null;
  estimate: LiveEstimate | null;
  attention: AttentionItem[];
  /** Each codespace's cost this month, by name, worked out when called (for the CSV only). */
  costsNow: () => ReadonlyMap<string, MonthCost>;
  now: number;
  onFiltersChange: (next: Partial<OrgFilters>) => void;
  onStop: (codespaces: CodespaceSummary[]) => void;
  onDelete: (codespaces: CodespaceSummary[]) => void;
  onRetry: () => void;
  /** Puts these codespaces into the bulk selection (the attention panel's "Select these"). */
  onSelectNames: (names: string[]) => void;
}

/** The organisation pages' links to each other, as buttons. */
/** An organisation's codespaces for its owners: who runs what, what it costs, what needs attention. */
export function OrgCodespacesView(props: OrgCodespacesViewProps) {
  const { org, codespaces, total, complete, shown, rows, error, filters, options, estimate, attention } = props;
  const count = complete && codespaces ? codespaces.length : total;
  return (
    <Page>
      <PageHeader
        eyebrow="Organization"
        title={`${org} codespaces`}
        description={
          codespaces && (
            <>
              {shown.length === count ? pluralize(count, 'codespace') : `Showing ${shown.length} of ${pluralize(count, 'codespace')}`}
              {' · '}
              {pluralize(props.memberCount, 'member')}
            </>
          )
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {codespaces && codespaces.length > 0 && (
              <CsvDownloadButton
                csv={async () => (await import('@/lib/codespaces/domain/csv')).orgCodespacesCsv(shown, props.costsNow())}
                filename={() => `${org}-codespaces-${new Date().toISOString().slice(0, 10)}.csv`}
              />
            )}
            <OrgLinks org={org} current="" />
          </div>
        }
      />

      {error && codespaces && (
        <ErrorAlert error={error} tone="warning">
          Showing what was last loaded.
        </ErrorAlert>
      )}

      {codespaces && codespaces.length > 0 && estimate && options && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Live cost estimate">
            <Figure label="Running now" value={`${estimate.running} · ${estimate.runningCores} cores`} />
            <Figure label="Compute, per hour" value={formatUsd(estimate.computePerHour)} />
            <Figure
              label="Storage, per month"
              value={formatUsd(estimate.storagePerMonth)}
              hint={`${formatUsd(estimate.stoppedStoragePerMonth)} of it on stopped codespaces`}
            />
            <Figure label="Needs attention" value={pluralize(codespacesNeedingAttention(attention), 'codespace')} />
          </dl>
          <AttentionList
            org={org}
            items={attention}
            me={props.me}
            onStop={(c) => props.onStop([c])}
            onDelete={(c) => props.onDelete([c])}
            onSelectGroup={props.onSelectNames}
          />
          <FiltersBar
            label="Filter organization codespaces"
            placeholder="Filter by name, member, repository, branch…"
            filters={filters}
            options={options}
            onChange={props.onFiltersChange}
          />
          <SelectionBar {...props.selection} />
        </>
      )}
      {codespaces && !complete && <StillLoading arrived={Math.max(props.arrived ?? 0, codespaces.length)} total={total} />}

      {props.loading ? (
        <ListSkeleton />
      ) : error && !codespaces ? (
        <OrgError org={org} error={error} onRetry={props.onRetry} />
      ) : !codespaces || codespaces.length === 0 ? (
        <EmptyState icon={<Boxes className="size-10" />} title={`No codespaces in ${org}`}>
          When members create codespaces billed to {org}, they appear here.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState icon={<SearchX className="size-10" />} title="No codespaces match these filters">
          <Button className="mt-2" onClick={() => props.onFiltersChange(clearedFilters(filters))}>
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <OrgCodespaceTable
          org={org}
          rows={rows}
          now={props.now}
          busy={!complete}
          selected={props.selected}
          onToggle={props.onToggle}
          onToggleAll={props.onToggleAll}
        />
      )}
    </Page>
  );
}
