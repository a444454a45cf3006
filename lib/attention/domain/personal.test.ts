import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { actionAvailability, CODESPACE_STATES, type CodespaceAction } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { personalAttention, type PersonalAttentionItem } from './personal';
import type { AttentionInput } from './rules';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const clean = { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' };
const unpushed = { ...clean, ahead: 2, has_unpushed_changes: true, ref: 'feat/x' };
const uncommitted = { ...clean, has_uncommitted_changes: true };

function codespace(overrides: Partial<Codespace> & { cpus?: number } = {}): Codespace {
  const { cpus, ...rest } = overrides;
  const base = makeCodespace({ state: 'Shutdown', last_used_at: iso(NOW - HOUR), retention_expires_at: null, ...rest });
  return cpus ? { ...base, machine: { ...base.machine!, cpus } } : base;
}

const kinds = (items: PersonalAttentionItem[]) => items.map((i) => [i.title, i.kind]);

describe('what needs my attention among my codespaces', () => {
  it('finds nothing in a healthy fleet', () => {
    const fleet = [
      codespace({ display_name: 'In use', state: 'Available', last_used_at: iso(NOW - 5 * MINUTE) }),
      codespace({ display_name: 'Stopped yesterday', last_used_at: iso(NOW - DAY), retention_expires_at: iso(NOW + 29 * DAY) }),
      codespace({ display_name: 'Starting', state: 'Starting', last_used_at: iso(NOW - 40 * DAY) }),
      codespace({ display_name: 'Gone', state: 'Deleted', git_status: unpushed, last_used_at: iso(NOW - 40 * DAY) }),
    ];
    expect(personalAttention(fleet, NOW)).toEqual([]);
  });

  it('warns about unpushed or uncommitted work GitHub is about to delete, with Export and Open', () => {
    const [item] = personalAttention(
      [codespace({ display_name: 'Expiring', git_status: unpushed, retention_expires_at: iso(NOW + 20 * HOUR) })],
      NOW,
    );
    expect(item).toMatchObject({
      kind: 'work-expiring',
      severity: 'urgent',
      title: 'Expiring',
      expiresInMs: 20 * HOUR,
      unpushed: true,
      uncommitted: false,
      actions: ['export', 'open'],
      sentence: 'Holds unpushed work; GitHub deletes it in 20 hours. Export it to a branch, or start it and push.',
    });

    const [both] = personalAttention(
      [codespace({ git_status: { ...unpushed, has_uncommitted_changes: true }, retention_expires_at: iso(NOW + 3 * DAY) })],
      NOW,
    );
    expect(both!.sentence).toBe(
      'Holds unpushed and uncommitted work; GitHub deletes it in 3 days. Export it to a branch, or start it and push.',
    );
    const [overdue] = personalAttention([codespace({ git_status: uncommitted, retention_expires_at: iso(NOW - MINUTE) })], NOW);
    expect(overdue!.sentence).toBe(
      'Holds uncommitted work; GitHub deletes it any moment now. Export it to a branch, or start it and push.',
    );
  });

  it('counts deletion as near up to seven days ahead, and not a minute more', () => {
    const at = (ms: number) => personalAttention([codespace({ git_status: unpushed, retention_expires_at: iso(NOW + ms) })], NOW);
    expect(at(7 * DAY).map((i) => i.kind)).toEqual(['work-expiring']);
    expect(at(7 * DAY + MINUTE)).toEqual([]);
  });

  it('flags a running codespace unused past its idle timeout, with what it costs an hour and so far, and Stop', () => {
    const [item] = personalAttention(
      [
        codespace({
          display_name: 'Forgotten',
          state: 'Available',
          cpus: 8,
          idle_timeout_minutes: 30,
          last_used_at: iso(NOW - 50 * MINUTE),
        }),
      ],
      NOW,
    );
    expect(item).toMatchObject({
      kind: 'running-unused',
      severity: 'warning',
      unusedMs: 50 * MINUTE,
      idleTimeoutMinutes: 30,
      costPerHour: 0.72,
      actions: ['stop', 'open'],
      sentence: 'Running but unused for 50 minutes, past its 30-minute idle timeout: $0.72 an hour, $0.60 so far. Stop it if you are done.',
    });
    expect(item!.kind === 'running-unused' && item!.costWhileUnused).toBeCloseTo(0.6);
  });

  it('allows the idle timeout a five-minute grace, since GitHub checks for inactivity every few minutes', () => {
    const unusedFor = (ms: number) =>
      personalAttention([codespace({ state: 'Available', idle_timeout_minutes: 30, last_used_at: iso(NOW - ms) })], NOW);
    expect(unusedFor(35 * MINUTE)).toEqual([]);
    expect(unusedFor(36 * MINUTE).map((i) => i.kind)).toEqual(['running-unused']);
  });

  it('flags a running codespace unused for hours even when its idle timeout is longer, or unknown', () => {
    const long = codespace({
      display_name: 'Long timeout',
      state: 'Available',
      idle_timeout_minutes: 240,
      last_used_at: iso(NOW - 3 * HOUR),
    });
    const unknown = codespace({
      display_name: 'No timeout',
      state: 'Available',
      idle_timeout_minutes: null,
      last_used_at: iso(NOW - 2 * HOUR),
    });
    const items = personalAttention([long, unknown], NOW);
    expect(kinds(items)).toEqual([['Long timeout', 'running-unused']]);
    expect(items[0]!.sentence).toBe('Running but unused for 3 hours: $0.36 an hour, $1.08 so far. Stop it if you are done.');
    const later = personalAttention([unknown], NOW + MINUTE);
    expect(kinds(later)).toEqual([['No timeout', 'running-unused']]);
  });

  it('says what to do about a Failed or Unavailable codespace, in words', () => {
    const items = personalAttention(
      [
        codespace({ display_name: 'Broken', state: 'Failed' }),
        codespace({ display_name: 'Unreachable', state: 'Unavailable', git_status: unpushed }),
      ],
      NOW,
    );
    expect(items.map((i) => [i.title, i.kind, i.actions])).toEqual([
      ['Broken', 'problem', ['open', 'delete']],
      ['Unreachable', 'problem', ['open']],
    ]);
    expect(items[0]!.sentence).toBe(
      'Its last start failed. Open it and try Start again; if it keeps failing, delete it and create a new one.',
    );
    // What an Unavailable one with work in it is told: see “advice that matches what the buttons allow”.
  });

  it('flags a codespace stopped for weeks that only costs storage, with Delete (and Export first when it holds work)', () => {
    const items = personalAttention(
      [
        codespace({ display_name: 'Old', last_used_at: iso(NOW - 21 * DAY), retention_expires_at: iso(NOW + 3 * DAY) }),
        codespace({ display_name: 'Old with work', last_used_at: iso(NOW - 15 * DAY), git_status: unpushed }),
      ],
      NOW,
    );
    expect(items.map((i) => [i.title, i.kind, i.actions])).toEqual([
      ['Old', 'storage-only', ['delete']],
      ['Old with work', 'storage-only', ['export', 'delete']],
    ]);
    expect(items[0]).toMatchObject({ storageGb: 32, storagePerMonth: 2.24, unusedMs: 21 * DAY, deletesInMs: 3 * DAY });
    expect(items[0]!.sentence).toBe('Unused for 21 days; its 32 GB disk costs $2.24 a month. GitHub deletes it in 3 days.');
    expect(items[1]!.sentence).toBe(
      'Unused for 15 days; its 32 GB disk costs $2.24 a month. It holds unpushed work: export it before deleting.',
    );
  });

  it('counts "for weeks" from fourteen days unused', () => {
    const unusedFor = (ms: number) => personalAttention([codespace({ last_used_at: iso(NOW - ms) })], NOW);
    expect(unusedFor(14 * DAY)).toEqual([]);
    expect(unusedFor(14 * DAY + MINUTE).map((i) => i.kind)).toEqual(['storage-only']);
  });

  it('lists each codespace once, most urgent first', () => {
    const items = personalAttention(
      [
        codespace({ display_name: 'Storage', last_used_at: iso(NOW - 20 * DAY) }),
        codespace({ display_name: 'Idle', state: 'Available', last_used_at: iso(NOW - 3 * HOUR) }),
        codespace({
          display_name: 'Later',
          git_status: unpushed,
          last_used_at: iso(NOW - 25 * DAY),
          retention_expires_at: iso(NOW + 5 * DAY),
        }),
        codespace({ display_name: 'Sooner', git_status: unpushed, retention_expires_at: iso(NOW + 2 * HOUR) }),
        codespace({ display_name: 'Failed', state: 'Failed' }),
      ],
      NOW,
    );
    expect(kinds(items)).toEqual([
      ['Sooner', 'work-expiring'],
      ['Later', 'work-expiring'],
      ['Failed', 'problem'],
      ['Idle', 'running-unused'],
      ['Storage', 'storage-only'],
    ]);
  });

  it('reads only the fields the list’s summaries carry, and hands back the object it was given', () => {
    const summary: AttentionInput & { repository: { full_name: string } } = {
      name: 'mona-web-abc',
      display_name: null,
      state: 'Available',
      last_used_at: iso(NOW - 3 * HOUR),
      created_at: iso(NOW - 10 * DAY),
      idle_timeout_minutes: 30,
      retention_expires_at: null,
      retention_period_minutes: 43_200,
      git_status: clean,
      machine: null,
      repository: { full_name: 'octo-org/web' },
    };
    const [item] = personalAttention([summary], NOW);
    expect(item!.codespace).toBe(summary);
    expect(item!.title).toBe('mona-web-abc');
    expect(item!.sentence).toContain('$0.00 an hour');
  });
});

/** The imperatives a sentence may hold, and the action each one asks of the person. */
const ADVICE: [RegExp, CodespaceAction][] = [
  [/\btry start\b|\bstart it\b/i, 'start'],
  [/\bexport it\b/i, 'export'],
  [/\bstop it\b/i, 'stop'],
  [/(?<!not )\bdelete it\b/i, 'delete'],
];

describe('advice that matches what the buttons allow', () => {
  it('never tells me to start or export an Unavailable codespace, whose page allows neither, and tells me not to delete its work', () => {
    const [item] = personalAttention([codespace({ display_name: 'Unreachable', state: 'Unavailable', git_status: unpushed })], NOW);
    expect(actionAvailability(item!.codespace, 'start').allowed).toBe(false);
    expect(actionAvailability(item!.codespace, 'export').allowed).toBe(false);
    expect(item!.sentence).not.toMatch(/try start|start it|export it/i);
    expect(item!.sentence).toBe(
      'GitHub cannot reach it right now, which usually passes on its own; until then it can be neither started nor exported. It holds unpushed work that exists only there: do not delete it. If it stays Unavailable for long, ask GitHub Support.',
    );
    expect(item!.actions).toEqual(['open']);
  });

  it('says why a codespace GitHub is busy with can only be deleted, in GitHub’s words, and offers nothing else', () => {
    const reason = 'This codespace is moving to a new machine type.';
    const [item] = personalAttention(
      [
        codespace({
          state: 'Available',
          last_used_at: iso(NOW - 5 * HOUR),
          pending_operation: true,
          pending_operation_disabled_reason: reason,
        }),
      ],
      NOW,
    );
    expect(item!.kind).toBe('running-unused');
    expect(item!.actions).toEqual(['open']);
    expect(item!.sentence).toBe(
      'Running but unused for 5 hours, past its 30-minute idle timeout: $0.36 an hour, $1.80 so far. It cannot be stopped now: This codespace is moving to a new machine type.',
    );
  });

  it('in every state, busy or not, with or without work at risk: each action advised and each one offered is allowed', () => {
    const states = [...CODESPACE_STATES, 'Hibernating'];
    const variants = states.flatMap((state) =>
      [false, true].flatMap((pending) =>
        [clean, unpushed, uncommitted].flatMap((git_status) =>
          [NOW - 5 * HOUR, NOW - 20 * DAY].flatMap((lastUsed) =>
            [null, iso(NOW + 2 * DAY)].map((retention_expires_at) =>
              codespace({
                state: state as Codespace['state'],
                git_status,
                last_used_at: iso(lastUsed),
                retention_expires_at,
                pending_operation: pending,
                pending_operation_disabled_reason: pending ? 'GitHub is busy with it.' : null,
              }),
            ),
          ),
        ),
      ),
    );
    const items = personalAttention(variants, NOW);
    expect(items.length).toBeGreaterThan(40);
    for (const item of items) {
      for (const [phrase, action] of ADVICE) {
        if (phrase.test(item.sentence)) {
          expect(actionAvailability(item.codespace, action), `${item.codespace.state}: “${item.sentence}”`).toEqual({ allowed: true });
        }
      }
      if (/do not delete it/.test(item.sentence)) expect(item.actions, item.sentence).not.toContain('delete');
      for (const action of item.actions) {
        if (action !== 'open') expect(actionAvailability(item.codespace, action).allowed, `${item.codespace.state}: ${action}`).toBe(true);
      }
    }
  });
});
