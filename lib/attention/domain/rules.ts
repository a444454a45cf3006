import {
  actionAvailability,
  pendingOperation,
  stateTone,
  workAtRisk,
  type ActionSubject,
  type CodespaceAction,
} from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { asSentence } from '@/lib/format';

/**
 * The rules behind every "needs attention" list, the organisation's and the user's own: which
 * codespace GitHub is about to delete with work in it, which runs unused, which bills only for
 * its disk. Each rule states a fact with its numbers; each list words it for its reader. Pure.
 */

/** What the rules read of a codespace: GitHub's full object and the list's summary both carry it. */
export type AttentionInput = Pick<
  Codespace,
  | 'name'
  | 'display_name'
  | 'state'
  | 'last_used_at'
  | 'created_at'
  | 'idle_timeout_minutes'
  | 'retention_expires_at'
  | 'retention_period_minutes'
  | 'git_status'
  | 'machine'
  | 'pending_operation'
  | 'pending_operation_disabled_reason'
>;

export type Severity = 'urgent' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { urgent: 0, warning: 1, info: 2 };

/** "unpushed", "uncommitted" or "unpushed and uncommitted". */
export function workInWords(risk: { unpushed: boolean; uncommitted: boolean }): string {
  return [risk.unpushed && 'unpushed', risk.uncommitted && 'uncommitted'].filter(Boolean).join(' and ');
}

/** Time until GitHub's retention policy deletes the codespace; null when no deletion is scheduled. */
function retentionLeft(codespace: Pick<AttentionInput, 'retention_expires_at'>, now: number): number | null {
  if (!codespace.retention_expires_at) return null;
  const at = Date.parse(codespace.retention_expires_at);
  return Number.isNaN(at) ? null : at - now;
}

export interface NearDeletion {
  /** Milliseconds until deletion; zero or less when it is due now. */
  expiresIn: number;
  unpushed: boolean;
  uncommitted: boolean;
  /** Whether anything would be lost with it. */
  atRisk: boolean;
}

/**
 * A stopped codespace GitHub deletes within `withinMs` (GitHub counts retention from when it stopped,
 * whether or not it holds unpushed work, and warns its owner only a day before). Null otherwise.
 */
export function nearDeletion(
  codespace: Pick<AttentionInput, 'state' | 'retention_expires_at' | 'git_status'>,
  now: number,
  withinMs: number,
): NearDeletion | null {
  if (stateTone(codespace.state) !== 'stopped') return null;
  const expiresIn = retentionLeft(codespace, now);
  if (expiresIn === null || expiresIn > withinMs) return null;
  const { unpushed, uncommitted, atRisk } = workAtRisk(codespace);
  return { expiresIn, unpushed, uncommitted, atRisk };
}

/** How long a running codespace has gone unused, when that is longer than `thresholdMs`; null otherwise. */
export function runningUnused(codespace: Pick<AttentionInput, 'state' | 'last_used_at'>, now: number, thresholdMs: number): number | null {
  if (stateTone(codespace.state) !== 'running') return null;
  const idleFor = now - Date.parse(codespace.last_used_at);
  return idleFor > thresholdMs ? idleFor : null;
}

/** How long a stopped codespace has only been costing storage, when that is longer than `thresholdMs`; null otherwise. */
export function stoppedUnused(codespace: Pick<AttentionInput, 'state' | 'last_used_at'>, now: number, thresholdMs: number): number | null {
  if (codespace.state !== 'Shutdown') return null;
  const unusedFor = now - Date.parse(codespace.last_used_at);
  return unusedFor > thresholdMs ? unusedFor : null;
}

/** Failed and Unavailable (and any state Hangar does not know): the states a person has to act on. */
export function isProblem(codespace: Pick<AttentionInput, 'state'>): boolean {
  return stateTone(codespace.state) === 'problem';
}

// Advice is worded from the same rule the buttons follow (actionAvailability): a sentence never
// asks for what the codespace's page would refuse.

/** Whether the codespace's own page would let its user do this now. */
export const can = (codespace: ActionSubject, action: CodespaceAction) => actionAvailability(codespace, action).allowed;
const PARTICIPLES: Partial<Record<CodespaceAction, string>> = { start: 'started', export: 'exported', stop: 'stopped' };

/** "It cannot be started now: <GitHub's reason>." / "It can be neither started nor exported while it is Archived." */
export function cannotNow(codespace: ActionSubject, actions: CodespaceAction[]): string {
  const words = actions.map((action) => PARTICIPLES[action] ?? action);
  const what = words.length === 1 ? `It cannot be ${words[0]}` : `It can be neither ${words.join(' nor ')}`;
  const pending = pendingOperation(codespace);
  return pending ? `${what} now: ${asSentence(pending.reason)}` : `${what} while it is ${codespace.state}.`;
}

/** How to save work that exists only in the codespace, with what it allows now; null when it allows neither way. */
export function rescueAdvice(codespace: ActionSubject): string | null {
  const running = stateTone(codespace.state) === 'running';
  const push = running && can(codespace, 'connect') ? 'open it and push' : !running && can(codespace, 'start') ? 'start it and push' : null;
  const exportable = can(codespace, 'export');
  if (exportable && push) return `Export it to a branch, or ${push}.`;
  if (exportable) return 'Export it to a branch.';
  return push ? `${push[0]!.toUpperCase()}${push.slice(1)}.` : null;
}

// The panels' grouping lives apart, so that a panel can render without the rules above (panel.ts).
export { codespacesNeedingAttention, selectableGroups } from './panel';
