import { queryOptions } from '@tanstack/react-query';
import { usage, type UsageApi } from './api';

/** Query options for billing usage, each named as its GitHub operation, with its key in `usageKeys`. */

const usageKeys = {
  getOrgBillingUsage: (org: string, year: number, month: number | null) => ['orgs', org, 'usage', year, month] as const,
  getMyBillingUsage: (username: string, year: number, month: number) => ['billing', 'user', username, 'items', year, month] as const,
  getMyBillingUsageSummary: (username: string, year: number, month: number) => ['billing', 'user', username, year, month] as const,
};

/** The organisation's billing usage report for a year (or one month of it). */
export function getOrgBillingUsageQuery(org: string, year: number, month: number | null) {
  return queryOptions({
    queryKey: usageKeys.getOrgBillingUsage(org, year, month),
    queryFn: ({ signal }) => usage.getOrgBillingUsage(org, year, month, signal),
    staleTime: 10 * 60_000,
  });
}

/**
 * The month's usage totals per SKU from GitHub's current billing platform; null when GitHub has
 * none for this account (it answers 404 to accounts still on the legacy platform).
 */
export function getMyBillingUsageSummaryQuery(username: string, year: number, month: number) {
  return queryOptions({
    queryKey: usageKeys.getMyBillingUsageSummary(username, year, month),
    queryFn: ({ signal }) => usage.getMyBillingUsageSummary(username, year, month, signal),
    staleTime: 10 * 60_000,
  });
}

/**
 * The user's report for a month, line by line (repository × SKU): what each codespace billed to them
 * is attributed from. Null when GitHub has none for this account (404: the legacy billing platform).
 */
export function getMyBillingUsageQuery(username: string, year: number, month: number, api: Pick<UsageApi, 'getMyBillingUsage'> = usage) {
  return queryOptions({
    queryKey: usageKeys.getMyBillingUsage(username, year, month),
    queryFn: ({ signal }) => api.getMyBillingUsage(username, year, month, signal),
    staleTime: 10 * 60_000,
  });
}
