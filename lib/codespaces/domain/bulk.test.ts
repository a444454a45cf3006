import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import {
  NO_SELECTION,
  type Selection,
  planBulkAction,
  rangeBetween,
  runBounded,
  staleStoppedCodespaces,
  toggleAllShown,
  toggleSelection,
} from './bulk';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

describe('planning a bulk action', () => {
  const running = makeCodespace({ name: 'running', state: 'Available' });
  const stopped = makeCodespace({ name: 'stopped', state: 'Shutdown' });
  const starting = makeCodespace({ name: 'starting', state: 'Starting' });
  const risky = makeCodespace({ name: 'risky', state: 'Shutdown', git_status: { ahead: 1 } });

  it('stops only what runs, and says why the others are skipped', () => {
    const plan = planBulkAction([running, stopped, starting], 'stop');
    expect(plan.eligible.map((c) => c.name)).toEqual(['running']);
    expect(plan.skipped.map((s) => [s.codespace.name, s.reason])).toEqual([
      ['stopped', 'Already stopped'],
      ['starting', 'Wait until it is no longer Starting'],
    ]);
    expect(plan.atRisk).toEqual([]);
  });

  it('names every codespace with unpushed or uncommitted work in a delete', () => {
    const plan = planBulkAction([running, risky, starting], 'delete');
    expect(plan.eligible.map((c) => c.name)).toEqual(['running', 'risky']);
    expect(plan.atRisk.map((c) => c.name)).toEqual(['risky']);
    expect(plan.skipped.map((s) => s.codespace.name)).toEqual(['starting']);
  });

  it('skips a codespace GitHub has an operation pending on, with GitHub’s reason, but still deletes it', () => {
    const busy = makeCodespace({
      name: 'busy',
      state: 'Available',
      pending_operation: true,
      pending_operation_disabled_reason: 'Moving to a new machine type.',
    });
    expect(planBulkAction([running, busy], 'stop').skipped.map((s) => [s.codespace.name, s.reason])).toEqual([
      ['busy', 'Moving to a new machine type.'],
    ]);
    expect(planBulkAction([running, busy], 'delete').eligible.map((c) => c.name)).toEqual(['running', 'busy']);
  });
});

describe('clean-up selection', () => {
  it('picks stopped codespaces unused for more than N days, never running ones', () => {
    const list = [
      makeCodespace({ name: 'old-stopped', state: 'Shutdown', last_used_at: daysAgo(40) }),
      makeCodespace({ name: 'recent-stopped', state: 'Shutdown', last_used_at: daysAgo(3) }),
      makeCodespace({ name: 'old-running', state: 'Available', last_used_at: daysAgo(40) }),
    ];
    expect(staleStoppedCodespaces(list, 30, NOW).map((c) => c.name)).toEqual(['old-stopped']);
    expect(staleStoppedCodespaces(list, 2, NOW).map((c) => c.name)).toEqual(['old-stopped', 'recent-stopped']);
  });
});

describe('running a bulk action', () => {
  it('keeps at most the given number in flight and reports every outcome in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (n === 4) throw new Error('GitHub said no');
    });
    expect(peak).toBe(2);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, true, true]);
    expect(results[3]).toMatchObject({ item: 4, ok: false });
  });

  it('selects a range in either direction', () => {
    expect(rangeBetween(2, 5)).toEqual([2, 3, 4, 5]);
    expect(rangeBetween(5, 2)).toEqual([2, 3, 4, 5]);
  });
});

describe('selecting rows', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));
  const names = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

  it('toggles one row per click, remembering it as the anchor', () => {
    let s = toggleSelection(NO_SELECTION, rows, 'b', false);
    expect(names(s)).toEqual(['b']);
    expect(s.anchor).toBe('b');
    s = toggleSelection(s, rows, 'b', false);
    expect(names(s)).toEqual([]);
  });

  it('selects a range on shift-click, in the order shown, either direction', () => {
    let s = toggleSelection(NO_SELECTION, rows, 'b', false);
    s = toggleSelection(s, rows, 'd', true);
    expect(names(s)).toEqual(['b', 'c', 'd']);
    s = toggleSelection(toggleSelection(NO_SELECTION, rows, 'e', false), rows, 'c', true);
    expect(names(s)).toEqual(['c', 'd', 'e']);
  });

  it('unselects a range when the shift-clicked row was selected', () => {
    let s: Selection = { selected: new Set(['a', 'b', 'c', 'd']), anchor: 'a' };
    s = toggleSelection(s, rows, 'c', true);
    expect(names(s)).toEqual(['d']);
  });

  it('selects every row shown with the header checkbox, and unselects them when all are', () => {
    const shown = rows.slice(0, 3);
    let s = toggleAllShown({ selected: new Set(['e']), anchor: null }, shown);
    expect(names(s)).toEqual(['a', 'b', 'c', 'e']);
    s = toggleAllShown(s, shown);
    expect(names(s)).toEqual(['e']);
  });
});
