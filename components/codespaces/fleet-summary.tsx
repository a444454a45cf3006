import type { FleetSummary as Summary } from '@/lib/codespaces/domain/list-view';
import { TONE_LABELS, type StateTone } from '@/lib/codespaces/domain/state';
import { pluralize } from '@/lib/format';
import { TONE_STYLES } from './state-badge';

const SHOWN: StateTone[] = ['running', 'transitional', 'stopped', 'problem', 'unknown'];

/** At a glance: what runs (and bills), what is changing, what holds work that exists nowhere else. */
export function FleetSummary({
  summary,
  activeState,
  onSelectState,
}: {
  summary: Summary;
  activeState: string;
  onSelectState: (state: string) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {SHOWN.filter((tone) => summary.byTone[tone] > 0 || tone === 'running').map((tone) => (
        <button
          key={tone}
          type="button"
          aria-pressed={activeState === tone}
          onClick={() => onSelectState(activeState === tone ? '' : tone)}
          className={`rounded-full px-3 py-1 font-medium ring-1 ring-inset transition-shadow aria-pressed:ring-2 ${TONE_STYLES[tone]}`}
        >
          {summary.byTone[tone]} {TONE_LABELS[tone].toLowerCase()}
        </button>
      ))}
      {summary.runningCores > 0 && (
        <span className="text-zinc-600 dark:text-zinc-400">· {pluralize(summary.runningCores, 'core')} billing now</span>
      )}
      {summary.atRisk > 0 && (
        <span className="text-orange-700 dark:text-orange-300">
          · {pluralize(summary.atRisk, 'codespace')} with unpushed or uncommitted work
        </span>
      )}
    </div>
  );
}
