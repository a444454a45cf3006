import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { stateTone } from '@/lib/codespaces/domain/state';
import { computeCostPerHour } from './cost';
import { HOURS_PER_MONTH, PRICES } from './prices';
import type { UsageItem } from './usage-report';
import { isCodespacesItem, skuCores, usageKind } from './usage-items';
import { billingMonthOf, type MonthCost } from './month-cost-basis';

// What the list shows with a figure lives apart, so that it renders without these rules (month-cost-basis.ts).
export { billingMonthOf, COST_BASIS_EXPLAINED, type MonthCost } from './month-cost-basis';

/**
 * What each codespace has cost this month: the one computation behind the list's "Cost this month",
 * the codespace's page, the usage pages, the CSVs and the per-member estimate. Pure.
 *
 * GitHub gives no per-codespace usage. Where its billing usage report exists (a person's on GitHub's
 * current billing platform, an organisation's for its owners), each repository × SKU line is
 * attributed to that repository's codespaces that could have caused it; elsewhere the cost is
 * estimated from the codespace's own record. Either way it is an estimate, and says which.
 */

/** The fields of GitHub's codespace object the cost reads ("cost inputs"): a list's slim projection must carry them. */
export type CostInputs = Pick<CodespaceSummary, 'name' | 'state' | 'created_at' | 'last_used_at'> & {
  machine: Pick<NonNullable<CodespaceSummary['machine']>, 'cpus' | 'storage_in_bytes'> | null;
  repository: Pick<CodespaceSummary['repository'], 'full_name'>;
  billable_owner: Pick<CodespaceSummary['billable_owner'], 'login'>;
};

/** GitHub's billing usage report for one account (a person or an organisation) and the month it covers. */
interface BillingReport {
  /** The account billed: only codespaces whose `billable_owner` it is appear on its report. */
  account: string;
  items: readonly UsageItem[];
  /** The month's first day, `YYYY-MM-DD`. */
  from: string;
}

const GB = 1024 ** 3;
const HOUR_MS = 60 * 60 * 1000;

const monthStartOf = (now: number) => {
  const at = new Date(now);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
};

/**
 * A codespace's month so far from its own record: its disk for the hours it existed this month, and
 * compute for the run going on now (GitHub's `last_used_at` is when it last started).
 */
export function recordMonthCost(codespace: CostInputs, now: number): MonthCost {
  const monthStart = monthStartOf(now);
  const hoursSince = (iso: string) => Math.max(0, now - Math.max(monthStart, Date.parse(iso) || now)) / HOUR_MS;
  const gb = (codespace.machine?.storage_in_bytes ?? 0) / GB;
  const storage = (gb * hoursSince(codespace.created_at) * PRICES.storagePerGbMonth) / HOURS_PER_MONTH;
  const runningHours = stateTone(codespace.state) === 'running' ? hoursSince(codespace.last_used_at) : 0;
  const compute = runningHours * computeCostPerHour(codespace);
  const coreHours = runningHours * Math.min(codespace.machine?.cpus ?? 0, PRICES.maxCores);
  return { compute, storage, total: compute + storage, coreHours, basis: 'record' };
}

type Attributable = Pick<CostInputs, 'name' | 'last_used_at' | 'machine' | 'repository'>;

/**
 * Each codespace's share of a report's lines, and what no codespace explains. Compute lines go to the
 * repository's codespaces of the SKU's machine size used in the period (else any used, else any), by
 * cores; storage lines to all the repository's codespaces, by disk size.
 */
export function attributeReport(
  items: readonly UsageItem[],
  codespaces: readonly Attributable[],
  periodStart: string,
): { costs: Map<string, MonthCost>; unattributed: number } {
  const byRepo = new Map<string, Attributable[]>();
  for (const c of codespaces) {
    const list = byRepo.get(c.repository.full_name);
    if (list) list.push(c);
    else byRepo.set(c.repository.full_name, [c]);
  }
  const costs = new Map<string, MonthCost>();
  for (const c of codespaces) costs.set(c.name, { compute: 0, storage: 0, total: 0, coreHours: 0, basis: 'report' });
  let unattributed = 0;

  // Shares are proportional, so a repository's lines of one SKU are summed first and shared once:
  // a month's report has thousands of daily lines, but only a few per repository and SKU.
  const lines = new Map<string, { repository: string; sku: string; kind: 'compute' | 'storage'; net: number; quantity: number }>();
  for (const item of items) {
    if (!isCodespacesItem(item)) continue;
    const repository = item.repositoryName ?? '';
    const kind = usageKind(item);
    const key = `${repository}\u0000${item.sku}\u0000${kind}`;
    const line = lines.get(key);
    if (line) {
      line.net += item.netAmount;
      line.quantity += item.quantity;
    } else lines.set(key, { repository, sku: item.sku, kind, net: item.netAmount, quantity: item.quantity });
  }

  const usedIn = new Map<string, Attributable[]>();
  for (const { repository, sku, kind, net, quantity } of lines.values()) {
    const candidates = byRepo.get(repository) ?? [];
    let pool = candidates;
    if (kind === 'compute') {
      let used = usedIn.get(repository);
      if (!used) {
        used = candidates.filter((c) => c.last_used_at.slice(0, 10) >= periodStart);
        usedIn.set(repository, used);
      }
      const cores = skuCores(sku);
      const sameSize = (used.length ? used : candidates).filter((c) => c.machine?.cpus === cores);
      pool = sameSize.length ? sameSize : used.length ? used : candidates;
    }
    const weight = (c: Attributable) => (kind === 'compute' ? (c.machine?.cpus ?? 0) : (c.machine?.storage_in_bytes ?? 0)) || 1;
    const totalWeight = pool.reduce((n, c) => n + weight(c), 0);
    if (!pool.length || totalWeight === 0) {
      unattributed += net;
      continue;
    }
    const lineCores = skuCores(sku) ?? 0;
    for (const c of pool) {
      const share = weight(c) / totalWeight;
      const cost = costs.get(c.name)!;
      cost[kind] += net * share;
      cost.total += net * share;
      if (kind === 'compute') cost.coreHours += lineCores * quantity * share;
    }
  }
  return { costs, unattributed };
}

/**
 * Every codespace's cost this month, by name: from the report of the account that pays for it where
 * one is given, else from its own record. Gone codespaces cost nothing more and are left out.
 */
export function monthCosts(
  codespaces: readonly CostInputs[],
  { now, reports = [] }: { now: number; reports?: readonly BillingReport[] },
): Map<string, MonthCost> {
  const costs = new Map<string, MonthCost>();
  const live = codespaces.filter((c) => stateTone(c.state) !== 'gone');
  const covered = new Set<string>();
  for (const report of reports) {
    const account = report.account.toLowerCase();
    const billed = live.filter((c) => c.billable_owner.login.toLowerCase() === account);
    for (const [name, cost] of attributeReport(report.items, billed, report.from).costs) {
      costs.set(name, cost);
      covered.add(name);
    }
  }
  for (const c of live) if (!covered.has(c.name)) costs.set(c.name, recordMonthCost(c, now));
  return costs;
}

/**
 * Each codespace's cost this month for one billed account, from its report's lines when GitHub has a
 * report (`items`; null: none) and from each codespace's record otherwise. The list's hooks and the
 * detail page's first paint (on the server) both use it, so they say the same.
 */
export function accountMonthCosts(
  codespaces: readonly CostInputs[],
  account: string,
  items: readonly UsageItem[] | null,
  now: number,
): Map<string, MonthCost> {
  const { year, month } = billingMonthOf(now);
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  return monthCosts(codespaces, { now, reports: items ? [{ account, items, from }] : [] });
}
