import { memo } from 'react';
import { Icon } from '@/components/ui/icon';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { exactTime, formatBytes, relativeTime } from '@/lib/format';
import { repositoryPath } from '@/lib/repositories/domain/path';
import { PowerButton } from './power-button';
import { StateBadge } from './state-badge';
import { focusSlot } from '@/components/layout/focus-places';
import { rowPlacement } from '@/components/lists/virtual-table-parts';
import { CostCell, NameAndFlags, PullRequestLink, SelectCell } from './row-cells';
import { pullRequestNumber, pullRequestWebUrl } from '@/lib/codespaces/domain/pull-request';
import type { MonthCost } from '@/lib/usage/domain/month-cost-basis';

/**
 * The list's grid, shared by the header and every row: from `sm` up a table, a column per field;
 * below it a card. On a card the name and Start/Stop are on top, the repository and branch under
 * them with the month-to-date cost under Start/Stop, then state, machine and last use. Without the
 * repository (a repository's own page) its column is the branch.
 */
export function listGrid({ repository = true }: { repository?: boolean } = {}): string {
  return [
    'grid items-center',
    repository
      ? 'sm:grid-cols-[1.25rem_minmax(0,2.2fr)_minmax(0,1.6fr)_8.5rem_minmax(0,1.1fr)_7rem_5.5rem_5.5rem]'
      : 'sm:grid-cols-[1.25rem_minmax(0,2.6fr)_minmax(0,1.2fr)_8.5rem_minmax(0,1.1fr)_7rem_5.5rem_5.5rem]',
    'sm:gap-x-4',
    // On a card Start/Stop has the last column to itself and the cost sits right under it, beside the
    // repository (which truncates): the name keeps the rest of its line, and state, machine and last use theirs.
    "max-sm:grid-cols-[1.25rem_auto_minmax(0,1fr)_auto_auto] max-sm:content-center max-sm:gap-x-3 max-sm:gap-y-1.5 max-sm:[grid-template-areas:'select_name_name_name_action'_'._repo_repo_repo_cost'_'._state_machine_used_used']",
  ].join(' ');
}

/** Height of every row, as a table and as a card: the list is virtualised on it. */
export const ROW_HEIGHTS = { table: 60, card: 120 } as const;

/**
 * One codespace in the list. Memoised: a poll that changes nothing, a filter keystroke or a scroll
 * redraws only rows whose codespace, selection or position changed (the list keeps unchanged
 * codespaces as the very same objects).
 */
export const CodespaceRow = memo(function CodespaceRow({
  codespace,
  now,
  rowIndex,
  position,
  selected,
  current = false,
  showRepository = true,
  cost,
  costPending = false,
  githubWebUrl = null,
  onToggle,
  onPower,
  powerPending,
}: {
  /** GitHub's web host, for links to a codespace's pull request (none: named, not linked). */
  githubWebUrl?: string | null;
  codespace: CodespaceSummary;
  /** Its cost this month (none: gone), and whether a better figure is on its way. */
  cost: MonthCost | undefined;
  costPending?: boolean;
  /** The keyboard's row (j/k, Enter, s). */
  current?: boolean;
  now: number;
  rowIndex: number;
  /** How many rows are above this one in the list body. */
  position: number;
  selected: boolean;
  /** False where every row is in the same repository (its page): the column shows the branch alone. */
  showRepository?: boolean;
  onToggle: (name: string, range: boolean) => void;
  /** Start or Stop, and whether an action on it is on its way (the page's usePowerActions). */
  onPower: (codespace: CodespaceSummary) => void;
  powerPending: boolean;
}) {
  const title = codespaceTitle(codespace);
  const { repository, git_status: git, machine } = codespace;
  const pull = pullRequestNumber(codespace);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-codespace={codespace.name}
      style={rowPlacement(position)}
      data-selected={selected || undefined}
      aria-current={current || undefined}
      className={`${listGrid({ repository: showRepository })} border-b border-zinc-200 px-4 text-sm data-selected:bg-sky-50 aria-current:ring-2 aria-current:ring-sky-600 aria-current:ring-inset max-sm:py-3 dark:border-zinc-800 dark:data-selected:bg-sky-950/30`}
    >
      <SelectCell
        name={codespace.name}
        title={title}
        selected={selected}
        onToggle={onToggle}
        className="max-sm:[grid-area:select] max-sm:self-start max-sm:pt-0.5"
      />
      <div role="cell" className="min-w-0 max-sm:[grid-area:name]">
        {/* A plain link (the list navigates client-side for all rows at once, see codespace-list.tsx):
            next/link's per-link work is most of a row's render, and rows mount on every filter. */}
        <a
          href={`/codespaces/${encodeURIComponent(codespace.name)}`}
          data-row-link
          data-codespace-title
          className="block truncate font-medium text-zinc-900 hover:text-sky-700 hover:underline dark:text-zinc-100 dark:hover:text-sky-300"
        >
          {title}
        </a>
        <NameAndFlags codespace={codespace} title={title} />
      </div>
      <div role="cell" className="min-w-0 max-sm:flex max-sm:items-center max-sm:gap-2 max-sm:[grid-area:repo]">
        {showRepository && (
          <a
            href={repositoryPath(repository.full_name)}
            data-row-link
            data-codespace-repository
            className="block min-w-0 shrink truncate text-zinc-800 hover:text-sky-700 hover:underline dark:text-zinc-200 dark:hover:text-sky-300"
          >
            {repository.full_name}
          </a>
        )}
        <div
          className={`flex min-w-0 items-center gap-1 text-zinc-500 dark:text-zinc-400 ${showRepository ? 'text-xs max-sm:min-w-16 max-sm:shrink-[4]' : 'text-xs sm:text-sm'}`}
        >
          <Icon name="git-branch" className="size-3 shrink-0" />
          <span className="truncate font-mono">{git.ref ?? '—'}</span>
          {(git.ahead ?? 0) > 0 && <span title={`${git.ahead} commits ahead`}>↑{git.ahead}</span>}
          {(git.behind ?? 0) > 0 && <span title={`${git.behind} commits behind`}>↓{git.behind}</span>}
          {pull !== null && (
            <PullRequestLink number={pull} href={githubWebUrl ? pullRequestWebUrl(githubWebUrl, repository.full_name, pull) : null} />
          )}
        </div>
      </div>
      <div role="cell" className="max-sm:[grid-area:state]">
        <StateBadge state={codespace.state} />
      </div>
      <div role="cell" className="min-w-0 text-xs text-zinc-600 max-sm:flex max-sm:gap-1.5 max-sm:[grid-area:machine] dark:text-zinc-400">
        {machine ? (
          <>
            <div className="shrink-0 truncate font-medium text-zinc-800 dark:text-zinc-200">{machine.cpus} cores</div>
            {/* A card has room for the cores only; the rest is on the codespace's page. */}
            <div className="truncate max-sm:hidden" title={machine.display_name}>
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
      <div role="cell" className="text-xs whitespace-nowrap text-zinc-600 max-sm:text-right max-sm:[grid-area:used] dark:text-zinc-400">
        <time dateTime={codespace.last_used_at} title={exactTime(codespace.last_used_at)} suppressHydrationWarning>
          {relativeTime(codespace.last_used_at, now)}
        </time>
      </div>
      <CostCell cost={cost} pending={costPending} className="max-sm:[grid-area:cost]" />
      {/* Focus stays here while Stop turns into Start (see FocusKeeper). Buttons grow for a finger on cards. */}
      <div
        role="cell"
        className="flex justify-end max-sm:self-start max-sm:justify-self-end max-sm:[grid-area:action] max-sm:[&_button]:h-8 max-sm:[&_button]:px-3"
        {...focusSlot(`power:${codespace.name}`)}
      >
        <PowerButton codespace={codespace} onPower={onPower} pending={powerPending} />
      </div>
    </div>
  );
});
