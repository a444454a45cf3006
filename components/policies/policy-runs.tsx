import { exactTime, relativeTime } from '@/lib/format';
import type { PolicyRunJson } from '@/lib/policies/domain/page-data';
import { ColumnHeadings, type Column } from '@/components/ui/table';

const TRIGGER = { scheduled: 'On schedule', manual: 'Run now' } as const;
const STATUS = {
  completed: { label: 'Completed', tone: 'text-emerald-700 dark:text-emerald-400' },
  interrupted: { label: 'Interrupted', tone: 'text-amber-700 dark:text-amber-400' },
  failed: { label: 'Failed', tone: 'text-red-700 dark:text-red-400' },
  missed: { label: 'Missed', tone: 'text-amber-700 dark:text-amber-400' },
} as const;

const WRITE_COLUMNS: Column[] = [
  ['Codespace', 'py-1 pr-2 font-medium'],
  ['Member', 'py-1 pr-2 font-medium'],
  ['Action', 'py-1 pr-2 font-medium'],
  ['GitHub’s answer', 'py-1 font-medium'],
];

/** A run's outcome in a word, coloured as every state is. */
export function RunStatus({ run }: { run: Pick<PolicyRunJson, 'status' | 'writes'> }) {
  const failed = run.writes.filter((w) => !w.ok).length;
  const status = STATUS[run.status];
  return (
    <span className={`font-medium ${failed && run.status === 'completed' ? STATUS.interrupted.tone : status.tone}`}>
      {status.label}
      {failed > 0 && ` (${failed} failed)`}
    </span>
  );
}

/** A policy's last runs: when, how it was started, what it did, GitHub's answer for each codespace, and what failed. */
export function PolicyRuns({ runs, now }: { runs: readonly PolicyRunJson[]; now: number }) {
  if (runs.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">It has not run yet.</p>;
  return (
    <ol aria-label="Last runs" className="flex flex-col gap-3">
      {runs.map((run) => (
        <li key={run.id} className="rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <time dateTime={run.startedAt} title={exactTime(run.startedAt)} className="font-medium">
              {relativeTime(run.startedAt, now)}
            </time>
            <span className="text-zinc-600 dark:text-zinc-400">{TRIGGER[run.trigger]}</span>
            <RunStatus run={run} />
          </p>
          {run.error && <p className="mt-1 text-red-700 dark:text-red-400">{run.error}</p>}
          {run.writes.length > 0 && (
            <table className="mt-2 w-full text-left text-xs">
              <caption className="sr-only">What it did, and GitHub’s answer</caption>
              <thead className="text-zinc-500 dark:text-zinc-400">
                <ColumnHeadings columns={WRITE_COLUMNS} />
              </thead>
              <tbody>
                {run.writes.map((write) => (
                  <tr key={write.codespace} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-2 break-all">{write.displayName}</td>
                    <td className="py-1 pr-2">{write.member}</td>
                    <td className="py-1 pr-2">{write.action === 'stop' ? 'Stop' : 'Delete'}</td>
                    <td className={`py-1 ${write.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
                      {write.status ? `${write.status} ${write.answer}` : `No answer (${write.answer})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {run.writes.length === 0 && !run.error && <p className="mt-1 text-zinc-600 dark:text-zinc-400">It changed nothing.</p>}
          {[
            ...run.skipped.map((s) => `Skipped ${s.displayName} (${s.member}): ${s.why}`),
            ...run.kept.map((k) => `Kept ${k.displayName} (${k.member}): ${k.reason}`),
            ...run.notes,
          ].map((line) => (
            <p key={line} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
