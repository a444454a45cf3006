import type { UsageItem } from './usage-report';

/**
 * What a line of GitHub's billing usage report is, read from its SKU and product. Apart from
 * usage-report.ts (zod, the CSV writer), so that the list's cost this month, on every first
 * paint of `/`, brings neither to the browser.
 */

export type UsageKind = 'compute' | 'storage';

/** Storage SKUs bill GB over time; everything else of Codespaces is a machine's compute. */
export function usageKind(item: Pick<UsageItem, 'sku' | 'unitType'>): UsageKind {
  return /storage/i.test(item.sku) || /gigabyte/i.test(item.unitType) ? 'storage' : 'compute';
}

/** `Codespaces Linux 8-core` → 8; null for storage and unknown SKUs. */
export function skuCores(sku: string): number | null {
  const match = /(\d+)[\s-]*core/i.exec(sku);
  return match ? Number(match[1]) : null;
}

export const isCodespacesItem = (item: Pick<UsageItem, 'product'>) => /codespaces/i.test(item.product);
