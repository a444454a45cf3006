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
  // Not "needs attention": that is the attention panel's, which counts other things.
  problem: 'Not working',
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

export type CodespaceAction = 'start' | 'stop' | 'delete' | 'export' | 'rename' | 'changeMachine' | 'publish' | 'connect';

export type Availability = { allowed: true } | { allowed: false; reason: string };

/** What the rules read of a codespace: its state, and whether GitHub has an operation pending on it. */
export type ActionSubject = Pick<Codespace, 'pending_operation' | 'pending_operation_disabled_reason'> & { state: AnyCodespaceState };

const allowed: Availability = { allowed: true };
const refused = (reason: string): Availability => ({ allowed: false, reason });

/**
 * GitHub's `pending_operation`: "the codespace is temporarily unavailable. The only thing that you
 * can do with a codespace in this state is delete it" (the codespace schema of GitHub's REST
 * description). Its reason is GitHub's `pending_operation_disabled_reason`, in GitHub's words.
 */
export function pendingOperation(codespace: Partial<ActionSubject>): { reason: string } | null {
  if (!codespace.pending_operation) return null;
  const said = codespace.pending_operation_disabled_reason?.trim();
  return { reason: said || 'GitHub is finishing an operation on this codespace; until it has, it can only be deleted' };
}

/**
 * Whether an action makes sense for the codespace now, and if not, why (shown to the user). The one
 * rule every control and every piece of advice asks: buttons, shortcuts, bulk plans, the palette,
 * the attention lists.
 */
export function actionAvailability(codespace: ActionSubject, action: CodespaceAction): Availability {
  const { state } = codespace;
  const tone = stateTone(state);
  if (tone === 'gone') return refused(`This codespace is ${state === 'Moved' ? 'moved' : 'deleted'}`);
  const pending = pendingOperation(codespace);
  if (pending && action !== 'delete') return refused(pending.reason);
  if (tone === 'unknown') {
    // A state newer than Hangar: nothing that assumes what it means. Renaming, deleting and opening do not.
    return action === 'rename' || action === 'delete' || action === 'connect'
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
    case 'publish':
    case 'connect':
      return allowed;
    case 'delete':
      return state === 'Starting' || state === 'ShuttingDown' || state === 'Exporting' ? busy : allowed;
  }
}

/**
 * The one-click power control (a row's button, the detail page's, the list's `s` key): Stop for a
 * running codespace, Start for any other, each with whether it is allowed now and why not.
 */
export function powerAction(codespace: ActionSubject): { action: 'start' | 'stop'; availability: Availability } {
  const action = stateTone(codespace.state) === 'running' ? 'stop' : 'start';
  return { action, availability: actionAvailability(codespace, action) };
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
