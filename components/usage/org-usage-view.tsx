import dynamic from 'next/dynamic';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { Figure } from '@/components/ui/figure';
import { toolbarFieldClass } from '@/components/ui/field';
import { useEnteredBeforeHydration } from '@/components/ui/use-entered-before-hydration';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { OrgError } from '@/components/ui/states';
import { formatUsd, type LiveEstimate, type projectMonth } from '@/lib/usage/domain/cost';
import type { estimateMemberCosts } from '@/lib/usage/domain/member-estimate';
import { formatUsageQuantity, monthLabel, type RepoSkuRow } from '@/lib/usage/domain/org-usage';
import type { MemberCost } from '@/lib/usage/domain/usage-csv';
import { usageItemsToCsv, type Period, type summarizeUsage } from '@/lib/usage/domain/usage-report';
import { memberCostsCsv } from '@/lib/usage/domain/csv';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { SortableTable, type Column } from './sortable-table';
import { UsageCsvUpload, type ParsedUsageCsv } from './usage-csv-upload';
import { Page } from '@/components/layout/page';

// Charts are the heaviest code of the app: loaded only here, and only in the browser.
const chartFallback = () => <div className="h-72 animate-pulse rounded-xl bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800/60" />;
const DailyCostChart = dynamic(() => import('./usage-charts').then((m) => m.DailyCostChart), { ssr: false, loading: chartFallback });
const TopRepositoriesChart = dynamic(() => import('./usage-charts').then((m) => m.TopRepositoriesChart), {
  ssr: false,
  loading: chartFallback,
});
const MachineMixChart = dynamic(() => import('./usage-charts').then((m) => m.MachineMixChart), { ssr: false, loading: chartFallback });

const REPO_SKU_COLUMNS: Column<RepoSkuRow>[] = [
  { key: 'repository', label: 'Repository', value: (r) => r.repository },
  { key: 'sku', label: 'SKU', value: (r) => r.sku },
  {
    key: 'quantity',
    label: 'Quantity',
    value: (r) => r.quantity,
    render: (r) => formatUsageQuantity(r.quantity, r.unitType),
    numeric: true,
  },
  { key: 'net', label: 'Cost', value: (r) => r.net, render: (r) => formatUsd(r.net), numeric: true },
];

const MEMBER_COLUMNS: Column<MemberCost>[] = [
  { key: 'member', label: 'Member', value: (m) => m.member },
  {
    key: 'coreHours',
    label: 'Core-hours',
    value: (m) => m.coreHours,
    render: (m) => m.coreHours.toLocaleString('en-US', { maximumFractionDigits: 1 }),
    numeric: true,
  },
  { key: 'compute', label: 'Compute', value: (m) => m.compute, render: (m) => formatUsd(m.compute), numeric: true },
  { key: 'storage', label: 'Storage', value: (m) => m.storage, render: (m) => formatUsd(m.storage), numeric: true },
  { key: 'total', label: 'Total', value: (m) => m.total, render: (m) => formatUsd(m.total), numeric: true },
];

/** A codespace and its share of the month's report. */
interface CodespaceCostRow {
  codespace: CodespaceSummary;
  cost: MonthCost;
}

const CODESPACE_COLUMNS: Column<CodespaceCostRow>[] = [
  { key: 'name', label: 'Codespace', value: (r) => codespaceTitle(r.codespace) },
  { key: 'member', label: 'Member', value: (r) => r.codespace.owner.login },
  { key: 'repository', label: 'Repository', value: (r) => r.codespace.repository.full_name },
  { key: 'cores', label: 'Cores', value: (r) => r.codespace.machine?.cpus ?? 0, numeric: true },
  { key: 'compute', label: 'Compute', value: (r) => r.cost.compute, render: (r) => formatUsd(r.cost.compute), numeric: true },
  { key: 'storage', label: 'Storage', value: (r) => r.cost.storage, render: (r) => formatUsd(r.cost.storage), numeric: true },
  { key: 'total', label: 'Total', value: (r) => r.cost.total, render: (r) => formatUsd(r.cost.total), numeric: true },
];

export interface OrgUsageViewProps {
  org: string;
  months: string[];
  month: string;
  period: Period;
  loading: boolean;
  error: Error | null;
  summary: ReturnType<typeof summarizeUsage> | null;
  projection: ReturnType<typeof projectMonth> | null;
  /** The projection waits for last month's days (its last seven may reach into them). */
  projectionPending?: boolean;
  live: LiveEstimate | null;
  repositorySkuRows: RepoSkuRow[];
  members: MemberCost[] | null;
  estimate: ReturnType<typeof estimateMemberCosts> | null;
  /** Each current codespace's share of the month's report (the member estimate sums these). */
  byCodespace: CodespaceCostRow[] | null;
  exact: { fileName: string; members: MemberCost[] } | null;
  codespacesError: Error | null;
  onMonthChange: (month: string) => void;
  onRetry: () => void;
  onCsvParsed: (parsed: ParsedUsageCsv) => void;
}

/** An organisation's Codespaces usage and cost for a month: totals, charts, the report by repository and SKU, and by member. */
export function OrgUsageView({
  org,
  months,
  month,
  period,
  loading,
  error,
  summary,
  projection,
  projectionPending = false,
  live,
  repositorySkuRows,
  members,
  estimate,
  byCodespace,
  exact,
  codespacesError,
  onMonthChange,
  onRetry,
  onCsvParsed,
}: OrgUsageViewProps) {
  const periodRef = useEnteredBeforeHydration<HTMLSelectElement>(month, onMonthChange);
  return (
    <Page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            <Link href={`/orgs/${encodeURIComponent(org)}`} className="hover:underline">
              {org}
            </Link>
          </p>
          <h1 className="text-xl font-semibold tracking-tight">Codespaces usage and cost</h1>
        </div>
        <div className="flex items-center gap-2">
          <select
            aria-label="Period"
            ref={periodRef}
            value={month}
            onChange={(e) => onMonthChange(e.target.value)}
            className={toolbarFieldClass}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
          <CsvDownloadButton
            csv={() => usageItemsToCsv(summary?.items ?? [])}
            filename={`${org}-codespaces-usage-${month}.csv`}
            disabled={!summary?.items.length}
          />
        </div>
      </div>

      {loading ? (
        <ListSkeleton />
      ) : error ? (
        <OrgError org={org} error={error} onRetry={onRetry} />
      ) : summary ? (
        <>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-label="Totals">
            <Figure
              label={`Cost, ${monthLabel(month)}`}
              value={formatUsd(summary.total.net)}
              hint={summary.total.discount > 0 ? `after ${formatUsd(summary.total.discount)} of discounts` : undefined}
            />
            <Figure label="Compute" value={formatUsd(summary.total.compute)} />
            <Figure label="Storage" value={formatUsd(summary.total.storage)} />
            {projectionPending ? (
              <Figure label="Projected for the month" value="" waitingFor="last month’s report" />
            ) : projection ? (
              <Figure
                label="Projected for the month"
                value={formatUsd(projection.projected)}
                hint={`${formatUsd(projection.lastSevenDayAverage)} a day over the last 7 days`}
              />
            ) : (
              <Figure label="Days" value={`${period.from.slice(8)}–${period.to.slice(8)}`} />
            )}
            <Figure
              label="Running now"
              value={live ? `${formatUsd(live.computePerHour)}/h` : '…'}
              hint={live ? `${live.running} running; storage ${formatUsd(live.storagePerMonth)}/month` : undefined}
            />
          </dl>
          {summary.items.length === 0 ? (
            <Alert title={`No Codespaces usage in ${monthLabel(month)}`} tone="warning">
              GitHub’s report has no Codespaces items for this period.
            </Alert>
          ) : (
            <>
              <DailyCostChart days={summary.byDay} />
              <div className="grid gap-4 lg:grid-cols-2">
                <TopRepositoriesChart repositories={summary.byRepository} />
                <MachineMixChart skus={summary.bySku} />
              </div>
              <section aria-labelledby="by-repo-heading" className="flex flex-col gap-2">
                <h2 id="by-repo-heading" className="text-sm font-semibold">
                  By repository and SKU
                </h2>
                <SortableTable
                  label="Cost by repository and SKU"
                  rows={repositorySkuRows}
                  columns={REPO_SKU_COLUMNS}
                  initialSort="net"
                  rowKey={(r) => `${r.repository}|${r.sku}`}
                />
              </section>
            </>
          )}
          <section aria-labelledby="members-heading" className="flex flex-col gap-2">
            <h2 id="members-heading" className="text-sm font-semibold">
              By member{' '}
              {exact ? (
                <span className="font-normal text-emerald-700 dark:text-emerald-400">· exact, from {exact.fileName}</span>
              ) : (
                <span className="font-normal text-zinc-600 dark:text-zinc-400">· estimated</span>
              )}
            </h2>
            {!exact && (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                GitHub’s report names repositories, not people. Each repository’s cost is spread over its members’ codespaces of the billed
                machine size, by cores (compute) and disk (storage).
                {estimate &&
                  estimate.unattributed > 0 &&
                  ` ${formatUsd(estimate.unattributed)} matches no current codespace and is left out.`}
              </p>
            )}
            {members ? (
              <>
                <SortableTable
                  label="Cost by member"
                  rows={members}
                  columns={MEMBER_COLUMNS}
                  initialSort="total"
                  rowKey={(m) => m.member}
                />
                <CsvDownloadButton
                  size="sm"
                  className="self-start"
                  csv={() => memberCostsCsv(members)}
                  filename={`${org}-codespaces-cost-by-member-${month}${exact ? '' : '-estimated'}.csv`}
                  aria-describedby="members-heading"
                />
              </>
            ) : codespacesError ? (
              <Alert title="Per-member figures need the organisation’s codespaces" tone="warning">
                {codespacesError.message}
              </Alert>
            ) : null}
            <UsageCsvUpload onParsed={onCsvParsed} />
          </section>
          {byCodespace && byCodespace.length > 0 && (
            <section aria-labelledby="codespaces-cost-heading" className="flex flex-col gap-2">
              <h2 id="codespaces-cost-heading" className="text-sm font-semibold">
                By codespace <span className="font-normal text-zinc-600 dark:text-zinc-400">· estimated</span>
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{COST_BASIS_EXPLAINED.report}</p>
              <SortableTable
                label="Cost by codespace"
                rows={byCodespace}
                columns={CODESPACE_COLUMNS}
                initialSort="total"
                rowKey={(r) => r.codespace.name}
              />
            </section>
          )}
        </>
      ) : null}
    </Page>
  );
}
