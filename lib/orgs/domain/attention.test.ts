import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { attentionItems } from './attention';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const dirty = { ahead: 2, behind: 0, has_unpushed_changes: true, has_uncommitted_changes: false, ref: 'feat/x' };

function codespace(overrides: Partial<Codespace> & { repo?: string; cpus?: number }) {
  const { cpus, ...rest } = overrides;
  const base = makeCodespace({ last_used_at: iso(NOW - 10 * 60_000), ...rest });
  return cpus ? { ...base, machine: { ...base.machine!, cpus } } : base;
}

describe('what an organisation admin should look at', () => {
  it('puts unpushed work about to be deleted first, and says what to do', () => {
    const expiring = codespace({
      display_name: 'Expiring work',
      state: 'Shutdown',
      retention_expires_at: iso(NOW + 20 * HOUR),
      git_status: dirty,
    });
    const items = attentionItems([codespace({ state: 'Available', last_used_at: iso(NOW - 5 * HOUR) }), expiring], NOW, 'the-owner');
    expect(items[0]).toMatchObject({ kind: 'work-expiring', severity: 'urgent', codespace: expiring });
    // An owner cannot export a member’s codespace (GitHub's export is for the codespace's own user): only mona can rescue it.
    expect(items[0]!.reason).toBe(
      'Holds unpushed work and will be deleted in 20 hours. Only mona can save it (push, or export it to a branch): ask them before then.',
    );
  });

  it('tells an owner who is also the codespace’s user what they can do with it themselves', () => {
    const mine = codespace({ state: 'Shutdown', retention_expires_at: iso(NOW + 20 * HOUR), git_status: dirty });
    const [item] = attentionItems([mine], NOW, 'mona');
    expect(item!.reason).toBe('Holds unpushed work and will be deleted in 20 hours. Export it to a branch, or start it and push.');
  });

  it('flags stopped codespaces near or past their retention limit', () => {
    const items = attentionItems(
      [
        codespace({ display_name: 'Soon', state: 'Shutdown', retention_expires_at: iso(NOW + 3 * DAY) }),
        codespace({ display_name: 'Overdue', state: 'Shutdown', retention_expires_at: iso(NOW - HOUR) }),
        codespace({ display_name: 'Far', state: 'Shutdown', retention_expires_at: iso(NOW + 20 * DAY) }),
      ],
      NOW,
    );
    expect(items.map((i) => [i.codespace.display_name, i.kind, i.severity])).toEqual([
      ['Overdue', 'retention', 'warning'],
      ['Soon', 'retention', 'info'],
    ]);
    expect(items[0]!.reason).toBe('Stopped; GitHub deletes it any moment now.');
    expect(items[1]!.reason).toBe('Stopped; GitHub deletes it in 3 days.');
  });

  it('flags running codespaces nobody has used for hours, with what they cost', () => {
    const [item] = attentionItems([codespace({ state: 'Available', cpus: 8, last_used_at: iso(NOW - 5 * HOUR) })], NOW);
    expect(item).toMatchObject({
      kind: 'idle-running',
      severity: 'warning',
      reason: 'Running but unused for 5 hours: $0.72 an hour until it stops.',
    });
    expect(attentionItems([codespace({ state: 'Available', last_used_at: iso(NOW - HOUR) })], NOW)).toEqual([]);
  });

  it('flags large machines while they run, with Stop as what to do', () => {
    const items = attentionItems([codespace({ state: 'Available', cpus: 32 }), codespace({ state: 'Available', cpus: 8 })], NOW);
    expect(items.map((i) => i.kind)).toEqual(['large-machine']);
    expect(items[0]!.reason).toBe('32-core machine, running: $2.88 for every hour it runs.');
  });

  it('leaves out what nobody can act on: a stopped large machine bills no compute', () => {
    expect(attentionItems([codespace({ state: 'Shutdown', cpus: 32 })], NOW)).toEqual([]);
  });

  it('flags a running codespace whose idle timeout is longer than the rest of its repository’s', () => {
    const odd = codespace({ display_name: 'Odd one', state: 'Available', idle_timeout_minutes: 240 });
    const items = attentionItems(
      [codespace({}), codespace({}), codespace({}), odd, codespace({ repo: 'octo-org/other', idle_timeout_minutes: 60 })],
      NOW,
    );
    expect(items).toEqual([expect.objectContaining({ kind: 'idle-timeout-outlier', codespace: odd })]);
    expect(items[0]!.reason).toBe(
      'Idle timeout 240 min, where 3 of its repository’s codespaces use 30 min: left idle, it bills 210 min longer each time.',
    );
  });

  it('does not flag an idle timeout that costs nothing: a stopped codespace’s, or one shorter than usual', () => {
    const usual = [codespace({}), codespace({}), codespace({})];
    expect(attentionItems([...usual, codespace({ state: 'Shutdown', idle_timeout_minutes: 240 })], NOW)).toEqual([]);
    expect(attentionItems([...usual, codespace({ state: 'Available', idle_timeout_minutes: 5 })], NOW)).toEqual([]);
  });

  it('finds nothing without a clear norm, and ignores deleted codespaces', () => {
    expect(attentionItems([codespace({ idle_timeout_minutes: 30 }), codespace({ idle_timeout_minutes: 60 })], NOW)).toEqual([]);
    expect(attentionItems([codespace({ state: 'Deleted', cpus: 32, retention_expires_at: iso(NOW) })], NOW)).toEqual([]);
  });
});
