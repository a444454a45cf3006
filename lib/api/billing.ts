import type { components } from '@octokit/openapi-types';
import { operations } from '@/lib/github/operations';
import { browserTransport } from '@/lib/transport/client';
import { ApiError } from '@/lib/transport/errors';
import type { GithubTransport } from '@/lib/transport/transport';

export type PersonalUsage = components['schemas']['billing-usage-report-user'];
export type PersonalUsageSummary = components['schemas']['billing-usage-summary-report-user'];

/**
 * A personal account's billing, where GitHub's current billing platform has it. An account that is
 * not on it gets 404 from GitHub: that is an answer ("not available"), not an error.
 */
export function billingApi(transport: GithubTransport) {
  const orMissing = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  };
  return {
    /** The user's usage items for a month (null: not on GitHub's current billing platform). */
    myUsage: (username: string, year: number, month: number, signal?: AbortSignal): Promise<PersonalUsage | null> =>
      orMissing(
        async () => (await transport.request(operations.getMyBillingUsage, { params: { username }, query: { year, month }, signal })).data,
      ),
    /** The month's totals per product and SKU (null: not on GitHub's current billing platform). */
    myUsageSummary: (username: string, year: number, month: number, signal?: AbortSignal): Promise<PersonalUsageSummary | null> =>
      orMissing(
        async () =>
          (await transport.request(operations.getMyBillingUsageSummary, { params: { username }, query: { year, month }, signal })).data,
      ),
  };
}

export const billing = billingApi(browserTransport);
