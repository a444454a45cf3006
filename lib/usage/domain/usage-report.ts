import { z } from 'zod';
import { toCsv } from '@/lib/csv';
import { isCodespacesItem, skuCores, usageKind, type UsageKind } from './usage-items';

/**
 * GitHub's billing usage report (`GET /organizations/{org}/settings/billing/usage`), validated
 * and summed for the usage page: per day, per repository, per SKU. Pure.
 */

const usageItemSchema = z.object({
  date: z.string().min(10),
  product: z.string(),
  sku: z.string(),
  quantity: z.number(),
  unitType: z.string(),
  pricePerUnit: z.number(),
  grossAmount: z.number(),
  discountAmount: z.number(),
  netAmount: z.number(),
  organizationName: z.string().optional(),
  repositoryName: z.string().optional(),
});
export type UsageItem = z.infer<typeof usageItemSchema>;

export const usageReportSchema = z.object({ usageItems: z.array(usageItemSchema).default([]) });

export interface Period {
  /** Inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

const dayOf = (item: Pick<UsageItem, 'date'>) => item.date.slice(0, 10);

function inPeriod(item: Pick<UsageItem, 'date'>, period: Period): boolean {
  const day = dayOf(item);
  return day >= period.from && day <= period.to;
}

export interface DayTotal {
  date: string;
  compute: number;
  storage: number;
}
export interface RepositoryTotal {
  repository: string;
  compute: number;
  storage: number;
  total: number;
}
export interface SkuTotal {
  sku: string;
  kind: UsageKind;
  cores: number | null;
  quantity: number;
  unitType: string;
  net: number;
}

export interface UsageSummary {
  items: UsageItem[];
  byDay: DayTotal[];
  byRepository: RepositoryTotal[];
  bySku: SkuTotal[];
  total: { compute: number; storage: number; net: number; gross: number; discount: number };
}

/** Codespaces items of the period, summed three ways. Net amounts (after discounts) throughout. */
export function summarizeUsage(all: readonly UsageItem[], period: Period): UsageSummary {
  const items = all.filter((i) => isCodespacesItem(i) && inPeriod(i, period));
  const days = new Map<string, DayTotal>();
  const repos = new Map<string, RepositoryTotal>();
  const skus = new Map<string, SkuTotal>();
  const total = { compute: 0, storage: 0, net: 0, gross: 0, discount: 0 };

  // Every day of the period appears, so a chart shows quiet days as zero, not as gaps.
  for (let d = new Date(`${period.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= period.to; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    days.set(date, { date, compute: 0, storage: 0 });
  }
  for (const item of items) {
    const kind = usageKind(item);
    const day = days.get(dayOf(item))!;
    day[kind] += item.netAmount;
    const repository = item.repositoryName || '(no repository)';
    const repo = repos.get(repository) ?? { repository, compute: 0, storage: 0, total: 0 };
    repo[kind] += item.netAmount;
    repo.total += item.netAmount;
    repos.set(repository, repo);
    const sku = skus.get(item.sku) ?? { sku: item.sku, kind, cores: skuCores(item.sku), quantity: 0, unitType: item.unitType, net: 0 };
    sku.quantity += item.quantity;
    sku.net += item.netAmount;
    skus.set(item.sku, sku);
    total[kind] += item.netAmount;
    total.net += item.netAmount;
    total.gross += item.grossAmount;
    total.discount += item.discountAmount;
  }
  return {
    items,
    byDay: [...days.values()],
    byRepository: [...repos.values()].sort((a, b) => b.total - a.total),
    bySku: [...skus.values()].sort((a, b) => b.net - a.net),
    total,
  };
}

/** Daily net cost, for the month's projection. */
export function dailyCost(summary: Pick<UsageSummary, 'byDay'>): Map<string, number> {
  return new Map(summary.byDay.map((d) => [d.date, d.compute + d.storage]));
}

const USAGE_CSV_FIELDS = [
  'date',
  'product',
  'sku',
  'quantity',
  'unitType',
  'pricePerUnit',
  'grossAmount',
  'discountAmount',
  'netAmount',
  'organizationName',
  'repositoryName',
] as const;

/** The usage items as CSV, for download: GitHub's field names and values as the report gives them. */
export function usageItemsToCsv(items: readonly UsageItem[]): string {
  return toCsv(
    items,
    USAGE_CSV_FIELDS.map((field) => ({ header: field, value: (item: UsageItem) => item[field] })),
  );
}
