'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import { Alert } from '@/components/ui/alert';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { Figure } from '@/components/ui/figure';
import { toolbarFieldClass } from '@/components/ui/field';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { StateBadge } from '@/components/codespaces/state-badge';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError, describeFailure } from '@/lib/api/client';
import {
  computeCostPerHour,
  formatUsd,
  liveEstimate,
  monthDays,
  quotaRunsOut,
  runsOutInWords,
  storageCostPerMonth,
} from '@/lib/billing/cost';
import { HOURS_PER_MONTH, PERSONAL_QUOTAS, type PersonalPlan } from '@/lib/billing/prices';
import { personalUsageCsv } from '@/lib/csv/usage';
import { codespaceTitle, stateTone } from '@/lib/codespaces/state';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useQuery } from '@tanstack/react-query';
import { codespacesMonthUsage, type CodespacesMonthUsage } from '@/lib/billing/personal-usage';
import { myUsageSummaryQuery } from '@/lib/queries/billing';
import { codespaceListQuery } from '@/lib/queries/codespaces';
import { SortableTable, type Column } from './sortable-table';
import { Page } from '@/components/layout/page';

const PLAN_KEY = 'hangar.personal-plan';
const GB = 1024 ** 3;
const HOUR_MS = 60 * 60 * 1000;

const COLUMNS: Column<CodespaceSummary>[] = [
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
];

/** The chosen plan lives in this browser (a setting, not a secret), shared by every tab. */
function readPlan(): PersonalPlan {
  const stored = window.localStorage.getItem(PLAN_KEY);
  return stored === 'pro' ? 'pro' : 'free';
}
function subscribePlan(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

const MONTH_NAMES = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The user's own codespaces against a personal account's included quota, with the day it runs out
 * at the current pace. Where GitHub's current billing platform has the account's usage, this
 * month's compute, storage and cost come from GitHub; otherwise they are estimated, and it says so.
 */
export function PersonalUsagePage({ login }: { login: string }) {
  const query = useQuery(codespaceListQuery());
  const plan = useSyncExternalStore(subscribePlan, readPlan, () => 'free' as const);
  const [usedCoreHours, setUsedCoreHours] = useState('');
  const choosePlan = (next: PersonalPlan) => {
    window.localStorage.setItem(PLAN_KEY, next);
    window.dispatchEvent(new StorageEvent('storage', { key: PLAN_KEY }));
  };

  const today = useMemo(() => new Date(), []);
  const quota = PERSONAL_QUOTAS[plan];
  const summary = useQuery(myUsageSummaryQuery(login, today.getUTCFullYear(), today.getUTCMonth() + 1));
  const fromGithub = useMemo(() => (summary.data ? codespacesMonthUsage(summary.data.usageItems) : null), [summary.data]);
  const figures = useMemo(() => {
    const codespaces = (query.data?.items ?? []).filter((c) => stateTone(c.state) !== 'gone');
    const live = liveEstimate(codespaces);
    const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
    // GB-months so far: each disk, for the hours it has existed this month.
    const estimatedStorage = codespaces.reduce((sum, c) => {
      const since = Math.max(monthStart, Date.parse(c.created_at));
      return sum + ((c.machine?.storage_in_bytes ?? 0) / GB) * (Math.max(0, today.getTime() - since) / HOUR_MS / HOURS_PER_MONTH);
    }, 0);
    const storagePerDay = (live.storageGb * 24) / HOURS_PER_MONTH;
    const computePerDay = live.runningCores * 24;
    // GitHub's own figures where it has them; the estimate (and what the user typed) otherwise.
    const coreHours = fromGithub ? fromGithub.coreHours : Number(usedCoreHours) || 0;
    const storageUsed = fromGithub ? fromGithub.storageGbMonths : estimatedStorage;
    return {
      live,
      count: codespaces.length,
      coreHours,
      storageUsed,
      storageRunsOut: quotaRunsOut(storageUsed, storagePerDay, quota.storageGbMonths, today),
      computeRunsOut: quotaRunsOut(coreHours, computePerDay, quota.coreHours, today),
      computePerDay,
      codespaces,
    };
  }, [query.data, quota, today, usedCoreHours, fromGithub]);

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;
  const { left } = monthDays(today);

  return (
    <Page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Your usage</h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {fromGithub
              ? `This month’s usage and cost come from GitHub’s billing usage report; the pace is estimated from your codespaces now.`
              : 'Estimated from your codespaces now, at GitHub’s published prices.'}{' '}
            {left} days left this month.
          </p>
        </div>
        <select
          aria-label="Your GitHub plan"
          value={plan}
          onChange={(e) => choosePlan(e.target.value as PersonalPlan)}
          className={`${toolbarFieldClass} max-w-full`}
        >
          {(Object.keys(PERSONAL_QUOTAS) as PersonalPlan[]).map((p) => (
            <option key={p} value={p}>
              {PERSONAL_QUOTAS[p].label}: {PERSONAL_QUOTAS[p].coreHours} core-hours, {PERSONAL_QUOTAS[p].storageGbMonths} GB-months
            </option>
          ))}
        </select>
      </div>

      {query.isPending ? (
        <ListSkeleton />
      ) : query.error && !query.data ? (
        <Alert title={describeFailure(query.error).title}>{describeFailure(query.error).detail}</Alert>
      ) : (
        <>
          <UsageSource
            pending={summary.isPending}
            error={summary.error}
            usage={fromGithub}
            month={MONTH_NAMES.format(today)}
            quota={quota}
          />
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
              value={runsOutInWords(figures.storageRunsOut, today)}
              hint={`${figures.storageUsed.toFixed(1)} of ${quota.storageGbMonths} GB-months used so far (${fromGithub ? 'from GitHub' : 'estimated'})`}
            />
            <Figure
              label="Compute quota runs out"
              value={figures.computePerDay > 0 ? runsOutInWords(figures.computeRunsOut, today) : 'Nothing running'}
              hint={
                figures.computePerDay > 0
                  ? `if what runs now keeps running (${figures.computePerDay} core-hours a day${fromGithub ? `, after ${figures.coreHours} used` : ''})`
                  : `${quota.coreHours} core-hours included`
              }
            />
          </dl>
          {!fromGithub && (
            <label className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              Core-hours already used this month (from your GitHub billing page)
              <input
                inputMode="decimal"
                value={usedCoreHours}
                onChange={(e) => setUsedCoreHours(e.target.value.replace(/[^\d.]/g, ''))}
                placeholder="0"
                className={`${toolbarFieldClass} w-24`}
              />
            </label>
          )}
          {figures.codespaces.length > 0 && (
            <>
              <SortableTable
                label="Cost of each codespace"
                rows={figures.codespaces}
                columns={COLUMNS}
                initialSort="storage"
                rowKey={(c) => c.name}
              />
              <CsvDownloadButton
                size="sm"
                className="self-start"
                csv={() => personalUsageCsv(figures.codespaces)}
                filename={`hangar-usage-${today.toISOString().slice(0, 10)}.csv`}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}

/**
 * Where this month's figures come from: GitHub's report (compute, storage and cost as GitHub
 * counts them), or the estimate, with why.
 */
function UsageSource({
  pending,
  error,
  usage,
  month,
  quota,
}: {
  pending: boolean;
  error: unknown;
  usage: CodespacesMonthUsage | null;
  month: string;
  quota: { coreHours: number; storageGbMonths: number; label: string };
}) {
  if (pending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Asking GitHub for your usage this month…</p>;
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
