/**
 * GitHub's published Codespaces prices, in one table (USD). Compute is billed per core-hour of a
 * running codespace; storage per GB-month of each codespace's disk, running or stopped.
 * https://docs.github.com/billing/managing-billing-for-your-products/about-billing-for-github-codespaces
 */
export const PRICES = {
  /** $0.18 per hour for 2 cores. */
  computePerCoreHour: 0.09,
  /** Machines bill by their cores, up to the largest (32 cores). */
  maxCores: 32,
  storagePerGbMonth: 0.07,
} as const;

/** What a personal account gets each month before it pays. */
export const PERSONAL_QUOTAS = {
  free: { label: 'GitHub Free', coreHours: 120, storageGbMonths: 15 },
  pro: { label: 'GitHub Pro', coreHours: 180, storageGbMonths: 20 },
} as const;
export type PersonalPlan = keyof typeof PERSONAL_QUOTAS;

/** Billing months are calendar months; a GB-month is a GB kept for the whole month (730 hours). */
export const HOURS_PER_MONTH = 730;
