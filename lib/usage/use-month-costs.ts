'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { lazyModule } from '@/lib/hooks/use-lazy-module';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import type { CostInputs } from './domain/month-cost';
import { billingMonthOf, type MonthCost } from './domain/month-cost-basis';
import type { UsageItem } from './domain/usage-report';
import { getMyBillingUsageQuery } from './queries';

interface MonthCostsState {
  /** Each codespace's cost this month, by name. */
  costs: ReadonlyMap<string, MonthCost>;
  /** GitHub's report is on its way: figures from it may replace the estimates from the codespaces' records. */
  reportPending: boolean;
}

const NONE: ReadonlyMap<string, MonthCost> = new Map();

/**
 * The cost rules (month-cost.ts with the SKU prices and the report's attribution), loaded after the
 * first paint rather than in `/`'s first-load JS: the figures wait for GitHub's report anyway, which
 * comes later, and until both are in they are said to be pending.
 */
const useCostRules = lazyModule(() => import('./domain/month-cost'));

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

function useCosts(
  codespaces: readonly CostInputs[] | undefined,
  account: string,
  items: readonly UsageItem[] | null,
  now: number,
  reportPending: boolean,
): MonthCostsState {
  const rules = useCostRules();
  const costs = useMemo(
    () => (codespaces && rules ? rules.accountMonthCosts(codespaces, account, items, now) : NONE),
    [rules, codespaces, items, account, now],
  );
  // Until the rules are in, the figures are as pending as GitHub's report.
  return { costs, reportPending: reportPending || (Boolean(codespaces) && !rules) };
}
