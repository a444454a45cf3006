import { computeCostPerHour, formatUsd, storageCostPerMonth } from '@/lib/usage/domain/cost';
import { actionAvailability, codespaceTitle, pendingOperation, workAtRisk } from '@/lib/codespaces/domain/state';
import {
  can,
  cannotNow,
  isProblem,
  nearDeletion,
  rescueAdvice,
  runningUnused,
  SEVERITY_ORDER,
  stoppedUnused,
  workInWords,
  type AttentionInput,
  type Severity,
} from './rules';
import { DAY_MS, durationInWords, HOUR_MS, MINUTE_MS } from '@/lib/format';
import type { PersonalAttentionKind } from './panel';

/**
 * What needs the signed-in user's attention among their own codespaces, most urgent first: work
 * GitHub is about to delete, codespaces running (and billing) unused, codespaces GitHub reports as
 * broken, and codespaces that have only cost storage for weeks. Pure.
 */

/** What the list offers for an item; each is shown only when the codespace's state allows it. */
type PersonalAction = 'export' | 'open' | 'stop' | 'delete';

interface BaseItem<T> {
  codespace: T;
  kind: PersonalAttentionKind;
  severity: Severity;
  /** The codespace's name (its key) and what the user calls it. */
  name: string;
  title: string;
  /** What is wrong and what to do, in one or two sentences. */
  sentence: string;
  actions: PersonalAction[];
}

export type PersonalAttentionItem<T extends AttentionInput = AttentionInput> =
  | (BaseItem<T> & { kind: 'work-expiring'; expiresInMs: number; unpushed: boolean; uncommitted: boolean })
  | (BaseItem<T> & { kind: 'problem'; state: string; atRisk: boolean })
  | (BaseItem<T> & {
      kind: 'running-unused';
      unusedMs: number;
      idleTimeoutMinutes: number | null;
      costPerHour: number;
      /** Compute spent since it was last used. */
      costWhileUnused: number;
    })
  | (BaseItem<T> & {
      kind: 'storage-only';
      unusedMs: number;
      storageGb: number;
      storagePerMonth: number;
      /** When GitHub deletes it anyway, if within the warning window. */
      deletesInMs: number | null;
    });

export interface PersonalThresholds {
  /** Work in a codespace GitHub deletes within this many days is flagged. */
  retentionWarningDays: number;
  /** A running codespace unused this long is flagged whatever its idle timeout. */
  runningUnusedHours: number;
  /** GitHub checks for inactivity every few minutes: past the idle timeout by more than this is suspicious. */
  idleTimeoutGraceMinutes: number;
  /** A stopped codespace unused this long costs storage for nothing. */
  storageOnlyDays: number;
}

export const PERSONAL_THRESHOLDS: PersonalThresholds = {
  retentionWarningDays: 7,
  runningUnusedHours: 2,
  idleTimeoutGraceMinutes: 5,
  storageOnlyDays: 14,
};

const KIND_ORDER: Record<PersonalAttentionKind, number> = { 'work-expiring': 0, problem: 1, 'running-unused': 2, 'storage-only': 3 };
/** One collator for every comparison: `localeCompare` builds one per call (half the sort's time at 2,000). */
const TITLE_ORDER = new Intl.Collator();
const GB = 1024 ** 3;

function allowedActions(codespace: AttentionInput, actions: PersonalAction[]): PersonalAction[] {
  return actions.filter((action) => action === 'open' || actionAvailability(codespace, action).allowed);
}

function problemSentence(codespace: AttentionInput, risk: { unpushed: boolean; uncommitted: boolean; atRisk: boolean }): string {
  const { state } = codespace;
  const work = workInWords(risk);
  const parts: string[] = [];
  if (state === 'Failed') parts.push('Its last start failed.');
  else if (state === 'Unavailable') parts.push('GitHub cannot reach it right now, which usually passes on its own.');
  else parts.push(`GitHub reports it as ${state}, a state Hangar does not know. Open it to see what GitHub says.`);

  const pending = pendingOperation(codespace);
  if (can(codespace, 'start')) {
    const deleteIt = can(codespace, 'delete') ? '; if it keeps failing, delete it and create a new one' : '';
    parts.push(`Open it and try Start again${deleteIt}.`);
    if (risk.atRisk) parts.push(`It still holds your ${work} work: start it and push before anything else.`);
    return parts.join(' ');
  }
  if (pending) parts.push(cannotNow(codespace, ['start']));
  else if (state === 'Unavailable') {
    const refused = (['start', 'export'] as const).filter((action) => !can(codespace, action));
    // "…on its own; until then it can be neither started nor exported."
    parts[0] = `${parts[0]!.slice(0, -1)}; until then ${cannotNow(codespace, refused)
      .replace(/^It /, 'it ')
      .replace(/ while it is \w+\.$/, '.')}`;
  }
  if (risk.atRisk) parts.push(`It holds ${work} work that exists only there: do not delete it.`);
  if (state === 'Unavailable' && !pending) parts.push('If it stays Unavailable for long, ask GitHub Support.');
  return parts.join(' ');
}

/** How long a running codespace may go unused before it is flagged: past its idle timeout, or for hours. */
function unusedAllowanceMs(codespace: AttentionInput, thresholds: PersonalThresholds): number {
  const hours = thresholds.runningUnusedHours * HOUR_MS;
  if (codespace.idle_timeout_minutes == null) return hours;
  return Math.min(hours, (codespace.idle_timeout_minutes + thresholds.idleTimeoutGraceMinutes) * MINUTE_MS);
}

export function personalAttention<T extends AttentionInput>(
  codespaces: readonly T[],
  now: number,
  thresholds: PersonalThresholds = PERSONAL_THRESHOLDS,
): PersonalAttentionItem<T>[] {
  const items: PersonalAttentionItem<T>[] = [];
  const warnWithin = thresholds.retentionWarningDays * DAY_MS;

  for (const c of codespaces) {
    const base = { codespace: c, name: c.name, title: codespaceTitle(c) };
    const deletion = nearDeletion(c, now, warnWithin);

    if (deletion?.atRisk) {
      const when =
        deletion.expiresIn <= 0 ? 'GitHub deletes it any moment now' : `GitHub deletes it in ${durationInWords(deletion.expiresIn)}`;
      items.push({
        ...base,
        kind: 'work-expiring',
        severity: 'urgent',
        sentence: `Holds ${workInWords(deletion)} work; ${when}. ${rescueAdvice(c) ?? cannotNow(c, ['export', 'start'])}`,
        actions: allowedActions(c, ['export', 'open']),
        expiresInMs: deletion.expiresIn,
        unpushed: deletion.unpushed,
        uncommitted: deletion.uncommitted,
      });
      continue;
    }

    if (isProblem(c)) {
      const risk = workAtRisk(c);
      const { atRisk } = risk;
      items.push({
        ...base,
        kind: 'problem',
        severity: 'warning',
        sentence: problemSentence(c, risk),
        // Delete only where the sentence may say so: a failed codespace, unless its work cannot be saved first.
        actions: allowedActions(c, c.state === 'Failed' && (!atRisk || can(c, 'start')) ? ['open', 'delete'] : ['open']),
        state: c.state,
        atRisk,
      });
      continue;
    }

    const unusedMs = runningUnused(c, now, unusedAllowanceMs(c, thresholds));
    if (unusedMs !== null) {
      const costPerHour = computeCostPerHour(c);
      const costWhileUnused = (costPerHour * unusedMs) / HOUR_MS;
      const timeout = c.idle_timeout_minutes;
      const pastTimeout = timeout != null && unusedMs > (timeout + thresholds.idleTimeoutGraceMinutes) * MINUTE_MS;
      const why = pastTimeout ? `, past its ${timeout}-minute idle timeout` : '';
      items.push({
        ...base,
        kind: 'running-unused',
        severity: 'warning',
        sentence: `Running but unused for ${durationInWords(unusedMs)}${why}: ${formatUsd(costPerHour)} an hour, ${formatUsd(costWhileUnused)} so far. ${can(c, 'stop') ? 'Stop it if you are done.' : cannotNow(c, ['stop'])}`,
        actions: allowedActions(c, ['stop', 'open']),
        unusedMs,
        idleTimeoutMinutes: timeout,
        costPerHour,
        costWhileUnused,
      });
      continue;
    }

    const stoppedFor = stoppedUnused(c, now, thresholds.storageOnlyDays * DAY_MS);
    if (stoppedFor !== null) {
      const storageGb = (c.machine?.storage_in_bytes ?? 0) / GB;
      const storagePerMonth = storageCostPerMonth(c);
      const deletesInMs = deletion ? deletion.expiresIn : null;
      const anyway =
        deletesInMs === null
          ? ''
          : deletesInMs <= 0
            ? ' GitHub deletes it any moment now.'
            : ` GitHub deletes it in ${durationInWords(deletesInMs)}.`;
      const risk = workAtRisk(c);
      const { atRisk } = risk;
      const rescue = can(c, 'export') ? 'export it before deleting.' : can(c, 'start') ? 'start it and push before deleting.' : null;
      const work = !atRisk
        ? ''
        : rescue
          ? ` It holds ${workInWords(risk)} work: ${rescue}`
          : ` It holds ${workInWords(risk)} work that exists only there: do not delete it.`;
      items.push({
        ...base,
        kind: 'storage-only',
        severity: 'info',
        sentence: `Unused for ${durationInWords(stoppedFor)}; its ${Math.round(storageGb)} GB disk costs ${formatUsd(storagePerMonth)} a month.${anyway}${work}`,
        // Delete is offered for work at risk only with a way to save it first.
        actions: allowedActions(c, !atRisk ? ['delete'] : rescue ? ['export', 'delete'] : ['open']),
        unusedMs: stoppedFor,
        storageGb,
        storagePerMonth,
        deletesInMs,
      });
    }
  }

  const urgency = (item: PersonalAttentionItem<T>): number => {
    switch (item.kind) {
      case 'work-expiring':
        return item.expiresInMs;
      case 'running-unused':
        return -item.costWhileUnused;
      case 'storage-only':
        return -item.storagePerMonth;
      case 'problem':
        return 0;
    }
  };
  return items.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      urgency(a) - urgency(b) ||
      TITLE_ORDER.compare(a.title, b.title),
  );
}
