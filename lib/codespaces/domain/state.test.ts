import { describe, expect, it } from 'vitest';
import {
  actionAvailability,
  CODESPACE_STATES,
  codespaceTitle,
  isTransitional,
  pendingOperation,
  powerAction,
  stateTone,
  workAtRisk,
} from './state';
import type { CodespaceState } from './types';

const allowedStates = (action: Parameters<typeof actionAvailability>[1]) =>
  CODESPACE_STATES.filter((state) => actionAvailability({ state }, action).allowed);

describe('codespace states', () => {
  it('covers every state of GitHub’s documented enum', () => {
    expect([...CODESPACE_STATES].sort()).toEqual(
      [
        'Unknown',
        'Created',
        'Queued',
        'Provisioning',
        'Available',
        'Awaiting',
        'Unavailable',
        'Deleted',
        'Moved',
        'Shutdown',
        'Archived',
        'Starting',
        'ShuttingDown',
        'Failed',
        'Exporting',
        'Updating',
        'Rebuilding',
      ].sort(),
    );
  });

  it('reads Available as running, Shutdown as stopped, the in-between states as transitional', () => {
    expect(stateTone('Available')).toBe('running');
    expect(stateTone('Shutdown')).toBe('stopped');
    for (const state of ['Starting', 'ShuttingDown', 'Provisioning', 'Queued', 'Rebuilding'] as CodespaceState[]) {
      expect(isTransitional(state)).toBe(true);
    }
    expect(isTransitional('Available')).toBe(false);
    expect(stateTone('Failed')).toBe('problem');
  });
});

describe('which action is allowed when', () => {
  it('starts only a stopped or failed codespace', () => {
    expect(allowedStates('start')).toEqual(['Shutdown', 'Failed']);
    expect(actionAvailability({ state: 'Available' }, 'start')).toEqual({ allowed: false, reason: 'Already running' });
    expect(actionAvailability({ state: 'Starting' }, 'start')).toEqual({ allowed: false, reason: 'Wait until it is no longer Starting' });
  });

  it('stops only a running codespace', () => {
    expect(allowedStates('stop')).toEqual(['Available']);
    expect(actionAvailability({ state: 'Shutdown' }, 'stop')).toEqual({ allowed: false, reason: 'Already stopped' });
  });

  it('never offers anything on a deleted codespace, and no delete mid-transition', () => {
    for (const action of ['start', 'stop', 'delete', 'export', 'rename', 'changeMachine'] as const) {
      expect(actionAvailability({ state: 'Deleted' }, action).allowed).toBe(false);
    }
    expect(actionAvailability({ state: 'ShuttingDown' }, 'delete').allowed).toBe(false);
    expect(actionAvailability({ state: 'Shutdown' }, 'delete').allowed).toBe(true);
  });

  it('gives a reason whenever it refuses', () => {
    for (const state of CODESPACE_STATES) {
      for (const action of ['start', 'stop', 'delete', 'export', 'rename', 'changeMachine'] as const) {
        const availability = actionAvailability({ state }, action);
        if (!availability.allowed) expect(availability.reason.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('work at risk', () => {
  it('counts commits ahead as unpushed work even when the flag is false', () => {
    expect(workAtRisk({ git_status: { ahead: 2, has_unpushed_changes: false } })).toMatchObject({ unpushed: true, ahead: 2, atRisk: true });
  });
  it('flags uncommitted changes', () => {
    expect(workAtRisk({ git_status: { has_uncommitted_changes: true } })).toMatchObject({ uncommitted: true, atRisk: true });
  });
  it('finds nothing at risk in a clean codespace', () => {
    expect(workAtRisk({ git_status: { ahead: 0, behind: 3, has_unpushed_changes: false, has_uncommitted_changes: false } }).atRisk).toBe(
      false,
    );
  });
});

describe('titles', () => {
  it('uses the display name, falling back to the name', () => {
    expect(codespaceTitle({ name: 'mona-web-abc', display_name: 'Web app' })).toBe('Web app');
    expect(codespaceTitle({ name: 'mona-web-abc', display_name: null })).toBe('mona-web-abc');
    expect(codespaceTitle({ name: 'mona-web-abc', display_name: '  ' })).toBe('mona-web-abc');
  });
});

describe('a state GitHub added after Hangar was written', () => {
  it('reads neutrally, as a state of its own, never as a problem or as one Hangar knows', () => {
    expect(stateTone('Hibernating')).toBe('unknown');
    expect(isTransitional('Hibernating')).toBe(false);
    // The documented Unknown state stays what it was: a problem to look at.
    expect(stateTone('Unknown')).toBe('problem');
    // Names inherited from Object.prototype are not states.
    expect(stateTone('constructor')).toBe('unknown');
  });

  it('offers nothing that assumes what it means, says why, and still lets it be renamed or deleted', () => {
    for (const action of ['start', 'stop', 'export', 'changeMachine'] as const) {
      expect(actionAvailability({ state: 'Hibernating' }, action)).toEqual({
        allowed: false,
        reason: 'Hangar does not know the state “Hibernating” yet, so it offers nothing that depends on it',
      });
    }
    expect(actionAvailability({ state: 'Hibernating' }, 'delete')).toEqual({ allowed: true });
    expect(actionAvailability({ state: 'Hibernating' }, 'rename')).toEqual({ allowed: true });
  });
});

describe('work at risk when GitHub says nothing about git', () => {
  it('finds nothing at risk in a missing or empty git_status', () => {
    expect(workAtRisk({})).toEqual({ unpushed: false, uncommitted: false, ahead: 0, atRisk: false });
    expect(workAtRisk({ git_status: null })).toMatchObject({ atRisk: false });
    expect(workAtRisk({ git_status: {} })).toMatchObject({ atRisk: false });
  });
});

describe('a codespace GitHub has an operation pending on', () => {
  const busy = { pending_operation: true, pending_operation_disabled_reason: 'Moving to a new machine type.' };

  it('allows only Delete, as GitHub documents, and refuses the rest with GitHub’s own reason', () => {
    for (const state of ['Available', 'Shutdown', 'Failed', 'Updating'] as const) {
      for (const action of ['start', 'stop', 'export', 'rename', 'changeMachine', 'publish', 'connect'] as const) {
        expect(actionAvailability({ state, ...busy }, action), `${state} ${action}`).toEqual({
          allowed: false,
          reason: 'Moving to a new machine type.',
        });
      }
      expect(actionAvailability({ state, ...busy }, 'delete')).toEqual({ allowed: true });
    }
  });

  it('still says why in words when GitHub gives no reason, and reads a false or missing flag as nothing pending', () => {
    expect(actionAvailability({ state: 'Shutdown', pending_operation: true }, 'start')).toEqual({
      allowed: false,
      reason: 'GitHub is finishing an operation on this codespace; until it has, it can only be deleted',
    });
    expect(pendingOperation({ pending_operation: true, pending_operation_disabled_reason: '  ' })?.reason).toMatch(/^GitHub is finishing/);
    expect(pendingOperation({ pending_operation: false, pending_operation_disabled_reason: 'stale' })).toBeNull();
    expect(actionAvailability({ state: 'Shutdown', pending_operation: null }, 'start')).toEqual({ allowed: true });
  });
});

describe('the one-click power control', () => {
  it('offers Stop for a running codespace and Start for any other, each with whether it may be used now', () => {
    expect(powerAction({ state: 'Available' })).toEqual({ action: 'stop', availability: { allowed: true } });
    expect(powerAction({ state: 'Shutdown' })).toEqual({ action: 'start', availability: { allowed: true } });
    expect(powerAction({ state: 'Starting' })).toEqual({
      action: 'start',
      availability: { allowed: false, reason: 'Wait until it is no longer Starting' },
    });
    // Running, with an operation pending: Stop is still the control, disabled with GitHub's reason.
    expect(powerAction({ state: 'Available', pending_operation: true, pending_operation_disabled_reason: 'Busy.' })).toEqual({
      action: 'stop',
      availability: { allowed: false, reason: 'Busy.' },
    });
  });
});
