import type { Codespace } from '@/lib/codespaces/domain/types';
import { HOURS_PER_MONTH, PRICES } from './prices';

/**
 * Cost estimates from live data: what runs now, what keeps billing while stopped, and the
 * month's projection as GitHub computes it. Pure; every figure is in USD.
 */

const GB = 1024 ** 3;

type Machine = Pick<NonNullable<Codespace['machine']>, 'cpus' | 'storage_in_bytes'>;
type Costed = { state: Codespace['state']; machine: Machine | null };

/** Compute cost of one hour of this codespace running. */
export function computeCostPerHour(codespace: Pick<Costed, 'machine'>): number {
  const cores = Math.min(codespace.machine?.cpus ?? 0, PRICES.maxCores);
  return cores * PRICES.computePerCoreHour;
}

/** Storage cost of keeping this codespace's disk for a whole month, running or stopped. */
export function storageCostPerMonth(codespace: Pick<Costed, 'machine'>): number {
  return ((codespace.machine?.storage_in_bytes ?? 0) / GB) * PRICES.storagePerGbMonth;
}

const BILLS_COMPUTE = new Set<string>(['Available', 'Starting', 'Rebuilding', 'Updating', 'ShuttingDown']);
const GONE = new Set<string>(['Deleted', 'Moved', 'Archived']);

export interface LiveEstimate {
  running: number;
  runningCores: number;
  /** USD per hour for what is running now. */
  computePerHour: number;
  /** Codespaces whose disk is billed (all that exist). */
  stored: number;
  storageGb: number;
  /** USD per month for every existing codespace's disk. */
  storagePerMonth: number;
  /** Of that, what stopped codespaces cost: money spent on nothing running. */
  stoppedStoragePerMonth: number;
  /** Compute per hour plus storage per hour. */
  totalPerHour: number;
}

export function liveEstimate(codespaces: readonly Costed[]): LiveEstimate {
  const estimate: LiveEstimate = {
    running: 0,
    runningCores: 0,
    computePerHour: 0,
    stored: 0,
    storageGb: 0,
    storagePerMonth: 0,
    stoppedStoragePerMonth: 0,
    totalPerHour: 0,
  };
  for (const codespace of codespaces) {
    if (GONE.has(codespace.state)) continue;
    if (BILLS_COMPUTE.has(codespace.state)) {
      estimate.running += 1;
      estimate.runningCores += Math.min(codespace.machine?.cpus ?? 0, PRICES.maxCores);
      estimate.computePerHour += computeCostPerHour(codespace);
    }
    const storage = storageCostPerMonth(codespace);
    estimate.stored += 1;
    estimate.storageGb += (codespace.machine?.storage_in_bytes ?? 0) / GB;
    estimate.storagePerMonth += storage;
    if (!BILLS_COMPUTE.has(codespace.state)) estimate.stoppedStoragePerMonth += storage;
  }
  estimate.totalPerHour = estimate.computePerHour + estimate.storagePerMonth / HOURS_PER_MONTH;
  return estimate;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days in the calendar month (UTC) of `at`, and how many are left after today. */
export function monthDays(at: Date): { inMonth: number; dayOfMonth: number; left: number } {
  const inMonth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  const dayOfMonth = at.getUTCDate();
  return { inMonth, dayOfMonth, left: inMonth - dayOfMonth };
}

/**
 * The month's projected cost as GitHub computes it: cost so far, plus the average of the last
 * seven days times the days left. `daily` maps `YYYY-MM-DD` to that day's cost.
 */
export function projectMonth(
  daily: ReadonlyMap<string, number>,
  today: Date,
): { soFar: number; lastSevenDayAverage: number; projected: number } {
  const { left } = monthDays(today);
  const monthPrefix = today.toISOString().slice(0, 7);
  let soFar = 0;
  for (const [day, cost] of daily) if (day.startsWith(monthPrefix) && day <= today.toISOString().slice(0, 10)) soFar += cost;
  let lastSeven = 0;
  for (let i = 0; i < 7; i++) lastSeven += daily.get(new Date(today.getTime() - i * DAY_MS).toISOString().slice(0, 10)) ?? 0;
  const lastSevenDayAverage = lastSeven / 7;
  return { soFar, lastSevenDayAverage, projected: soFar + lastSevenDayAverage * left };
}

/**
 * The moment an included quota runs out at the current pace: `used` so far this month, `perDay`
 * the pace. Null when it lasts the month (or nothing is being used).
 */
export function quotaRunsOut(used: number, perDay: number, quota: number, today: Date): Date | null {
  if (used >= quota) return today;
  if (perDay <= 0) return null;
  const daysUntil = (quota - used) / perDay;
  const { left } = monthDays(today);
  if (daysUntil > left + 1) return null;
  return new Date(today.getTime() + daysUntil * DAY_MS);
}

const HOUR_MS = 60 * 60 * 1000;
const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * When a quota runs out, as a person says it: "in about an hour", "in 5 hours", "today",
 * "tomorrow", or the date ("26 November"). Days are UTC days, as GitHub's billing counts them.
 */
export function runsOutInWords(at: Date | null, now: Date): string {
  if (!at) return 'Lasts the month';
  const left = at.getTime() - now.getTime();
  if (left <= 0) return 'Already used up';
  if (left < 1.5 * HOUR_MS) return 'In about an hour';
  if (left < 12 * HOUR_MS) return `In ${Math.round(left / HOUR_MS)} hours`;
  const days = Math.round((utcDay(at) - utcDay(now)) / DAY_MS);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
}

// Amounts are worded in lib/format.ts, which what renders them loads without these rules.
export { formatUsd } from '@/lib/format';
