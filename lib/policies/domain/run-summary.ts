import { pluralize } from '@/lib/format';
import type { CodespaceRef, PolicyAction } from './decide';

/**
 * A run in words: one headline and a line per codespace acted on, for the runs list and for the
 * organisation's webhook (Slack and Teams show `text` as written). Pure.
 */

export interface RunForSummary {
  org: string;
  policyName: string;
  trigger: 'scheduled' | 'manual';
  status: 'completed' | 'interrupted' | 'failed' | 'missed';
  writes: readonly (CodespaceRef & { action: PolicyAction; ok: boolean; status: number; answer: string })[];
  skipped: readonly (CodespaceRef & { action: PolicyAction; why: string })[];
  kept: readonly unknown[];
  exempt: readonly unknown[];
  error: string | null;
  notes?: readonly string[];
}

/** Lines listed before "and N more": a chat message, not a report. */
const MAX_LINES = 20;
const PAST: Record<PolicyAction, string> = { stop: 'stopped', delete: 'deleted' };

const named = (ref: CodespaceRef) => `“${ref.displayName}” (${ref.member})`;

export function runSummary(run: RunForSummary): string {
  const head = `Hangar policy “${run.policyName}” on ${run.org}${run.trigger === 'manual' ? ' (Run now)' : ''}`;
  if (run.status === 'failed') return `${head} failed: ${run.error ?? 'unknown error'}. It runs again at the next interval.`;
  if (run.status === 'missed') return `${head}: ${run.notes?.[0] ?? 'missed its time'}.`;

  const done = run.writes.filter((w) => w.ok);
  const failed = run.writes.filter((w) => !w.ok);
  const counts: string[] = [];
  for (const action of ['stop', 'delete'] as const) {
    const n = done.filter((w) => w.action === action).length;
    if (n) counts.push(`${PAST[action]} ${pluralize(n, 'codespace')}`);
  }
  if (failed.length) counts.push(`${failed.length} failed`);
  if (run.skipped.length) counts.push(`${run.skipped.length} skipped`);
  const headline = `${head}: ${counts.length ? counts.join(', ') : 'nothing to do'}.`;

  const lines = [
    ...done.map((w) => `• ${PAST[w.action][0]!.toUpperCase()}${PAST[w.action].slice(1)} ${named(w)}`),
    ...failed.map(
      (w) => `• Could not ${w.action} ${named(w)}: GitHub answered ${w.status || 'nothing'}${w.answer ? ` (${w.answer})` : ''}`,
    ),
    ...run.skipped.map((s) => `• Skipped ${named(s)}: ${s.why}`),
  ];
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more`);
  const tail: string[] = [];
  if (run.status === 'interrupted') tail.push('Stopped early; the rest waits for the next interval.');
  if (run.kept.length) tail.push(`Kept ${pluralize(run.kept.length, 'codespace')} it may not touch.`);
  if (run.exempt.length) tail.push(`${pluralize(run.exempt.length, 'codespace')} exempt.`);
  return [headline, ...shown, ...tail].join('\n');
}
