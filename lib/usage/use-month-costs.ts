'use client';

import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { accountMonthCosts, billingMonthOf, type CostInputs, type MonthCost } from './domain/month-cost';
import type { UsageItem } from './domain/usage-report';
import { getMyBillingUsageQuery, getOrgBillingUsageQuery } from './queries';

interface MonthCostsState {
  /** Each codespace's cost this month, by name. */
  costs: ReadonlyMap<string, MonthCost>;
  /** GitHub's report is on its way: figures from it may replace the estimates from the codespaces' records. */
  reportPending: boolean;
}

const NONE: ReadonlyMap<string, MonthCost> = new Map();

/**
 * The signed-in user's codespaces' cost this month: attributed from their billing usage report
 * (where GitHub has one) for what is billed to them, estimated from the record for the rest.
 * Computed once per data change (the list, the report, the minute), never per render.
 */
export function useMyMonthCosts(codespaces: readonly CostInputs[] | undefined, login: string): MonthCostsState {
  const now = useMinuteClock();
  const { year, month } = billingMonthOf(now);
  const enabled = Boolean(codespaces && login);
  const report = useQuery({ ...getMyBillingUsageQuery(login, year, month), enabled });
  return useCosts(codespaces, login, report.data ?? null, now, enabled && report.isPending);
}

/**
 * An organisation's codespaces' cost this month, for its owners, worked out when asked (`costsNow`):
 * attributed from the organisation's billing usage report (the usage page's, the same query),
 * estimated from the record where it cannot be read. The organisation view shows no cost per row,
 * only its CSV does: working them out for 10,000 codespaces on every render of a list still
 * streaming (and every minute) took ~70% of its render time, for a file nobody had asked for.
 */
export function useOrgMonthCostsOnDemand(codespaces: readonly CostInputs[] | undefined, org: string): () => ReadonlyMap<string, MonthCost> {
  const { year, month } = billingMonthOf(useMinuteClock());
  const report = useQuery({ ...getOrgBillingUsageQuery(org, year, month), enabled: Boolean(codespaces) });
  const items = report.data ?? null;
  return useCallback(() => (codespaces ? accountMonthCosts(codespaces, org, items, Date.now()) : NONE), [codespaces, org, items]);
}

function useCosts(
  codespaces: readonly CostInputs[] | undefined,
  account: string,
  items: readonly UsageItem[] | null,
  now: number,
  reportPending: boolean,
): MonthCostsState {
  const costs = useMemo(() => {
    if (!codespaces) return NONE;
    return accountMonthCosts(codespaces, account, items, now);
  }, [codespaces, items, account, now]);
  return { costs, reportPending };
}
