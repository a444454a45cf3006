import { Icon } from '@/components/ui/icon';
import type { IconName } from '@/components/ui/icon-sprite';
import { stateTone, type StateTone } from '@/lib/codespaces/domain/state';
import type { AnyCodespaceState } from '@/lib/codespaces/domain/types';

/** One colour per tone, the same everywhere a state is shown. The word is always there; colour only adds. */
export const TONE_STYLES: Record<StateTone, string> = {
  running: 'bg-emerald-100 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30',
  transitional: 'bg-amber-100 text-amber-800 ring-amber-600/25 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/30',
  stopped: 'bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-500/15 dark:text-zinc-300 dark:ring-zinc-400/25',
  problem: 'bg-red-100 text-red-800 ring-red-600/25 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/30',
  gone: 'bg-zinc-100 text-zinc-600 ring-zinc-400/20 line-through dark:bg-zinc-800/50 dark:text-zinc-400',
  // Neutral: Hangar cannot tell whether a state it does not know is good or bad news.
  unknown: 'bg-white text-zinc-700 ring-zinc-400/60 dark:bg-transparent dark:text-zinc-300 dark:ring-zinc-500/60',
};

const ICONS: Record<StateTone, IconName> = {
  running: 'circle-dot',
  transitional: 'loader',
  stopped: 'circle-stop',
  problem: 'octagon-alert',
  gone: 'trash',
  unknown: 'circle-help',
};

/** A codespace's state, as GitHub writes it, including states GitHub added after Hangar was written. */
export function StateBadge({ state }: { state: AnyCodespaceState }) {
  const tone = stateTone(state);
  return (
    <span
      data-codespace-state={state}
      data-state-tone={tone}
      title={tone === 'unknown' ? 'A state Hangar does not know yet, as GitHub wrote it' : undefined}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_STYLES[tone]}`}
    >
      <Icon name={ICONS[tone]} className={`size-3 ${tone === 'transitional' ? 'animate-spin motion-reduce:animate-none' : ''}`} />
      {state}
    </span>
  );
}
