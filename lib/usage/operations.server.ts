import { z } from 'zod';
import type { OperationRules } from '@/lib/github/allowlist.server';
import { decimal, organizationParams, ownerName } from '@/lib/github/params';
import type { operations } from './operations';

/** What the proxy lets through for billing usage reports: whose, and for which period. Pure: no I/O. */

const period = { year: decimal(2000, 2100).optional(), month: decimal(1, 12).optional(), day: decimal(1, 31).optional() };
const usernameParams = z.strictObject({ username: ownerName });

/** `GET /users/{username}/settings/billing/usage/summary` */
export const userBillingSummaryQuery = z.strictObject({
  ...period,
  repository: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'Expected owner/repository')
    .optional(),
  product: z
    .string()
    .regex(/^[A-Za-z0-9 _-]{1,64}$/, 'Not a product name')
    .optional(),
  sku: z
    .string()
    .regex(/^[A-Za-z0-9 ._-]{1,100}$/, 'Not a SKU')
    .optional(),
});

export const operationRules: OperationRules<typeof operations> = {
  getOrgBillingUsage: {
    params: organizationParams,
    query: z.strictObject({ ...period, hour: decimal(0, 23).optional() }),
  },
  getMyBillingUsage: { params: usernameParams, query: z.strictObject(period) },
  getMyBillingUsageSummary: { params: usernameParams, query: userBillingSummaryQuery },
};
