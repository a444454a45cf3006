import { computeCostPerHour, storageCostPerMonth } from '@/lib/usage/domain/cost';
import type { MemberCost } from '@/lib/usage/domain/usage-csv';
import type { MonthCost } from '@/lib/usage/domain/month-cost';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { plainNumber, toCsv, type CsvColumn } from '@/lib/csv';

const MEMBER_COLUMNS: CsvColumn<MemberCost>[] = [
  { header: 'member', value: (m) => m.member },
  { header: 'core_hours', value: (m) => plainNumber(m.coreHours) },
  { header: 'compute_usd', value: (m) => plainNumber(m.compute) },
  { header: 'storage_usd', value: (m) => plainNumber(m.storage) },
  { header: 'total_usd', value: (m) => plainNumber(m.total) },
];

/** The per-member cost table (estimated or exact), as shown. */
export function memberCostsCsv(rows: readonly MemberCost[]): string {
  return toCsv(rows, MEMBER_COLUMNS);
}

export type PersonalUsageCsvRow = Pick<CodespaceSummary, 'name' | 'display_name' | 'state' | 'machine'>;

const PERSONAL_COLUMNS: CsvColumn<PersonalUsageCsvRow>[] = [
  { header: 'name', value: (c) => c.name },
  { header: 'display_name', value: (c) => c.display_name },
  { header: 'state', value: (c) => c.state },
  { header: 'cores', value: (c) => c.machine?.cpus },
  { header: 'compute_per_hour_usd', value: (c) => plainNumber(computeCostPerHour(c)) },
  { header: 'storage_per_month_usd', value: (c) => plainNumber(storageCostPerMonth(c)) },
];

/** My usage page's table: each codespace's cost per hour running, per month of storage, and this month so far (estimated, and from what). */
export function personalUsageCsv(rows: readonly PersonalUsageCsvRow[], costs: ReadonlyMap<string, MonthCost>): string {
  return toCsv(rows, [
    ...PERSONAL_COLUMNS,
    { header: 'cost_this_month_usd_estimated', value: (c) => (costs.has(c.name) ? plainNumber(costs.get(c.name)!.total) : '') },
    { header: 'cost_estimated_from', value: (c) => costs.get(c.name)?.basis },
  ]);
}
