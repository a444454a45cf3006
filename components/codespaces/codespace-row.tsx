import { memo } from 'react';
import { GitBranch } from 'lucide-react';
import { codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { exactTime, formatBytes, relativeTime } from '@/lib/format';
import { repositoryPath } from '@/lib/repositories/path';
import { PowerButton } from './power-button';
import { StateBadge } from './state-badge';
import { NameAndFlags, SelectCell } from './row-cells';

/** Column widths shared by the header and every row. */
export const LIST_COLUMNS =
  'grid grid-cols-[1.25rem_minmax(0,2.2fr)_minmax(0,1.6fr)_8.5rem_minmax(0,1.1fr)_7.5rem_5.5rem] items-center gap-x-4';

/** Height of every row: the list is virtualised on it. */
export const ROW_HEIGHT = 60;

/**
 * One codespace in the list. Memoised: a poll that changes nothing, a filter keystroke or a scroll
 * redraws only rows whose codespace, selection or position changed (the list keeps unchanged
 * codespaces as the very same objects).
 */
export const CodespaceRow = memo(function CodespaceRow({
  codespace,
  now,
  rowIndex,
  offset,
  selected,
  current = false,
  onToggle,
}: {
  codespace: CodespaceSummary;
  /** The keyboard's row (j/k, Enter, s). */
  current?: boolean;
  now: number;
  rowIndex: number;
  /** Pixels from the top of the list body. */
  offset: number;
  selected: boolean;
  onToggle: (name: string, range: boolean) => void;
}) {
  const title = codespaceTitle(codespace);
  const { repository, git_status: git, machine } = codespace;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-codespace={codespace.name}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${offset}px)`,
        contain: 'strict',
      }}
      data-selected={selected || undefined}
      aria-current={current || undefined}
      className={`${LIST_COLUMNS} border-b border-zinc-200 px-4 text-sm data-selected:bg-sky-50 aria-current:ring-2 aria-current:ring-sky-600 aria-current:ring-inset dark:border-zinc-800 dark:data-selected:bg-sky-950/30`}
    >
      <SelectCell name={codespace.name} title={title} selected={selected} onToggle={onToggle} />
      <div role="cell" className="min-w-0">
        {/* A plain link (the list navigates client-side for all rows at once, see codespace-list.tsx):
            next/link's per-link work is most of a row's render, and rows mount on every filter. */}
        <a
          href={`/codespaces/${encodeURIComponent(codespace.name)}`}
          data-row-link
          className="block truncate font-medium text-zinc-900 hover:text-sky-700 hover:underline dark:text-zinc-100 dark:hover:text-sky-300"
        >
          {title}
        </a>
        <NameAndFlags codespace={codespace} title={title} />
      </div>
      <div role="cell" className="min-w-0">
        <a
          href={repositoryPath(repository.full_name)}
          data-row-link
          className="block truncate text-zinc-800 hover:text-sky-700 hover:underline dark:text-zinc-200 dark:hover:text-sky-300"
        >
          {repository.full_name}
        </a>
        <div className="flex min-w-0 items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
          <GitBranch aria-hidden className="size-3 shrink-0" />
          <span className="truncate font-mono">{git.ref ?? '—'}</span>
          {(git.ahead ?? 0) > 0 && <span title={`${git.ahead} commits ahead`}>↑{git.ahead}</span>}
          {(git.behind ?? 0) > 0 && <span title={`${git.behind} commits behind`}>↓{git.behind}</span>}
        </div>
      </div>
      <div role="cell">
        <StateBadge state={codespace.state} />
      </div>
      <div role="cell" className="min-w-0 text-xs text-zinc-600 dark:text-zinc-400">
        {machine ? (
          <>
            <div className="truncate font-medium text-zinc-800 dark:text-zinc-200">{machine.cpus} cores</div>
            <div className="truncate" title={machine.display_name}>
              {formatBytes(machine.memory_in_bytes)} RAM · {formatBytes(machine.storage_in_bytes)} disk
            </div>
          </>
        ) : (
          // GitHub answered no machine: shown as missing, like any field it leaves out.
          <span title="No machine assigned">
            <span aria-hidden>—</span>
            <span className="sr-only">No machine</span>
          </span>
        )}
      </div>
      <div role="cell" className="text-xs text-zinc-600 dark:text-zinc-400">
        <time dateTime={codespace.last_used_at} title={exactTime(codespace.last_used_at)} suppressHydrationWarning>
          {relativeTime(codespace.last_used_at, now)}
        </time>
      </div>
      <div role="cell" className="flex justify-end">
        <PowerButton codespace={codespace} />
      </div>
    </div>
  );
});
