import { computeCostPerHour, storageCostPerMonth } from '@/lib/usage/domain/cost';
import type { MonthCost } from '@/lib/usage/domain/month-cost';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/domain/types';
import { isoDate, plainNumber, toCsv, type CsvColumn } from '@/lib/csv';

/** What the list's CSV reads of a codespace: the list's summaries and GitHub's full objects both carry it. */
export type ListCsvRow = Pick<
  CodespaceSummary,
  'name' | 'display_name' | 'state' | 'last_used_at' | 'created_at' | 'git_status' | 'machine' | 'repository'
>;

/** The organisation view's rows also name their member, retention and idle timeout. */
export type OrgCsvRow = ListCsvRow &
  Pick<Codespace, 'idle_timeout_minutes' | 'retention_expires_at'> & {
    owner: Pick<Codespace['owner'], 'login'>;
  };

const LIST_COLUMNS: CsvColumn<ListCsvRow>[] = [
  { header: 'name', value: (c) => c.name },
  { header: 'display_name', value: (c) => c.display_name },
  { header: 'repository', value: (c) => c.repository.full_name },
  { header: 'branch', value: (c) => c.git_status.ref },
  { header: 'state', value: (c) => c.state },
  { header: 'machine', value: (c) => c.machine?.name },
  { header: 'cores', value: (c) => c.machine?.cpus },
  { header: 'last_used_at', value: (c) => isoDate(c.last_used_at) },
  { header: 'created_at', value: (c) => isoDate(c.created_at) },
  { header: 'has_unpushed_changes', value: (c) => Boolean(c.git_status.has_unpushed_changes) || (c.git_status.ahead ?? 0) > 0 },
  { header: 'has_uncommitted_changes', value: (c) => Boolean(c.git_status.has_uncommitted_changes) },
];

/** Each codespace's cost this month as the list shows it, and how it was estimated (`report` or `record`). */
const costColumns = (costs: ReadonlyMap<string, MonthCost>): CsvColumn<ListCsvRow>[] => [
  { header: 'cost_this_month_usd_estimated', value: (c) => (costs.has(c.name) ? plainNumber(costs.get(c.name)!.total) : '') },
  { header: 'cost_estimated_from', value: (c) => costs.get(c.name)?.basis },
];

/** My codespaces as the list shows them (pass the rows after its filters and sort, and their costs). */
export function myCodespacesCsv(rows: readonly ListCsvRow[], costs: ReadonlyMap<string, MonthCost>): string {
  return toCsv(rows, [...LIST_COLUMNS, ...costColumns(costs)]);
}

const [name, displayName, ...rest] = LIST_COLUMNS as [CsvColumn<ListCsvRow>, CsvColumn<ListCsvRow>, ...CsvColumn<ListCsvRow>[]];
const ORG_COLUMNS: CsvColumn<OrgCsvRow>[] = [
  name,
  displayName,
  { header: 'member', value: (c) => c.owner.login },
  ...rest,
  { header: 'retention_expires_at', value: (c) => isoDate(c.retention_expires_at) },
  { header: 'idle_timeout_minutes', value: (c) => c.idle_timeout_minutes },
  { header: 'cost_per_hour_usd', value: (c) => plainNumber(computeCostPerHour(c)) },
  { header: 'storage_cost_per_month_usd', value: (c) => plainNumber(storageCostPerMonth(c)) },
];

/** An organisation's codespaces as its view shows them (after its filters), with member and cost. */
export function orgCodespacesCsv(rows: readonly OrgCsvRow[], costs: ReadonlyMap<string, MonthCost>): string {
  return toCsv(rows, [...ORG_COLUMNS, ...costColumns(costs)]);
}
