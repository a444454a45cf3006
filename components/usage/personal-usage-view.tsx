import { Alert } from '@/components/ui/alert';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { Figure } from '@/components/ui/figure';
import { toolbarFieldClass } from '@/components/ui/field';
import { useEnteredBeforeHydration } from '@/components/ui/use-entered-before-hydration';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { StateBadge } from '@/components/codespaces/state-badge';
import { describeFailure } from '@/lib/transport/errors';
import { computeCostPerHour, formatUsd, monthDays, runsOutInWords, storageCostPerMonth } from '@/lib/usage/domain/cost';
import type { CodespacesMonthUsage, PayerShare, PersonalFigures } from '@/lib/usage/domain/personal-usage';
import { PERSONAL_QUOTAS, type PersonalPlan } from '@/lib/usage/domain/prices';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import { personalUsageCsv } from '@/lib/usage/domain/csv';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost';
import { SortableTable, type Column } from './sortable-table';
import { Page } from '@/components/layout/page';

/** The table's columns: what each codespace costs an hour and a month, and what it has cost this month (an estimate, with why). */
function columns({ costs, pending }: MonthCostsView): Column<CodespaceSummary>[] {
  return [
    { key: 'name', label: 'Codespace', value: (c) => codespaceTitle(c) },
    { key: 'state', label: 'State', value: (c) => c.state, render: (c) => <StateBadge state={c.state} /> },
    { key: 'cores', label: 'Cores', value: (c) => c.machine?.cpus ?? 0, numeric: true },
    {
      key: 'hour',
      label: 'Compute per hour running',
      value: (c) => computeCostPerHour(c),
      render: (c) => formatUsd(computeCostPerHour(c)),
      numeric: true,
    },
    {
      key: 'storage',
      label: 'Storage per month',
      value: (c) => storageCostPerMonth(c),
      render: (c) => formatUsd(storageCostPerMonth(c)),
      numeric: true,
    },
    {
      key: 'month',
      label: 'Cost this month (est.)',
      value: (c) => costs.get(c.name)?.total ?? 0,
      render: (c) => {
        const cost = costs.get(c.name);
        if (pending) return <span className="inline-block h-3 w-12 animate-pulse rounded bg-zinc-200 align-middle dark:bg-zinc-800" />;
        return cost ? (
          <span title={COST_BASIS_EXPLAINED[cost.basis]} data-cost={cost.total.toFixed(2)}>
            {formatUsd(cost.total)}
          </span>
        ) : (
          '—'
        );
      },
      numeric: true,
    },
  ];
}

/** Each codespace's cost this month, and whether GitHub's report (which may change them) is on its way. */
interface MonthCostsView {
  costs: ReadonlyMap<string, MonthCost>;
  pending: boolean;
}

const MONTH_NAMES = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export interface PersonalUsageViewProps {
  plan: PersonalPlan;
  today: Date;
  /** The user's codespaces: still loading, or failed with nothing to show. */
  loading: boolean;
  error: Error | null;
  /** GitHub's usage report for the month: on its way, refused, absent (null) or read. */
  report: { pending: boolean; error: unknown; usage: CodespacesMonthUsage | null };
  /** The codespaces billed to the user, and the month against the quota from them. */
  own: CodespaceSummary[];
  figures: PersonalFigures | null;
  /** Codespaces of the user's that others pay for, by payer: not in the quota. */
  others: PayerShare<CodespaceSummary>[];
  monthCosts: MonthCostsView;
  /** Core-hours used this month, as typed (asked for only when GitHub's report cannot say). */
  typedCoreHours: string;
  onPlanChange: (plan: PersonalPlan) => void;
  onTypedCoreHoursChange: (value: string) => void;
}

/**
 * The user's usage against a personal account's included quota, with the day it runs out at the
 * current pace. Only what the user pays for counts: codespaces an organisation pays for are shown
 * apart, by payer. Renders props only; the page reads and computes (components/usage/personal-usage-page.tsx).
 */
export function PersonalUsageView(props: PersonalUsageViewProps) {
  const { plan, today, report, figures, own } = props;
  const quota = PERSONAL_QUOTAS[plan];
  const { left } = monthDays(today);
  const fromGithub = report.usage;
  // Figures GitHub's report will replace wait for it rather than jump.
  const waiting = report.pending ? 'GitHub’s usage report' : undefined;
  const planRef = useEnteredBeforeHydration<HTMLSelectElement>(plan, (picked) => props.onPlanChange(picked as PersonalPlan));

  return (
    <Page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Your usage</h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {report.pending
              ? 'Asking GitHub for your usage this month; what runs now is shown meanwhile.'
              : fromGithub
                ? `This month’s usage and cost come from GitHub’s billing usage report; the pace is estimated from your codespaces now.`
                : 'Estimated from your codespaces now, at GitHub’s published prices.'}{' '}
            {left} days left this month.
          </p>
        </div>
        <select
          aria-label="Your GitHub plan"
          ref={planRef}
          value={plan}
          onChange={(e) => props.onPlanChange(e.target.value as PersonalPlan)}
          className={`${toolbarFieldClass} max-w-full`}
        >
          {/* The plan's name only: a menu clips what does not fit (the quota did not, on a phone), and the
              figures below say what the plan includes. */}
          {(Object.keys(PERSONAL_QUOTAS) as PersonalPlan[]).map((p) => (
            <option key={p} value={p}>
              {PERSONAL_QUOTAS[p].label}
            </option>
          ))}
        </select>
      </div>

      {props.loading ? (
        <ListSkeleton />
      ) : props.error && !figures ? (
        <Alert title={describeFailure(props.error).title}>{describeFailure(props.error).detail}</Alert>
      ) : figures ? (
        <>
          <UsageSource report={report} month={MONTH_NAMES.format(today)} quota={quota} />
          <section aria-labelledby="billed-to-you-heading" className="flex flex-col gap-2">
            <h2 id="billed-to-you-heading" className="text-sm font-semibold">
              Billed to you
              <span className="ml-1.5 font-normal text-zinc-600 dark:text-zinc-400">
                ({pluralize(own.length, 'codespace')}: what counts against your {quota.label} quota)
              </span>
            </h2>
            <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Now">
              <Figure
                label="Running now"
                value={`${figures.live.running} · ${figures.live.runningCores} cores`}
                hint={`${formatUsd(figures.live.computePerHour)} an hour beyond the quota`}
              />
              <Figure
                label="Storage kept"
                value={`${figures.live.storageGb.toFixed(0)} GB`}
                hint={`${formatUsd(figures.live.storagePerMonth)} a month beyond the quota`}
              />
              <Figure
                label="Storage quota runs out"
                waitingFor={waiting}
                value={runsOutInWords(figures.storageRunsOut, today)}
                hint={`${figures.storageUsed.toFixed(1)} of ${quota.storageGbMonths} GB-months used so far (${fromGithub ? 'from GitHub' : 'estimated'})`}
              />
              <Figure
                label="Compute quota runs out"
                waitingFor={waiting}
                value={figures.computePerDay > 0 ? runsOutInWords(figures.computeRunsOut, today) : 'Nothing running'}
                hint={
                  figures.computePerDay > 0
                    ? `if what runs now keeps running (${figures.computePerDay} core-hours a day${fromGithub ? `, after ${figures.coreHours} used` : ''})`
                    : `${quota.coreHours} core-hours included`
                }
              />
            </dl>
          </section>
          {!fromGithub && !report.pending && (
            <label className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              Core-hours already used this month (from your GitHub billing page)
              <input
                inputMode="decimal"
                value={props.typedCoreHours}
                onChange={(e) => props.onTypedCoreHoursChange(e.target.value.replace(/[^\d.]/g, ''))}
                placeholder="0"
                className={`${toolbarFieldClass} w-24`}
              />
            </label>
          )}
          {props.others.length > 0 && <BilledToOthers others={props.others} />}
          {own.length > 0 && (
            <>
              <SortableTable
                label="Cost of each codespace"
                rows={own}
                columns={columns(props.monthCosts)}
                initialSort="month"
                rowKey={(c) => c.name}
              />
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Cost this month:{' '}
                {own.some((c) => props.monthCosts.costs.get(c.name)?.basis === 'report')
                  ? COST_BASIS_EXPLAINED.report
                  : COST_BASIS_EXPLAINED.record}
              </p>
              <CsvDownloadButton
                size="sm"
                className="self-start"
                csv={() => personalUsageCsv(own, props.monthCosts.costs)}
                filename={`hangar-usage-${today.toISOString().slice(0, 10)}.csv`}
              />
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}

/** Codespaces of the user's that an organisation (or another account) pays for: on its bill, not the user's. */
function BilledToOthers({ others }: { others: PayerShare<CodespaceSummary>[] }) {
  return (
    <section
      aria-labelledby="billed-to-others-heading"
      className="flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="billed-to-others-heading" className="font-semibold">
        Paid for by others
        <span className="ml-1.5 font-normal text-zinc-600 dark:text-zinc-400">(on their bill: not counted in your quota)</span>
      </h2>
      <ul className="flex flex-col gap-1.5">
        {others.map(({ payer, codespaces, estimate }) => (
          <li key={payer} data-payer={payer}>
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">Billed to {payer}:</span> {pluralize(codespaces.length, 'codespace')}
                {estimate.running > 0
                  ? `, ${estimate.running} running (${estimate.runningCores} cores, ${formatUsd(estimate.computePerHour)} an hour)`
                  : ', none running'}
                , {estimate.storageGb.toFixed(0)} GB stored ({formatUsd(estimate.storagePerMonth)} a month)
              </summary>
              <ul className="mt-1 ml-5 list-disc text-zinc-700 dark:text-zinc-300">
                {codespaces.map((c) => (
                  <li key={c.name}>
                    {codespaceTitle(c)}{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">
                      · {c.repository.full_name} · {c.state}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Where this month's figures come from: GitHub's report (compute, storage and cost as GitHub
 * counts them), or the estimate, with why.
 */
function UsageSource({
  report,
  month,
  quota,
}: {
  report: PersonalUsageViewProps['report'];
  month: string;
  quota: { coreHours: number; storageGbMonths: number; label: string };
}) {
  const { pending, error, usage } = report;
  if (pending) {
    return (
      <section aria-labelledby="github-usage-heading" aria-busy="true" className="flex flex-col gap-2">
        <h2 id="github-usage-heading" className="text-sm font-semibold">
          {month}, from GitHub’s billing usage report
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" aria-label="This month, from GitHub">
          {['Compute used', 'Storage used', 'Billed so far'].map((label) => (
            <Figure key={label} label={label} value="" waitingFor="GitHub’s usage report" />
          ))}
        </dl>
      </section>
    );
  }
  if (error) {
    return (
      <Alert title="GitHub’s usage report could not be read" tone="warning">
        {describeFailure(error).detail} The figures below are estimated from your codespaces.
      </Alert>
    );
  }
  if (!usage) {
    return (
      <p className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
        GitHub has no usage report for your account (it answered 404: the account is not on GitHub’s current billing platform yet), so the
        figures below are estimated from your codespaces and GitHub’s published prices.
      </p>
    );
  }
  return (
    <section aria-labelledby="github-usage-heading" className="flex flex-col gap-2">
      <h2 id="github-usage-heading" className="text-sm font-semibold">
        {month}, from GitHub’s billing usage report
        <span className="ml-1.5 font-normal text-zinc-600 dark:text-zinc-400">
          (what is billed to your own account; codespaces billed to an organization are on its bill)
        </span>
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" aria-label="This month, from GitHub">
        <Figure
          label="Compute used"
          value={`${usage.coreHours.toLocaleString('en-US')} core-hours`}
          hint={`of ${quota.coreHours} included with ${quota.label}`}
        />
        <Figure
          label="Storage used"
          value={`${usage.storageGbMonths.toLocaleString('en-US', { maximumFractionDigits: 1 })} GB-months`}
          hint={`of ${quota.storageGbMonths} included with ${quota.label}`}
        />
        <Figure
          label="Billed so far"
          value={formatUsd(usage.netAmount)}
          hint={
            usage.discountAmount > 0
              ? `${formatUsd(usage.grossAmount)} of usage, ${formatUsd(usage.discountAmount)} of it included or discounted`
              : 'GitHub applied no included usage or discount'
          }
        />
      </dl>
    </section>
  );
}
