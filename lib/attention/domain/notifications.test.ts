import { describe, expect, it } from 'vitest';
import {
  workAtRiskNotice,
  describeNotification,
  localDay,
  notificationEvents,
  type NotificationInput,
  type WatchedCodespace,
} from './notifications';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const clean = { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' };
const cs = (name: string, state: WatchedCodespace['state'], extra: Partial<WatchedCodespace> = {}): WatchedCodespace => ({
  name,
  display_name: name.toUpperCase(),
  state,
  git_status: clean,
  retention_expires_at: null,
  ...extra,
});
const run = (input: Partial<NotificationInput> & Pick<NotificationInput, 'current'>) =>
  notificationEvents({ told: {}, today: '2026-11-25', now: NOW, ...input });

describe('notifications between two looks at my codespaces', () => {
  it('warns about work at risk of deletion once a day per codespace', () => {
    const atRisk = cs('a', 'Shutdown', {
      git_status: { ...clean, ahead: 1, has_unpushed_changes: true },
      retention_expires_at: new Date(NOW + 20 * HOUR).toISOString(),
    });
    const today = run({ current: [atRisk, cs('b', 'Shutdown')] });
    expect(today.events).toEqual([
      {
        kind: 'work-at-risk',
        name: 'a',
        title: 'A',
        expiresInMs: 20 * HOUR,
        work: 'unpushed',
        advice: 'Export it to a branch, or start it and push.',
      },
    ]);
    expect(today.told).toEqual({ a: '2026-11-25' });

    expect(run({ current: [atRisk], told: today.told }).events).toEqual([]);
    const tomorrow = run({ current: [atRisk], told: today.told, today: '2026-11-26' });
    expect(tomorrow.events.map((e) => e.kind)).toEqual(['work-at-risk']);
    expect(tomorrow.told).toEqual({ a: '2026-11-26' });
  });

  it('advises only what the codespace allows: nothing to export or start while it is Archived or GitHub is busy with it', () => {
    const expiring = {
      git_status: { ...clean, ahead: 1, has_unpushed_changes: true },
      retention_expires_at: new Date(NOW + 20 * HOUR).toISOString(),
    };
    const archived = run({ current: [cs('a', 'Archived', expiring)] }).events[0]!;
    expect(archived).toMatchObject({ advice: 'It can be neither exported nor started while it is Archived.' });
    expect(describeNotification(archived).body).toBe(
      'GitHub deletes this codespace in 20 hours. It can be neither exported nor started while it is Archived.',
    );
    const busy = run({
      current: [cs('a', 'Shutdown', { ...expiring, pending_operation: true, pending_operation_disabled_reason: 'Moving machines.' })],
    }).events[0]!;
    expect(busy).toMatchObject({ advice: 'It can be neither exported nor started now: Moving machines.' });
  });

  it('forgets what it told about codespaces that are gone', () => {
    expect(run({ current: [cs('b', 'Shutdown')], told: { a: '2026-11-24', b: '2026-11-20' } }).told).toEqual({ b: '2026-11-20' });
  });
});

describe('notifications in words', () => {
  it('names the codespace, says what happened and where clicking leads', () => {
    expect(describeNotification({ kind: 'available', name: 'mona-web-1', title: 'Checkout' })).toEqual({
      title: 'Checkout is ready',
      body: 'Your codespace is Available.',
      href: '/codespaces/mona-web-1',
      tag: 'state:mona-web-1',
      tone: 'success',
    });
    expect(
      describeNotification({ kind: 'export-succeeded', name: 'a', title: 'A', branch: 'codespace-a', url: 'https://example.test/b' }),
    ).toMatchObject({
      body: 'Its changes are on the branch codespace-a.',
      href: 'https://example.test/b',
    });
    expect(
      describeNotification({
        kind: 'work-at-risk',
        name: 'a',
        title: 'A',
        expiresInMs: 20 * HOUR,
        work: 'unpushed and uncommitted',
        advice: 'Export it to a branch, or start it and push.',
      }),
    ).toMatchObject({
      title: 'A: unpushed and uncommitted work at risk',
      body: 'GitHub deletes this codespace in 20 hours. Export it to a branch, or start it and push.',
    });
  });

  it('counts days on the user’s own calendar', () => {
    expect(localDay(new Date(2026, 10, 25, 23, 59).getTime())).toBe('2026-11-25');
    expect(localDay(new Date(2026, 0, 2, 0, 1).getTime())).toBe('2026-01-02');
  });
});

describe('the day’s word about work at risk', () => {
  const risk = (name: string) => ({
    kind: 'work-at-risk' as const,
    name,
    title: name.toUpperCase(),
    expiresInMs: 3_600_000,
    work: 'unpushed',
    advice: 'Export it to a branch.',
  });

  it('is one notice per codespace when there is one, and one notice for all when there are several', () => {
    expect(workAtRiskNotice([])).toBeNull();
    expect(workAtRiskNotice([risk('a')])).toEqual(risk('a'));
    const several = workAtRiskNotice([risk('a'), risk('b'), risk('c')])!;
    expect(several).toEqual({ kind: 'work-at-risk-several', titles: ['A', 'B', 'C'] });
    expect(describeNotification(several)).toMatchObject({
      title: '3 codespaces hold work at risk',
      body: expect.stringContaining('A, B and 1 more'),
      href: '/',
      tone: 'warning',
    });
  });
});
