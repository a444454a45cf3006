import { describe, expect, it } from 'vitest';
import { codespacesNeedingAttention, nearDeletion, runningUnused, selectableGroups } from './rules';
import { makeCodespace } from '@/lib/test/fixtures';
import { DAY_MS, durationInWords, HOUR_MS, MINUTE_MS } from '@/lib/format';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const clean = { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' };

describe('the shared attention rules', () => {
  it('say a distance in the unit a person would use', () => {
    expect(durationInWords(10_000)).toBe('1 minute');
    expect(durationInWords(59 * MINUTE_MS)).toBe('59 minutes');
    expect(durationInWords(HOUR_MS)).toBe('1 hour');
    expect(durationInWords(47 * HOUR_MS)).toBe('47 hours');
    expect(durationInWords(2 * DAY_MS)).toBe('2 days');
  });

  it('see deletion coming only for stopped codespaces with a retention date in the window', () => {
    const stopped = {
      state: 'Shutdown' as const,
      git_status: { ...clean, ahead: 1 },
      retention_expires_at: new Date(NOW + HOUR_MS).toISOString(),
    };
    expect(nearDeletion(stopped, NOW, DAY_MS)).toEqual({ expiresIn: HOUR_MS, unpushed: true, uncommitted: false, atRisk: true });
    expect(nearDeletion({ ...stopped, state: 'Available' }, NOW, DAY_MS)).toBeNull();
    expect(nearDeletion({ ...stopped, retention_expires_at: null }, NOW, DAY_MS)).toBeNull();
    expect(nearDeletion(stopped, NOW, HOUR_MS - 1)).toBeNull();
  });

  it('see a running codespace as unused only past the threshold', () => {
    const running = { state: 'Available' as const, last_used_at: new Date(NOW - 2 * HOUR_MS).toISOString() };
    expect(runningUnused(running, NOW, 2 * HOUR_MS)).toBeNull();
    expect(runningUnused(running, NOW + 1, 2 * HOUR_MS)).toBe(2 * HOUR_MS + 1);
    expect(runningUnused({ ...running, state: 'Shutdown' }, NOW, 0)).toBeNull();
  });
});

describe('a panel’s groups and count', () => {
  const running = (name: string) => makeCodespace({ name, state: 'Available' });
  const stopped = (name: string) => makeCodespace({ name, state: 'Shutdown' });
  const labels = { 'running-unused': 'Running, unused', 'storage-only': 'Stopped for weeks', problem: 'Not working' };

  it('offers each kind with a bulk action as a group to select, with only the codespaces that allow it now', () => {
    const busy = { ...running('busy'), pending_operation: true, pending_operation_disabled_reason: 'Exporting' };
    const items = [
      { kind: 'running-unused' as const, codespace: running('a') },
      { kind: 'running-unused' as const, codespace: busy },
      { kind: 'running-unused' as const, codespace: running('b') },
      { kind: 'storage-only' as const, codespace: stopped('c') },
      { kind: 'problem' as const, codespace: makeCodespace({ name: 'd', state: 'Failed' }) },
    ];
    expect(selectableGroups(items, { 'running-unused': 'stop', 'storage-only': 'delete' }, labels)).toEqual([
      { kind: 'running-unused', label: 'Running, unused', action: 'stop', names: ['a', 'b'] },
      { kind: 'storage-only', label: 'Stopped for weeks', action: 'delete', names: ['c'] },
    ]);
  });

  it('counts codespaces, each once, whatever number of reasons it is there for', () => {
    const a = running('a');
    expect(codespacesNeedingAttention([{ codespace: a }, { codespace: a }, { codespace: stopped('b') }])).toBe(2);
  });
});
