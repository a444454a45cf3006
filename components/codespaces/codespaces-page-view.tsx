import type { Ref } from 'react';
import Link from 'next/link';
import { Icon } from '@/components/ui/icon';
import { MyAttentionList } from '@/components/attention/my-attention-list';
import dynamic from 'next/dynamic';
import { Button, buttonClass } from '@/components/ui/button';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { StillLoading } from '@/components/ui/still-loading';
import { FiltersBar, clearedFilters, type FilterOptions } from '@/components/lists/filters-bar';
import type { PersonalAttentionItem } from '@/lib/attention/domain/personal';
import type { FleetSummary as Summary, ListFilters } from '@/lib/codespaces/domain/list-view';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import type { MonthCost } from '@/lib/usage/domain/month-cost-basis';
import { CodespaceList } from './codespace-list';
import { FleetSummary } from './fleet-summary';
import { ListSkeleton } from './list-skeleton';
import { SelectionBar, type SelectableListProps } from './selection-bar';
import { Page } from '@/components/layout/page';
import type { PowerProps } from './power-button';

// Shown only when single sign-on hid something.
const SsoPartialNotice = dynamic(() => import('@/components/github/sso-partial-notice').then((m) => m.SsoPartialNotice));

export interface CodespacesPageViewProps extends SelectableListProps, PowerProps {
  /** Every codespace that has arrived (undefined: nothing yet). */
  codespaces: readonly CodespaceSummary[] | undefined;
  /** How many GitHub says there are in all, and whether every page is in. */
  total: number;
  complete: boolean;
  /**
   * When the list is what Hangar's store held, shown while GitHub is asked again: how old it is
   * in words ("2 minutes ago"). Null for a list read afresh.
   */
  storedAge?: string | null;
  /** The rows the filters show, sorted. */
  rows: CodespaceSummary[];
  loading: boolean;
  error: Error | null;
  filters: ListFilters;
  options: FilterOptions | null;
  summary: Summary | null;
  /** Each codespace's cost this month, by name, and whether GitHub's billing report (which may change them) is on its way. */
  costs: ReadonlyMap<string, MonthCost>;
  costsPending: boolean;
  /** GitHub's web host, for links to what is on GitHub (a codespace's pull request). */
  githubWebUrl: string | null;
  /** My own "needs attention": work about to be deleted, forgotten running codespaces, failures, storage only. */
  attention: PersonalAttentionItem<CodespaceSummary>[];
  /** Said when a codespace acted on left the filtered view ("Stopping X: it left this filtered view."). */
  leftViewNotice?: string | null;
  /** GitHub's `X-GitHub-SSO` on the list (some codespaces hidden by single sign-on), with the organisations to name. */
  sso: { header: string; organizations: readonly { id: number; login: string }[]; webUrl: string } | null;
  /** The keyboard's row (j/k), and the text filter's input (/). */
  cursor: string | null;
  searchRef?: Ref<HTMLInputElement>;
  onShowShortcuts: () => void;
  onExport: (codespace: CodespaceSummary) => void;
  onStop: (codespace: CodespaceSummary) => void;
  onDelete: (codespace: CodespaceSummary) => void;
  onFiltersChange: (next: Partial<ListFilters>) => void;
  onRetry: () => void;
  /** Puts these codespaces into the bulk selection (the attention panel's "Select these"). */
  onSelectNames: (names: string[]) => void;
}

/** The dashboard's home, as it looks for the data given: every codespace, filterable, with Start and Stop one click away. */
export function CodespacesPageView(props: CodespacesPageViewProps) {
  const { codespaces, total, complete, rows, loading, error, filters, options, summary } = props;
  // Once every page is in, the list itself is the count; until then, GitHub's.
  const count = complete && codespaces ? codespaces.length : total;
  const shownCount = rows.length === count ? pluralize(count, 'codespace') : `Showing ${rows.length} of ${pluralize(count, 'codespace')}`;
  return (
    <Page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Your codespaces</h1>
          {codespaces && (
            <p className="mt-0.5 truncate text-sm text-zinc-600 dark:text-zinc-400">
              {shownCount}
              {/* In the count's line, not a line of its own: the rows stay where they are when it goes. */}
              {complete && props.storedAge && <FromStore age={props.storedAge} />}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {codespaces && codespaces.length > 0 && (
            <>
              {/* Keyboard shortcuts mean nothing on a phone. */}
              <Button variant="ghost" onClick={props.onShowShortcuts} aria-keyshortcuts="?" className="max-sm:hidden">
                <Icon name="keyboard" className="size-4" /> Shortcuts
              </Button>
              <CsvDownloadButton
                csv={async () => (await import('@/lib/codespaces/domain/csv')).myCodespacesCsv(rows, props.costs)}
                filename={() => `hangar-codespaces-${new Date().toISOString().slice(0, 10)}.csv`}
              />
            </>
          )}
          <Link href="/codespaces/new" className={buttonClass('primary')}>
            <Icon name="plus" className="size-4" /> New codespace
          </Link>
        </div>
      </div>

      {error && codespaces && (
        <ErrorAlert error={error} fallbackTitle="Could not load your codespaces" tone="warning">
          Showing what was last loaded.
        </ErrorAlert>
      )}
      {props.sso && <SsoPartialNotice ssoHeader={props.sso.header} organizations={props.sso.organizations} webUrl={props.sso.webUrl} />}
      {codespaces && codespaces.length > 0 && (
        <MyAttentionList
          items={props.attention}
          onExport={props.onExport}
          onStop={props.onStop}
          onDelete={props.onDelete}
          pendingNames={props.pendingNames}
          onSelectGroup={props.onSelectNames}
        />
      )}

      {codespaces && codespaces.length > 0 && summary && options && (
        <>
          <FleetSummary summary={summary} activeState={filters.state} onSelectState={(state) => props.onFiltersChange({ state })} />
          <FiltersBar
            label="Filter codespaces"
            placeholder="Filter by name, repository, branch, machine…"
            filters={filters}
            options={options}
            onChange={props.onFiltersChange}
            searchRef={props.searchRef}
          />
          <SelectionBar {...props.selection} />
          {/* A live region, always there so screen readers hear what is put in it (not a `status`: the
              list's loading note is that). */}
          <p
            aria-live="polite"
            className={
              props.leftViewNotice
                ? 'flex items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100'
                : 'sr-only'
            }
          >
            {props.leftViewNotice && <Icon name="info" className="size-4 shrink-0" />}
            {props.leftViewNotice}
          </p>
        </>
      )}
      {codespaces && !complete && <StillLoading arrived={codespaces.length} total={total} />}

      {loading ? (
        <ListSkeleton />
      ) : error && !codespaces ? (
        <ErrorAlert error={error} fallbackTitle="Could not load your codespaces" onRetry={props.onRetry} />
      ) : !codespaces || codespaces.length === 0 ? (
        <EmptyState icon={<Icon name="boxes" className="size-10" />} title="No codespaces yet">
          Codespaces you create on GitHub, or here, show up in this list with their state, branch and machine.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState icon={<Icon name="search-x" className="size-10" />} title="No codespaces match these filters">
          <Button className="mt-2" onClick={() => props.onFiltersChange(clearedFilters(filters))}>
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <CodespaceList
          codespaces={rows}
          total={total}
          busy={!complete}
          costs={props.costs}
          costsPending={props.costsPending}
          githubWebUrl={props.githubWebUrl}
          selected={props.selected}
          cursor={props.cursor}
          onToggle={props.onToggle}
          onToggleAll={props.onToggleAll}
          onPower={props.onPower}
          pendingNames={props.pendingNames}
        />
      )}
    </Page>
  );
}

/** A returning user's list, shown from Hangar's store at once: say how old it is while GitHub is asked again. */
function FromStore({ age }: { age: string }) {
  return <span role="status"> · as of {age}: checking with GitHub for changes</span>;
}
