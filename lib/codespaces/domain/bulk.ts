import { actionAvailability, stateTone, workAtRisk } from './state';
import type { CodespaceSummary } from './types';

/**
 * What a bulk Stop or Delete over a selection would do, before anything is sent. Generic so an
 * organisation's plan keeps each codespace's owner, whom the requests are made on behalf of.
 */
export interface BulkPlan<T extends CodespaceSummary = CodespaceSummary> {
  action: 'stop' | 'delete';
  eligible: T[];
  skipped: { codespace: T; reason: string }[];
  /** Eligible codespaces holding work that exists nowhere else (named in the confirmation). */
  atRisk: T[];
}

export function planBulkAction<T extends CodespaceSummary>(selection: readonly T[], action: 'stop' | 'delete'): BulkPlan<T> {
  const eligible: T[] = [];
  const skipped: BulkPlan<T>['skipped'] = [];
  for (const codespace of selection) {
    const availability = actionAvailability(codespace, action);
    if (availability.allowed) eligible.push(codespace);
    else skipped.push({ codespace, reason: availability.reason });
  }
  return { action, eligible, skipped, atRisk: action === 'delete' ? eligible.filter((c) => workAtRisk(c).atRisk) : [] };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Like `gh codespace delete --days N`: stopped codespaces not used for more than N days. */
export function staleStoppedCodespaces<T extends CodespaceSummary>(codespaces: readonly T[], days: number, now: number): T[] {
  return codespaces.filter((c) => stateTone(c.state) === 'stopped' && now - Date.parse(c.last_used_at) > days * DAY_MS);
}

export type BulkResult<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

/**
 * Runs `task` over every item with at most `limit` at once, and reports each outcome.
 * One failure never stops the others, and nothing is hidden.
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
  onResult?: (result: BulkResult<T>) => void,
): Promise<BulkResult<T>[]> {
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

/** Which codespaces are selected, and the last one clicked (where a shift-click range starts). */
export interface Selection {
  selected: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: Selection = { selected: new Set(), anchor: null };

/**
 * A click on a row's checkbox: toggles that row; with shift, sets every row from the anchor to it
 * (in the order shown) to the clicked row's new state.
 */
export function toggleSelection(
  { selected, anchor }: Selection,
  rows: readonly { name: string }[],
  name: string,
  range: boolean,
): Selection {
  const next = new Set(selected);
  const to = rows.findIndex((c) => c.name === name);
  const from = anchor ? rows.findIndex((c) => c.name === anchor) : -1;
  if (range && from >= 0 && to >= 0) {
    const adding = !selected.has(name);
    for (const i of rangeBetween(from, to)) {
      if (adding) next.add(rows[i]!.name);
      else next.delete(rows[i]!.name);
    }
  } else if (next.has(name)) next.delete(name);
  else next.add(name);
  return { selected: next, anchor: name };
}

/** The header checkbox: selects every row shown, or, when all are, unselects them (others stay). */
export function toggleAllShown({ selected, anchor }: Selection, rows: readonly { name: string }[]): Selection {
  const allShown = rows.length > 0 && rows.every((c) => selected.has(c.name));
  const shown = new Set(rows.map((c) => c.name));
  return {
    selected: allShown ? new Set([...selected].filter((n) => !shown.has(n))) : new Set([...selected, ...shown]),
    anchor,
  };
}
