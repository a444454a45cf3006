import { browserTransport } from '@/lib/transport/client';
import { ApiError } from '@/lib/transport/api-error';
import type { GithubTransport } from '@/lib/transport/transport';
import type { UsageItem } from './domain/usage-report';
import type { PersonalUsageSummary } from './domain/types';
import { operations } from './operations';

/** `null` for GitHub's 404: an account not on GitHub's current billing platform, an answer ("not available"), not an error. */
async function orMissing<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Billing usage, one typed function per GitHub operation, named as the operation. */
export function usageApi(transport: GithubTransport) {
  return {
    /** GitHub's billing usage report for an organisation, for a year or one month of it. */
    getOrgBillingUsage: async (org: string, year: number, month: number | null, signal?: AbortSignal): Promise<UsageItem[]> => {
      const { data } = await transport.request(operations.getOrgBillingUsage, {
        params: { org },
        query: month ? { year, month } : { year },
        signal,
      });
      // The report's schema (zod) loads with the usage page that asks, not with every page.
      const { usageReportSchema } = await import('./domain/usage-report');
      return usageReportSchema.parse(data).usageItems;
    },
    /** The user's report line by line, per repository and SKU (null: not on GitHub's current billing platform). */
    getMyBillingUsage: (username: string, year: number, month: number, signal?: AbortSignal): Promise<UsageItem[] | null> =>
      orMissing(async () => {
        const { data } = await transport.request(operations.getMyBillingUsage, { params: { username }, query: { year, month }, signal });
        const { usageReportSchema } = await import('./domain/usage-report');
        return usageReportSchema.parse(data).usageItems;
      }),
    /** The user's month's totals per product and SKU (null: not on GitHub's current billing platform). */
    getMyBillingUsageSummary: (username: string, year: number, month: number, signal?: AbortSignal): Promise<PersonalUsageSummary | null> =>
      orMissing(
        async () =>
          (await transport.request(operations.getMyBillingUsageSummary, { params: { username }, query: { year, month }, signal })).data,
      ),
  };
}

export type UsageApi = ReturnType<typeof usageApi>;

export const usage = usageApi(browserTransport);
