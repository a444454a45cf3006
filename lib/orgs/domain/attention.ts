import {
  cannotNow,
  nearDeletion,
  rescueAdvice,
  runningUnused,
  SEVERITY_ORDER,
  workInWords,
  type Severity,
} from '@/lib/attention/domain/rules';
import { DAY_MS, durationInWords, HOUR_MS } from '@/lib/format';
import { computeCostPerHour, formatUsd } from '@/lib/usage/domain/cost';
import { codespaceTitle, stateTone } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/domain/types';

/**
 * What an organisation admin should look at, and why, most urgent first. Pure.
 *
 * GitHub deletes a stopped codespace when its retention period ends, whether or not it holds
 * unpushed work, and warns its owner only a day before: those come first. The rules themselves
 * are shared with the user's own list (lib/attention/rules.ts).
 */

export type AttentionKind = 'work-expiring' | 'retention' | 'idle-running' | 'large-machine' | 'idle-timeout-outlier';

export interface AttentionItem {
  codespace: Codespace;
  kind: AttentionKind;
  severity: Severity;
  reason: string;
}

export interface AttentionThresholds {
  /** A running codespace unused for longer than this is probably forgotten. */
  idleRunningHours: number;
  /** Stopped codespaces this close to deletion are flagged. */
  retentionWarningDays: number;
  /** Machines with at least this many cores are flagged as large. */
  largeMachineCores: number;
}

const DEFAULT_THRESHOLDS: AttentionThresholds = { idleRunningHours: 2, retentionWarningDays: 7, largeMachineCores: 16 };

const KIND_ORDER: Record<AttentionKind, number> = {
  'work-expiring': 0,
  retention: 1,
  'idle-running': 2,
  'large-machine': 3,
  'idle-timeout-outlier': 4,
};

/** The idle timeout most of a repository's codespaces use (ties: the shorter). */
function usualTimeouts(codespaces: readonly Codespace[]): Map<string, { minutes: number; count: number }> {
  const counts = new Map<string, Map<number, number>>();
  for (const c of codespaces) {
    if (c.idle_timeout_minutes == null) continue;
    const repo = counts.get(c.repository.full_name) ?? new Map<number, number>();
    repo.set(c.idle_timeout_minutes, (repo.get(c.idle_timeout_minutes) ?? 0) + 1);
    counts.set(c.repository.full_name, repo);
  }
  const usual = new Map<string, { minutes: number; count: number }>();
  for (const [repo, byMinutes] of counts) {
    const total = [...byMinutes.values()].reduce((a, b) => a + b, 0);
    const [minutes, count] = [...byMinutes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    // Only a clear majority makes a norm; with two codespaces there is no "usual".
    if (total >= 3 && count > total / 2) usual.set(repo, { minutes, count });
  }
  return usual;
}

/**
 * What an owner can do about work about to be deleted. GitHub lets only a codespace's own user
 * export it (`POST /user/codespaces/{name}/exports`) or push from it; an owner's endpoints for
 * members' codespaces stop and delete only. So for a member's codespace the advice is to ask them.
 */
function saveWorkAdvice(codespace: Codespace, viewer: string | null): string {
  const user = codespace.owner.login;
  if (viewer !== null && user.toLowerCase() === viewer.toLowerCase()) {
    return rescueAdvice(codespace) ?? cannotNow(codespace, ['export', 'start']);
  }
  return `Only ${user} can save it (push, or export it to a branch): ask them before then.`;
}

/** `viewer`: the signed-in owner, whose own codespaces get advice about what they can do themselves. */
export function attentionItems(
  codespaces: readonly Codespace[],
  now: number,
  viewer: string | null = null,
  thresholds: AttentionThresholds = DEFAULT_THRESHOLDS,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  const usual = usualTimeouts(codespaces);

  for (const c of codespaces) {
    if (stateTone(c.state) === 'gone') continue;

    const deletion = nearDeletion(c, now, thresholds.retentionWarningDays * DAY_MS);
    if (deletion) {
      const { expiresIn } = deletion;
      const when = expiresIn <= 0 ? 'is due for deletion now' : `will be deleted in ${durationInWords(expiresIn)}`;
      if (deletion.atRisk) {
        items.push({
          codespace: c,
          kind: 'work-expiring',
          severity: 'urgent',
          reason: `Holds ${workInWords(deletion)} work and ${when}. ${saveWorkAdvice(c, viewer)}`,
        });
      } else {
        const deletes = expiresIn <= 0 ? 'GitHub deletes it any moment now' : `GitHub deletes it in ${durationInWords(expiresIn)}`;
        items.push({
          codespace: c,
          kind: 'retention',
          severity: expiresIn <= DAY_MS ? 'warning' : 'info',
          reason: `Stopped; ${deletes}.`,
        });
      }
    }

    const idleFor = runningUnused(c, now, thresholds.idleRunningHours * HOUR_MS);
    if (idleFor !== null) {
      items.push({
        codespace: c,
        kind: 'idle-running',
        severity: 'warning',
        reason: `Running but unused for ${durationInWords(idleFor)}: ${formatUsd(computeCostPerHour(c))} an hour until it stops.`,
      });
      // What follows would say "it costs while it runs" again, about the same codespace.
      continue;
    }

    // Only what an owner can act on (Stop): a machine's size or idle timeout costs nothing while it is stopped.
    if (stateTone(c.state) !== 'running') continue;

    const cores = c.machine?.cpus ?? 0;
    if (cores >= thresholds.largeMachineCores) {
      items.push({
        codespace: c,
        kind: 'large-machine',
        severity: 'info',
        reason: `${cores}-core machine, running: ${formatUsd(computeCostPerHour(c))} for every hour it runs.`,
      });
    }

    // A longer idle timeout than the repository's usual bills longer each time it is left; a shorter one saves.
    const norm = usual.get(c.repository.full_name);
    if (norm && c.idle_timeout_minutes != null && c.idle_timeout_minutes > norm.minutes) {
      items.push({
        codespace: c,
        kind: 'idle-timeout-outlier',
        severity: 'info',
        reason: `Idle timeout ${c.idle_timeout_minutes} min, where ${norm.count} of its repository’s codespaces use ${norm.minutes} min: left idle, it bills ${c.idle_timeout_minutes - norm.minutes} min longer each time.`,
      });
    }
  }
  return items.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      codespaceTitle(a.codespace).localeCompare(codespaceTitle(b.codespace)),
  );
}

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  'work-expiring': 'Work about to be deleted',
  retention: 'Near its retention limit',
  'idle-running': 'Running, unused',
  'large-machine': 'Large machine',
  'idle-timeout-outlier': 'Unusual idle timeout',
};
