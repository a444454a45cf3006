import type { CodespaceSummary } from '@/lib/codespaces/types';
import { WorkFlags } from './work-flags';

/** A row's selection checkbox: a click toggles it, a shift-click selects the range from the last one. */
export function SelectCell({
  name,
  title,
  selected,
  onToggle,
  className = '',
}: {
  name: string;
  title: string;
  selected: boolean;
  onToggle: (name: string, range: boolean) => void;
  /** Where the cell sits on a card. */
  className?: string;
}) {
  return (
    <div role="cell" className={className}>
      <input
        type="checkbox"
        aria-label={`Select ${title}`}
        checked={selected}
        onChange={() => undefined}
        onClick={(e) => onToggle(name, e.shiftKey)}
        className="size-4 accent-sky-700 max-sm:size-5"
      />
    </div>
  );
}

/** Under a codespace's title: its name when the title is a display name, and its unsaved-work flags. */
export function NameAndFlags({ codespace, title }: { codespace: Pick<CodespaceSummary, 'name' | 'git_status'>; title: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      {title !== codespace.name && (
        <span className="min-w-0 truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{codespace.name}</span>
      )}
      <WorkFlags codespace={codespace} wrap={false} />
    </div>
  );
}
