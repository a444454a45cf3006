import { stateTone } from '@/lib/codespaces/domain/state';
import { liveEstimate, quotaRunsOut, type LiveEstimate } from './cost';
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

/** What the split reads of a codespace: who uses it, who pays for it, and what it costs. */
type Billed = Parameters<typeof liveEstimate>[0][number] & {
  owner: { login: string };
  billable_owner: { login: string };
};

export interface PayerShare<T extends Billed> {
  /** The account GitHub bills: an organisation (or another account) paying for the user's codespaces. */
  payer: string;
  codespaces: T[];
  estimate: LiveEstimate;
}

/**
 * The user's codespaces by who pays for them (GitHub's `billable_owner`). Only what is billed to
 * the user counts against their personal quota and bill; codespaces an organisation pays for are
 * on its bill, and shown apart, by payer (most expensive an hour first). Gone codespaces bill
 * nothing and are left out. Pure.
 */
export function splitByPayer<T extends Billed>(
  codespaces: readonly T[],
  login: string,
): { own: { codespaces: T[]; estimate: LiveEstimate }; others: PayerShare<T>[] } {
  const me = login.toLowerCase();
  const own: T[] = [];
  const byPayer = new Map<string, T[]>();
  for (const codespace of codespaces) {
    if (stateTone(codespace.state) === 'gone') continue;
    const payer = codespace.billable_owner.login;
    if (payer.toLowerCase() === me) own.push(codespace);
    else byPayer.set(payer, [...(byPayer.get(payer) ?? []), codespace]);
  }
  const others = [...byPayer].map(([payer, list]) => ({ payer, codespaces: list, estimate: liveEstimate(list) }));
  others.sort((a, b) => b.estimate.totalPerHour - a.estimate.totalPerHour || a.payer.localeCompare(b.payer));
  return { own: { codespaces: own, estimate: liveEstimate(own) }, others };
}

const GB = 1024 ** 3;
const HOUR_MS = 60 * 60 * 1000;

type Quota = { coreHours: number; storageGbMonths: number };

export interface PersonalFigures {
  /** What is billed to the user and runs or is stored now. */
  live: LiveEstimate;
  /** Core-hours and GB-months used this month: GitHub's where it has them, else typed in (compute) and estimated (storage). */
  coreHours: number;
  storageUsed: number;
  /** Core-hours and GB-months a day at the current pace. */
  computePerDay: number;
  storagePerDay: number;
  computeRunsOut: Date | null;
  storageRunsOut: Date | null;
}

/**
 * The month against the personal quota, from the codespaces the user pays for (splitByPayer's
 * `own`): GitHub's own figures where its usage report has them, otherwise an estimate (storage
 * from each disk's hours this month) and the core-hours the user typed in. Pure.
 */
export function personalFigures(
  own: readonly (Parameters<typeof liveEstimate>[0][number] & { created_at: string })[],
  {
    quota,
    today,
    fromGithub,
    typedCoreHours,
  }: { quota: Quota; today: Date; fromGithub: CodespacesMonthUsage | null; typedCoreHours: number },
): PersonalFigures {
  const live = liveEstimate(own);
  const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  // GB-months so far: each disk, for the hours it has existed this month.
  const estimatedStorage = own.reduce((sum, c) => {
    const since = Math.max(monthStart, Date.parse(c.created_at));
    return sum + ((c.machine?.storage_in_bytes ?? 0) / GB) * (Math.max(0, today.getTime() - since) / HOUR_MS / HOURS_PER_MONTH);
  }, 0);
  const storagePerDay = (live.storageGb * 24) / HOURS_PER_MONTH;
  const computePerDay = live.runningCores * 24;
  const coreHours = fromGithub ? fromGithub.coreHours : typedCoreHours;
  const storageUsed = fromGithub ? fromGithub.storageGbMonths : estimatedStorage;
  return {
    live,
    coreHours,
    storageUsed,
    computePerDay,
    storagePerDay,
    computeRunsOut: quotaRunsOut(coreHours, computePerDay, quota.coreHours, today),
    storageRunsOut: quotaRunsOut(storageUsed, storagePerDay, quota.storageGbMonths, today),
  };
}
