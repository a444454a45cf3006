import type { AnyCodespaceState, Codespace, CodespaceState } from './types';

/** Every value of the documented `state` enum, in a sensible reading order. */
export const CODESPACE_STATES = [
  'Available',
  'Starting',
  'ShuttingDown',
  'Shutdown',
  'Queued',
  'Created',
  'Provisioning',
  'Awaiting',
  'Rebuilding',
  'Updating',
  'Exporting',
  'Archived',
  'Unavailable',
  'Failed',
  'Moved',
  'Deleted',
  'Unknown',
] as const satisfies readonly CodespaceState[];

/**
 * How a state reads at a glance. One tone per state, used for the badge colour everywhere.
 * - running: billing for compute now
 * - transitional: on its way somewhere; the page polls quickly until it lands
 * - stopped: not billing for compute (storage still bills)
 * - problem: needs a person's attention
 * - gone: no longer usable from here
 * - unknown: a state GitHub added after Hangar was written; shown as GitHub wrote it, neutrally,
 *   and nothing that depends on the state is offered
 */
export type StateTone = 'running' | 'transitional' | 'stopped' | 'problem' | 'gone' | 'unknown';

const TONES: Record<CodespaceState, StateTone> = {
  Available: 'running',
  Starting: 'transitional',
  ShuttingDown: 'transitional',
  Queued: 'transitional',
  Created: 'transitional',
  Provisioning: 'transitional',
  Awaiting: 'transitional',
  Rebuilding: 'transitional',
  Updating: 'transitional',
  Exporting: 'transitional',
  Shutdown: 'stopped',
  Archived: 'stopped',
  Unavailable: 'problem',
  Failed: 'problem',
  Unknown: 'problem',
  Moved: 'gone',
  Deleted: 'gone',
};

export const TONE_LABELS: Record<StateTone, string> = {
  running: 'Running',
  transitional: 'Changing',
  stopped: 'Stopped',
  problem: 'Needs attention',
  gone: 'Gone',
  unknown: 'Unrecognised',
};

export function stateTone(state: AnyCodespaceState): StateTone {
  return isCodespaceState(state) ? TONES[state] : 'unknown';
}

export function isTransitional(state: AnyCodespaceState): boolean {
  return stateTone(state) === 'transitional';
}

export function isCodespaceState(value: string): value is CodespaceState {
  return Object.hasOwn(TONES, value);
}

export type CodespaceAction = 'start' | 'stop' | 'delete' | 'export' | 'rename' | 'changeMachine';

export type Availability = { allowed: true } | { allowed: false; reason: string };

const allowed: Availability = { allowed: true };
const refused = (reason: string): Availability => ({ allowed: false, reason });

/** Whether an action makes sense in the codespace's current state, and if not, why (shown to the user). */
export function actionAvailability(codespace: { state: AnyCodespaceState }, action: CodespaceAction): Availability {
  const { state } = codespace;
  const tone = stateTone(state);
  if (tone === 'gone') return refused(`This codespace is ${state === 'Moved' ? 'moved' : 'deleted'}`);
  if (tone === 'unknown') {
    // A state newer than Hangar: nothing that assumes what it means. Renaming and deleting do not.
    return action === 'rename' || action === 'delete'
      ? allowed
      : refused(`Hangar does not know the state “${state}” yet, so it offers nothing that depends on it`);
  }
  const busy = refused(`Wait until it is no longer ${state}`);

  switch (action) {
    case 'start':
      if (state === 'Shutdown' || state === 'Failed') return allowed;
      if (state === 'Available') return refused('Already running');
      return tone === 'transitional' ? busy : refused(`A codespace that is ${state} cannot be started`);
    case 'stop':
      if (state === 'Available') return allowed;
      if (tone === 'stopped') return refused('Already stopped');
      return tone === 'transitional' ? busy : refused(`A codespace that is ${state} cannot be stopped`);
    case 'export':
    case 'changeMachine':
      if (state === 'Available' || state === 'Shutdown') return allowed;
      return tone === 'transitional' ? busy : refused(`Not possible while the codespace is ${state}`);
    case 'rename':
      return allowed;
    case 'delete':
      return state === 'Starting' || state === 'ShuttingDown' || state === 'Exporting' ? busy : allowed;
  }
}

/** Work that exists only inside the codespace and would be lost with it. */
export function workAtRisk(codespace: { git_status?: Codespace['git_status'] | null }): {
  unpushed: boolean;
  uncommitted: boolean;
  ahead: number;
  atRisk: boolean;
} {
  // GitHub may leave git_status out (or answer it empty): nothing known is nothing at risk.
  const git = codespace.git_status ?? {};
  const ahead = git.ahead ?? 0;
  const unpushed = Boolean(git.has_unpushed_changes) || ahead > 0;
  const uncommitted = Boolean(git.has_uncommitted_changes);
  return { unpushed, uncommitted, ahead, atRisk: unpushed || uncommitted };
}

export function codespaceTitle(codespace: Pick<Codespace, 'display_name' | 'name'>): string {
  return codespace.display_name?.trim() || codespace.name;
}
