import { HOURS_PER_MONTH } from './prices';

/**
 * A personal account's Codespaces usage for a month, read from GitHub's usage summary
 * (`GET /users/{username}/settings/billing/usage/summary`, on GitHub's current billing platform),
 * in the units the included quotas are counted in. Pure.
 */

/** One line of GitHub's summary: a SKU's totals for the period. */
export interface SummaryItem {
  product: string;
  sku: string;
  unitType: string;
  grossQuantity: number;
  grossAmount: number;
  discountAmount: number;
  netAmount: number;
}

export interface CodespacesMonthUsage {
  /** Compute, in core-hours: each machine's hours times its cores (what the quota counts). */
  coreHours: number;
  /** Storage, in GB-months. */
  storageGbMonths: number;
  /** Before what the plan includes. */
  grossAmount: number;
  /** What the plan's included usage (and any other discount) took off. */
  discountAmount: number;
  /** What is billed. */
  netAmount: number;
  /** Whether GitHub's summary had any Codespaces line at all. */
  hasItems: boolean;
}

const isCodespaces = (item: SummaryItem) => /codespaces/i.test(item.product);
/** "Codespaces Linux 4-core", "Codespaces compute 8 core": the machine's cores. */
const coresOf = (sku: string) => Number(/(\d+)\s*-?\s*core/i.exec(sku)?.[1] ?? 0);
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The month's Codespaces figures in GitHub's summary; other products (Actions, Packages…) are left out. */
export function codespacesMonthUsage(items: readonly SummaryItem[]): CodespacesMonthUsage {
  let coreHours = 0;
  let storageGbMonths = 0;
  let grossAmount = 0;
  let discountAmount = 0;
  let netAmount = 0;
  const codespaces = items.filter(isCodespaces);
  for (const item of codespaces) {
    grossAmount += item.grossAmount;
    discountAmount += item.discountAmount;
    netAmount += item.netAmount;
    const unit = item.unitType.toLowerCase().replace(/[^a-z]/g, '');
    if (unit === 'gigabytehours' || unit === 'gbhours') storageGbMonths += item.grossQuantity / HOURS_PER_MONTH;
    else if (unit === 'gigabytemonths' || unit === 'gbmonths') storageGbMonths += item.grossQuantity;
    else if (unit === 'hours' || unit === 'hour') coreHours += item.grossQuantity * coresOf(item.sku);
  }
  return {
    coreHours: round(coreHours, 1),
    storageGbMonths: round(storageGbMonths, 2),
    grossAmount: round(grossAmount, 2),
    discountAmount: round(discountAmount, 2),
    netAmount: round(netAmount, 2),
    hasItems: codespaces.length > 0,
  };
}
