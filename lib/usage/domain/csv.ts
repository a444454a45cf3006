import { computeCostPerHour, storageCostPerMonth } from '@/lib/usage/domain/cost';
import type { MemberCost } from '@/lib/usage/domain/usage-csv';
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

/** My usage page's table: each codespace's cost per hour running and per month of storage. */
export function personalUsageCsv(rows: readonly PersonalUsageCsvRow[]): string {
  return toCsv(rows, PERSONAL_COLUMNS);
}
