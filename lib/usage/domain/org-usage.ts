import { dailyCost, summarizeUsage, type Period, type UsageItem } from './usage-report';

/**
 * What an organisation's usage page shows for a month, worked out from GitHub's report. Pure.
 */

/** The last six calendar months, newest first, as `YYYY-MM`. */
export function recentMonths(today: Date): string[] {
  return Array.from({ length: 6 }, (_, i) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
  );
}

export function monthPeriod(month: string, today: Date): Period {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  const todayIso = today.toISOString().slice(0, 10);
  return { from: `${month}-01`, to: last < todayIso ? last : todayIso };
}

export const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export interface RepoSkuRow {
  repository: string;
  sku: string;
  quantity: number;
  unitType: string;
  net: number;
}

/** The report's items by repository and SKU, quantities and cost summed. */
export function repoSkuRows(items: readonly UsageItem[]): RepoSkuRow[] {
  const rows = new Map<string, RepoSkuRow>();
  for (const item of items) {
    const key = `${item.repositoryName}|${item.sku}`;
    const row = rows.get(key) ?? {
      repository: item.repositoryName || '(no repository)',
      sku: item.sku,
      quantity: 0,
      unitType: item.unitType,
      net: 0,
    };
    row.quantity += item.quantity;
    row.net += item.netAmount;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Daily cost for the month's projection: this month's days, and last month's when the last seven days reach back into it. */
export function projectionDays(
  summary: ReturnType<typeof summarizeUsage>,
  previousItems: readonly UsageItem[] | undefined,
  previousMonth: string,
  today: Date,
): Map<string, number> {
  const daily = dailyCost(summary);
  if (previousItems)
    for (const [day, cost] of dailyCost(summarizeUsage([...previousItems], monthPeriod(previousMonth, today)))) daily.set(day, cost);
  return daily;
}

/** GitHub's unit types (`Hours`, `GigabyteHours`, or `gigabyte-hours` in a CSV), as people write them: singular, plural. */
const UNITS: Record<string, [string, string]> = {
  hours: ['hour', 'hours'],
  minutes: ['minute', 'minutes'],
  corehours: ['core-hour', 'core-hours'],
  gigabytehours: ['GB-hour', 'GB-hours'],
  gbhours: ['GB-hour', 'GB-hours'],
  gigabytemonths: ['GB-month', 'GB-months'],
  gbmonths: ['GB-month', 'GB-months'],
  gigabytes: ['GB', 'GB'],
};

/** A usage quantity with its unit, e.g. `254,976 GB-hours`, `22 hours`, `1 hour`. A unit Hangar does not know is split into words. */
export function formatUsageQuantity(quantity: number, unitType: string): string {
  const amount = quantity.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const known = UNITS[unitType.toLowerCase().replace(/[^a-z]/g, '')];
  const unit = known
    ? known[amount === '1' ? 0 : 1]
    : unitType
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/[-_]+/g, ' ')
        .toLowerCase();
  return unit ? `${amount} ${unit}` : amount;
}
