'use client';

import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { accountMonthCosts, billingMonthOf, type CostInputs, type MonthCost } from './domain/month-cost';
import { getOrgBillingUsageQuery } from './queries';

const NONE: ReadonlyMap<string, MonthCost> = new Map();

/**
 * An organisation's codespaces' cost this month, for its owners, worked out when asked (`costsNow`):
 * attributed from the organisation's billing usage report (the usage page's, the same query),
 * estimated from the record where it cannot be read. The organisation view shows no cost per row,
 * only its CSV does: working them out for 10,000 codespaces on every render of a list still
 * streaming (and every minute) took ~70% of its render time, for a file nobody had asked for.
 * Apart from use-month-costs.ts, which `/` loads: this imports the cost rules as they are.
 */
export function useOrgMonthCostsOnDemand(codespaces: readonly CostInputs[] | undefined, org: string): () => ReadonlyMap<string, MonthCost> {
  const { year, month } = billingMonthOf(useMinuteClock());
  const report = useQuery({ ...getOrgBillingUsageQuery(org, year, month), enabled: Boolean(codespaces) });
  const items = report.data ?? null;
  return useCallback(() => (codespaces ? accountMonthCosts(codespaces, org, items, Date.now()) : NONE), [codespaces, org, items]);
}
