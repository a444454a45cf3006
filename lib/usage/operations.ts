import { op } from '@/lib/github/operation';

/** Billing usage: an organisation's (its owners), and the signed-in user's where GitHub's current billing platform has it. */
export const operations = {
  getOrgBillingUsage: op('get', '/organizations/{org}/settings/billing/usage'),
  getMyBillingUsage: op('get', '/users/{username}/settings/billing/usage'),
  getMyBillingUsageSummary: op('get', '/users/{username}/settings/billing/usage/summary'),
} as const;
