import { actionAvailability, stateTone, workAtRisk } from './state';
import type { Codespace } from './types';

/** What a bulk Stop or Delete over a selection would do, before anything is sent. */
export interface BulkPlan {
  action: 'stop' | 'delete';
  eligible: Codespace[];
  skipped: { codespace: Codespace; reason: string }[];
  /** Eligible codespaces holding work that exists nowhere else (named in the confirmation). */
  atRisk: Codespace[];
}

export function planBulkAction(selection: readonly Codespace[], action: 'stop' | 'delete'): BulkPlan {
  const eligible: Codespace[] = [];
  const skipped: BulkPlan['skipped'] = [];
  for (const codespace of selection) {
    const availability = actionAvailability(codespace, action);
    if (availability.allowed) eligible.push(codespace);
    else skipped.push({ codespace, reason: availability.reason });
  }
  return { action, eligible, skipped, atRisk: action === 'delete' ? eligible.filter((c) => workAtRisk(c).atRisk) : [] };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Like `gh codespace delete --days N`: stopped codespaces not used for more than N days. */
export function staleStoppedCodespaces(codespaces: readonly Codespace[], days: number, now: number): Codespace[] {
  return codespaces.filter((c) => stateTone(c.state) === 'stopped' && now - Date.parse(c.last_used_at) > days * DAY_MS);
}

export type BulkResult<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

/**
 * Runs `task` over every item with at most `limit` at once, and reports each outcome.
 * One failure never stops the others, and nothing is hidden.
 */
export async function runBounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>, onResult?: (result: BulkResult<T>) => void): Promise<BulkResult<T>[]> {
  const results: BulkResult<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      let result: BulkResult<T>;
      try {
        await task(item);
        result = { item, ok: true };
      } catch (error) {
        result = { item, ok: false, error };
      }
      results[index] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Indexes between two rows, inclusive, for shift-click range selection. */
export function rangeBetween(from: number, to: number): number[] {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
