import { formatUsd } from '@/lib/usage/domain/cost';
import { actionAvailability } from '@/lib/codespaces/domain/state';
import type { AnyCodespaceState, Codespace } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import { describeQuietHours } from './quiet-hours';
import { idleLimitMinutes, type Exemptions, type PolicyRule } from './schemas';

/**
 * What a policy would do to each of an organisation's codespaces, and why, in words. Pure: the
 * codespaces, the time and (for a budget) each member's cost this month come in; a decision
 * comes out. The runner acts on `actions` only; `kept` and `exempt` are shown and never touched.
 */

/** What a policy reads of a codespace. GitHub's `Codespace` is one. */
export interface PolicyCodespace {
  name: string;
  display_name?: string | null;
  state: AnyCodespaceState;
  last_used_at: string;
  updated_at?: string;
  owner: { login: string };
  repository: { full_name: string };
  machine: { cpus: number; storage_in_bytes: number } | null;
  /** Missing, empty or partial when GitHub does not know: then the work is counted as at risk. */
  git_status?: Partial<Codespace['git_status']> | null;
  pending_operation?: boolean | null;
  pending_operation_disabled_reason?: string | null;
}

export type PolicyAction = 'stop' | 'delete';

export interface CodespaceRef {
  /** GitHub's `name`, which requests are made with. */
  codespace: string;
  /** Its display name, or its name when it has none. */
  displayName: string;
  member: string;
}
export interface PlannedAction extends CodespaceRef {
  action: PolicyAction;
  reason: string;
}
/** It meets the policy's condition, but the policy leaves it alone, and says why. */
export interface KeptCodespace extends CodespaceRef {
  action: PolicyAction;
  reason: string;
}
/** It meets the policy's condition, but the policy's exemptions name it or its member. */
export interface ExemptCodespace extends CodespaceRef {
  action: PolicyAction;
  /** Why the policy would otherwise act on it. */
  reason: string;
  exemptBecause: string;
}

export interface PolicyDecision {
  actions: PlannedAction[];
  kept: KeptCodespace[];
  exempt: ExemptCodespace[];
  /** What the decision could not take into account, in words (a budget without cost figures). */
  notes: string[];
}

/** Each member's estimated cost this month in USD, by login in lower case; or why it is unknown. */
export type MemberCosts = { known: true; byMember: ReadonlyMap<string, number> } | { known: false; why: string };

export interface DecisionContext {
  now: Date;
  /** Needed by monthly budgets only. */
  memberCosts?: MemberCosts;
}

export interface PolicyToDecide {
  rule: PolicyRule;
  exempt: Exemptions;
}

export type Verdict =
  | { outcome: 'act'; action: PolicyAction; reason: string }
  | { outcome: 'keep'; action: PolicyAction; reason: string }
  | { outcome: 'exempt'; action: PolicyAction; reason: string; exemptBecause: string }
  /** The policy's condition does not hold: nothing to list. `reason` says why, for a re-check. */
  | { outcome: 'pass'; reason: string };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "45 minutes", "3 hours", "12 days": whole units, rounded down, so "unused for 3 hours" is never more than the truth. */
export function durationWords(ms: number): string {
  if (ms < 2 * HOUR_MS) return pluralize(Math.floor(ms / MINUTE_MS), 'minute');
  if (ms < 3 * DAY_MS) return pluralize(Math.floor(ms / HOUR_MS), 'hour');
  return pluralize(Math.floor(ms / DAY_MS), 'day');
}

function displayNameOf(codespace: Pick<PolicyCodespace, 'name' | 'display_name'>): string {
  return codespace.display_name?.trim() || codespace.name;
}

/** States in which a codespace runs or is about to: quiet hours and budgets stop these. */
const RUNNING_OR_ABOUT_TO = new Set<string>(['Available', 'Starting', 'Rebuilding', 'Updating']);

function unusedFor(codespace: PolicyCodespace, now: Date): number | null {
  const lastUsed = Date.parse(codespace.last_used_at);
  return Number.isNaN(lastUsed) ? null : now.getTime() - lastUsed;
}

/** What the rule alone says, before exemptions and what GitHub allows. */
function ruleVerdict(rule: PolicyRule, codespace: PolicyCodespace, context: DecisionContext): Verdict {
  const { state } = codespace;
  switch (rule.kind) {
    case 'idle-limit': {
      if (state !== 'Available') return { outcome: 'pass', reason: `Not running (${state})` };
      const unused = unusedFor(codespace, context.now);
      const limit = `${pluralize(rule.limit, rule.unit.slice(0, -1))}`;
      if (unused === null)
        return { outcome: 'keep', action: 'stop', reason: 'GitHub gave no time of last use, so how long it has been idle is unknown' };
      if (unused <= idleLimitMinutes(rule) * MINUTE_MS)
        return { outcome: 'pass', reason: `Used ${durationWords(unused)} ago, within the ${limit} limit` };
      return { outcome: 'act', action: 'stop', reason: `Running and unused for ${durationWords(unused)} (limit: ${limit})` };
    }
    case 'quiet-hours':
      if (!RUNNING_OR_ABOUT_TO.has(state)) return { outcome: 'pass', reason: `Not running (${state})` };
      return { outcome: 'act', action: 'stop', reason: `Running at quiet hours (${describeQuietHours(rule)})` };
    case 'stale-cleanup': {
      if (state !== 'Shutdown') return { outcome: 'pass', reason: state === 'Available' ? 'Running' : `Not stopped (${state})` };
      const unused = unusedFor(codespace, context.now);
      const limit = pluralize(rule.days, 'day');
      if (unused === null)
        return { outcome: 'keep', action: 'delete', reason: 'GitHub gave no time of last use, so how long it has been unused is unknown' };
      if (unused <= rule.days * DAY_MS) return { outcome: 'pass', reason: `Used ${durationWords(unused)} ago, within the ${limit} limit` };
      return { outcome: 'act', action: 'delete', reason: `Stopped and unused for ${durationWords(unused)} (limit: ${limit})` };
    }
    case 'monthly-budget': {
      const costs = context.memberCosts;
      if (!costs || !costs.known) return { outcome: 'pass', reason: costs ? costs.why : 'Cost this month unknown' };
      if (!RUNNING_OR_ABOUT_TO.has(state)) return { outcome: 'pass', reason: `Not running (${state})` };
      const member = codespace.owner.login;
      const cost = costs.byMember.get(member.toLowerCase()) ?? 0;
      const budget = formatUsd(rule.amountUsd);
      if (cost <= rule.amountUsd)
        return { outcome: 'pass', reason: `${member}'s estimated cost this month, ${formatUsd(cost)}, is within the ${budget} budget` };
      return {
        outcome: 'act',
        action: 'stop',
        reason: `${member}'s estimated cost this month, ${formatUsd(cost)}, is over the ${budget} budget`,
      };
    }
  }
}

function exemptionOf(exempt: Exemptions, codespace: PolicyCodespace): string | null {
  const member = codespace.owner.login.toLowerCase();
  const name = codespace.name.toLowerCase();
  if (exempt.codespaces.some((c) => c.toLowerCase() === name))
    return `Exempt: the codespace ${codespace.name} is named in the policy's exemptions`;
  if (exempt.members.some((m) => m.toLowerCase() === member))
    return `Exempt: the member ${codespace.owner.login} is named in the policy's exemptions`;
  return null;
}

/**
 * Whether GitHub lets the action happen now, and whether it would lose work. Unknown git status
 * counts as work at risk: a policy deletes only what it knows is pushed and committed.
 */
function whyNot(action: PolicyAction, codespace: PolicyCodespace): string | null {
  if (codespace.pending_operation) {
    const why = codespace.pending_operation_disabled_reason?.trim();
    return `An operation is pending on it${why ? ` (${why})` : ''}; the policy waits until it is done`;
  }
  const availability = actionAvailability(codespace, action);
  if (!availability.allowed) return `Cannot be ${action === 'stop' ? 'stopped' : 'deleted'} while it is ${codespace.state}`;
  if (action === 'delete') {
    const git = codespace.git_status;
    if (!git || git.has_unpushed_changes === undefined || git.has_uncommitted_changes === undefined)
      return 'Its git status is unknown, so it may hold work that exists nowhere else; a policy never deletes that';
    const unpushed = git.has_unpushed_changes || (git.ahead ?? 0) > 0;
    if (unpushed && git.has_uncommitted_changes)
      return 'Has unpushed and uncommitted changes; a policy never deletes work that exists nowhere else';
    if (unpushed) return 'Has unpushed changes; a policy never deletes work that exists nowhere else';
    if (git.has_uncommitted_changes) return 'Has uncommitted changes; a policy never deletes work that exists nowhere else';
  }
  return null;
}

/** One codespace's verdict: the rule, then exemptions, then what GitHub allows and what would be lost. */
export function judgeCodespace(policy: PolicyToDecide, codespace: PolicyCodespace, context: DecisionContext): Verdict {
  const verdict = ruleVerdict(policy.rule, codespace, context);
  if (verdict.outcome === 'pass') return verdict;
  const exemptBecause = exemptionOf(policy.exempt, codespace);
  if (exemptBecause) return { outcome: 'exempt', action: verdict.action, reason: verdict.reason, exemptBecause };
  if (verdict.outcome === 'keep') return verdict;
  const refusal = whyNot(verdict.action, codespace);
  return refusal ? { outcome: 'keep', action: verdict.action, reason: refusal } : verdict;
}

/** The whole decision over an organisation's codespaces, ordered by member, then display name. */
export function decide(policy: PolicyToDecide, codespaces: readonly PolicyCodespace[], context: DecisionContext): PolicyDecision {
  const decision: PolicyDecision = { actions: [], kept: [], exempt: [], notes: [] };
  if (policy.rule.kind === 'monthly-budget' && context.memberCosts && !context.memberCosts.known)
    decision.notes.push(context.memberCosts.why);
  const sorted = [...codespaces].sort(
    (a, b) =>
      a.owner.login.localeCompare(b.owner.login) || displayNameOf(a).localeCompare(displayNameOf(b)) || a.name.localeCompare(b.name),
  );
  for (const codespace of sorted) {
    const verdict = judgeCodespace(policy, codespace, context);
    if (verdict.outcome === 'pass') continue;
    const ref: CodespaceRef = { codespace: codespace.name, displayName: displayNameOf(codespace), member: codespace.owner.login };
    if (verdict.outcome === 'act') decision.actions.push({ ...ref, action: verdict.action, reason: verdict.reason });
    else if (verdict.outcome === 'keep') decision.kept.push({ ...ref, action: verdict.action, reason: verdict.reason });
    else decision.exempt.push({ ...ref, action: verdict.action, reason: verdict.reason, exemptBecause: verdict.exemptBecause });
  }
  return decision;
}

/**
 * What a policy reads of a codespace to decide. Two snapshots with the same fingerprint give the
 * same verdict at the same time; a different one means the codespace changed and is judged again.
 */
export function codespaceFingerprint(codespace: PolicyCodespace): string {
  const git = codespace.git_status;
  return JSON.stringify([
    codespace.state,
    codespace.last_used_at,
    codespace.updated_at ?? null,
    codespace.pending_operation ?? null,
    codespace.owner.login.toLowerCase(),
    git ? [git.has_unpushed_changes ?? null, git.has_uncommitted_changes ?? null, git.ahead ?? null] : null,
  ]);
}
