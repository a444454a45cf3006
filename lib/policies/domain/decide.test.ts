import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { codespaceFingerprint, decide, durationWords, judgeCodespace, type MemberCosts, type PolicyDecision } from './decide';
import type { Exemptions, PolicyRule } from './schemas';

const NOW = new Date('2026-11-25T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const CLEAN = { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' };
const NO_EXEMPTIONS: Exemptions = { members: [], codespaces: [] };

function codespace(name: string, member: string, overrides: Partial<Codespace> = {}): Codespace {
  return makeCodespace({ name, owner: { ...makeCodespace().owner, login: member }, git_status: CLEAN, ...overrides });
}

/** The decision as rows a person reads: "name (member): reason". */
function rows(decision: PolicyDecision) {
  return {
    actions: decision.actions.map((a) => `${a.action} ${a.displayName} (${a.member}): ${a.reason}`),
    kept: decision.kept.map((k) => `${k.displayName} (${k.member}): ${k.reason}`),
    exempt: decision.exempt.map((e) => `${e.displayName} (${e.member}): ${e.exemptBecause}; would ${e.action}: ${e.reason}`),
  };
}

describe('Idle limit: stops running codespaces unused for longer than the limit', () => {
  const twoHours: PolicyRule = { kind: 'idle-limit', limit: 2, unit: 'hours' };

  it.each([
    ['running, unused 3 hours', { state: 'Available', last_used_at: ago(3 * HOUR) }, 'act'],
    ['running, unused exactly 2 hours', { state: 'Available', last_used_at: ago(2 * HOUR) }, 'pass'],
    ['running, used 10 minutes ago', { state: 'Available', last_used_at: ago(10 * MINUTE) }, 'pass'],
    ['stopped long ago', { state: 'Shutdown', last_used_at: ago(30 * DAY) }, 'pass'],
    ['shutting down', { state: 'ShuttingDown', last_used_at: ago(5 * HOUR) }, 'pass'],
    ['starting after a long pause', { state: 'Starting', last_used_at: ago(5 * HOUR) }, 'pass'],
    ['running, with a pending operation', { state: 'Available', last_used_at: ago(5 * HOUR), pending_operation: true }, 'keep'],
    ['running, no usable time of last use', { state: 'Available', last_used_at: 'yesterday' }, 'keep'],
    [
      'running, with unpushed work (stopping loses nothing)',
      { state: 'Available', last_used_at: ago(5 * HOUR), git_status: { ...CLEAN, has_unpushed_changes: true } },
      'act',
    ],
  ] as const)('%s → %s', (_, overrides, outcome) => {
    expect(
      judgeCodespace({ rule: twoHours, exempt: NO_EXEMPTIONS }, codespace('c', 'mona', overrides as Partial<Codespace>), { now: NOW })
        .outcome,
    ).toBe(outcome);
  });

  it('lists each codespace by display name (its name when it has none) and member, with the reason in words', () => {
    const decision = decide(
      { rule: { kind: 'idle-limit', limit: 90, unit: 'minutes' }, exempt: NO_EXEMPTIONS },
      [
        codespace('octo-web-abc', 'mona', { display_name: 'Checkout fix', state: 'Available', last_used_at: ago(3 * HOUR + 20 * MINUTE) }),
        codespace('octo-api-def', 'hubot', { display_name: null, state: 'Available', last_used_at: ago(4 * DAY) }),
        codespace('octo-api-ghi', 'hubot', { state: 'Available', last_used_at: ago(30 * MINUTE) }),
      ],
      { now: NOW },
    );
    expect(rows(decision)).toEqual({
      actions: [
        'stop octo-api-def (hubot): Running and unused for 4 days (limit: 90 minutes)',
        'stop Checkout fix (mona): Running and unused for 3 hours (limit: 90 minutes)',
      ],
      kept: [],
      exempt: [],
    });
    expect(decision.actions[1]).toMatchObject({ codespace: 'octo-web-abc', displayName: 'Checkout fix', member: 'mona' });
  });
});

describe('Quiet hours: stops every running codespace', () => {
  const quiet: PolicyRule = {
    kind: 'quiet-hours',
    time: '19:00',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    timeZone: 'Europe/Berlin',
  };

  it('stops what runs, however recently used; keeps what is starting; ignores what is stopped', () => {
    const decision = decide(
      { rule: quiet, exempt: NO_EXEMPTIONS },
      [
        codespace('busy', 'mona', { state: 'Available', last_used_at: ago(MINUTE) }),
        codespace('booting', 'mona', { state: 'Starting' }),
        codespace('asleep', 'mona', { state: 'Shutdown' }),
        codespace('leaving', 'mona', { state: 'ShuttingDown' }),
      ],
      { now: NOW },
    );
    expect(rows(decision)).toEqual({
      actions: ['stop busy (mona): Running at quiet hours (Monday to Friday at 19:00 (Europe/Berlin))'],
      kept: ['booting (mona): Cannot be stopped while it is Starting'],
      exempt: [],
    });
  });
});

describe('Stale clean-up: deletes codespaces stopped and unused for longer than the limit, never work at risk', () => {
  const month: PolicyRule = { kind: 'stale-cleanup', days: 30 };

  it.each([
    [
      'stopped 45 days, pushed and committed',
      { state: 'Shutdown', last_used_at: ago(45 * DAY) },
      'act',
      'Stopped and unused for 45 days (limit: 30 days)',
    ],
    ['stopped 29 days', { state: 'Shutdown', last_used_at: ago(29 * DAY) }, 'pass', 'Used 29 days ago, within the 30 days limit'],
    ['running, unused 45 days', { state: 'Available', last_used_at: ago(45 * DAY) }, 'pass', 'Running'],
    [
      'unpushed commits',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: { ...CLEAN, has_unpushed_changes: true, ahead: 2 } },
      'keep',
      'Has unpushed changes; a policy never deletes work that exists nowhere else',
    ],
    [
      'ahead of its remote, flag not set',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: { ...CLEAN, ahead: 1 } },
      'keep',
      'Has unpushed changes; a policy never deletes work that exists nowhere else',
    ],
    [
      'uncommitted changes',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: { ...CLEAN, has_uncommitted_changes: true } },
      'keep',
      'Has uncommitted changes; a policy never deletes work that exists nowhere else',
    ],
    [
      'both',
      {
        state: 'Shutdown',
        last_used_at: ago(45 * DAY),
        git_status: { ...CLEAN, has_unpushed_changes: true, has_uncommitted_changes: true },
      },
      'keep',
      'Has unpushed and uncommitted changes; a policy never deletes work that exists nowhere else',
    ],
    [
      'no git status at all',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: undefined },
      'keep',
      'Its git status is unknown, so it may hold work that exists nowhere else; a policy never deletes that',
    ],
    [
      'an empty git status',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: {} },
      'keep',
      'Its git status is unknown, so it may hold work that exists nowhere else; a policy never deletes that',
    ],
    [
      'a git status without the uncommitted flag',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), git_status: { ahead: 0, has_unpushed_changes: false } },
      'keep',
      'Its git status is unknown, so it may hold work that exists nowhere else; a policy never deletes that',
    ],
    [
      'a pending operation',
      { state: 'Shutdown', last_used_at: ago(45 * DAY), pending_operation: true, pending_operation_disabled_reason: 'Export in progress' },
      'keep',
      'An operation is pending on it (Export in progress); the policy waits until it is done',
    ],
  ] as const)('%s → %s', (_, overrides, outcome, reason) => {
    const verdict = judgeCodespace({ rule: month, exempt: NO_EXEMPTIONS }, codespace('c', 'mona', overrides as Partial<Codespace>), {
      now: NOW,
    });
    expect(verdict).toMatchObject({ outcome, reason });
  });

  it('lists work at risk as kept, never among the deletions', () => {
    const decision = decide(
      { rule: month, exempt: NO_EXEMPTIONS },
      [
        codespace('old-clean', 'mona', { state: 'Shutdown', last_used_at: ago(60 * DAY) }),
        codespace('old-dirty', 'mona', {
          display_name: 'Half-done refactor',
          state: 'Shutdown',
          last_used_at: ago(60 * DAY),
          git_status: { ...CLEAN, has_uncommitted_changes: true },
        }),
      ],
      { now: NOW },
    );
    expect(decision.actions.map((a) => a.codespace)).toEqual(['old-clean']);
    expect(decision.kept).toEqual([
      {
        codespace: 'old-dirty',
        displayName: 'Half-done refactor',
        member: 'mona',
        action: 'delete',
        reason: 'Has uncommitted changes; a policy never deletes work that exists nowhere else',
      },
    ]);
  });
});

describe('Monthly budget: stops a member’s running codespaces once their cost this month passes the amount', () => {
  const fifty: PolicyRule = { kind: 'monthly-budget', amountUsd: 50 };
  const costs = (entries: Record<string, number>): MemberCosts => ({ known: true, byMember: new Map(Object.entries(entries)) });

  it('stops only the running codespaces of members over budget, whatever their machine', () => {
    const decision = decide(
      { rule: fifty, exempt: NO_EXEMPTIONS },
      [
        codespace('mona-big', 'Mona', { state: 'Available', machine: { ...makeCodespace().machine!, cpus: 32 } }),
        codespace('mona-small', 'Mona', { state: 'Shutdown' }),
        codespace('mona-boot', 'Mona', { state: 'Starting' }),
        codespace('hubot-1', 'hubot', { state: 'Available' }),
        codespace('new-1', 'newcomer', { state: 'Available' }),
      ],
      { now: NOW, memberCosts: costs({ mona: 52.1, hubot: 50 }) },
    );
    expect(rows(decision)).toEqual({
      actions: ["stop mona-big (Mona): Mona's estimated cost this month, $52.10, is over the $50.00 budget"],
      kept: ['mona-boot (Mona): Cannot be stopped while it is Starting'],
      exempt: [],
    });
  });

  it('acts on nothing, and says why, when the month’s cost is unknown', () => {
    const decision = decide({ rule: fifty, exempt: NO_EXEMPTIONS }, [codespace('mona-big', 'mona', { state: 'Available' })], {
      now: NOW,
      memberCosts: { known: false, why: 'GitHub answered 403 to the usage report' },
    });
    expect(decision).toEqual({ actions: [], kept: [], exempt: [], notes: ['GitHub answered 403 to the usage report'] });
  });
});

describe('Exemptions', () => {
  const idle: PolicyRule = { kind: 'idle-limit', limit: 30, unit: 'minutes' };
  const stale: PolicyRule = { kind: 'stale-cleanup', days: 7 };

  it('lists exempt codespaces and members as exempt, with what the policy would otherwise do, and never acts on them', () => {
    const decision = decide(
      { rule: idle, exempt: { members: ['HUBOT'], codespaces: ['demo-box'] } },
      [
        codespace('demo-box', 'mona', { display_name: 'Demo', state: 'Available', last_used_at: ago(5 * HOUR) }),
        codespace('bot-1', 'hubot', { state: 'Available', last_used_at: ago(5 * HOUR) }),
        codespace('bot-2', 'hubot', { state: 'Shutdown', last_used_at: ago(5 * HOUR) }),
        codespace('other', 'mona', { state: 'Available', last_used_at: ago(5 * HOUR) }),
      ],
      { now: NOW },
    );
    expect(rows(decision)).toEqual({
      actions: ['stop other (mona): Running and unused for 5 hours (limit: 30 minutes)'],
      kept: [],
      exempt: [
        "bot-1 (hubot): Exempt: the member hubot is named in the policy's exemptions; would stop: Running and unused for 5 hours (limit: 30 minutes)",
        "Demo (mona): Exempt: the codespace demo-box is named in the policy's exemptions; would stop: Running and unused for 5 hours (limit: 30 minutes)",
      ],
    });
  });

  it('puts an exemption before anything else: an exempt codespace with work at risk is exempt, not kept', () => {
    const verdict = judgeCodespace(
      { rule: stale, exempt: { members: [], codespaces: ['keep-me'] } },
      codespace('keep-me', 'mona', { state: 'Shutdown', last_used_at: ago(30 * DAY), git_status: {} }),
      { now: NOW },
    );
    expect(verdict.outcome).toBe('exempt');
  });
});

describe('changes that make a codespace worth judging again', () => {
  it('changes with its state, last use, pending operation or git status, not with its display name', () => {
    const base = codespace('c', 'mona', { state: 'Available' });
    const same = codespaceFingerprint(base);
    expect(codespaceFingerprint({ ...base, display_name: 'Renamed' })).toBe(same);
    expect(codespaceFingerprint({ ...base, state: 'ShuttingDown' })).not.toBe(same);
    expect(codespaceFingerprint({ ...base, last_used_at: NOW.toISOString() })).not.toBe(same);
    expect(codespaceFingerprint({ ...base, pending_operation: true })).not.toBe(same);
    expect(codespaceFingerprint({ ...base, git_status: { ...CLEAN, has_uncommitted_changes: true } })).not.toBe(same);
  });
});

describe('durations in words', () => {
  it.each([
    [45 * MINUTE, '45 minutes'],
    [119 * MINUTE, '119 minutes'],
    [3 * HOUR + 59 * MINUTE, '3 hours'],
    [71 * HOUR, '71 hours'],
    [3 * DAY + 23 * HOUR, '3 days'],
    [400 * DAY, '400 days'],
  ])('%i ms is "%s" (never more than the truth)', (ms, words) => expect(durationWords(ms)).toBe(words));
});
