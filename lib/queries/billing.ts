import { queryOptions } from '@tanstack/react-query';
import { billing } from '@/lib/api/billing';
import { billingKeys } from './keys';

/** Query options for the signed-in user's own billing. */

/**
 * The month's usage totals per SKU from GitHub's current billing platform; null when GitHub has
 * none for this account (it answers 404 to accounts still on the legacy platform).
 */
export function myUsageSummaryQuery(username: string, year: number, month: number) {
  return queryOptions({
    queryKey: billingKeys.myUsageSummary(username, year, month),
    queryFn: ({ signal }) => billing.myUsageSummary(username, year, month, signal),
    staleTime: 10 * 60_000,
  });
}
