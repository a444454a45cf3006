'use client';

import { useMemo, type CSSProperties } from 'react';
import { useWindowRows } from '@/lib/hooks/use-window-rows';
import {
  rowPlacement,
  SelectableHeaderRow,
  TableOnlyHeaders,
  VirtualRowGroup,
  virtualTableProps,
} from '@/components/lists/virtual-table-parts';
import { GitBranch } from 'lucide-react';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/domain/types';
import { relativeTime, exactTime } from '@/lib/format';
import type { OrgRow } from '@/lib/orgs/domain/org-view';
import { memberPath } from '@/lib/repositories/domain/path';
import { StateBadge } from '@/components/codespaces/state-badge';
import { NameAndFlags, SelectCell } from '@/components/codespaces/row-cells';

/** Rows as a table and as cards; group headers are the same height in both. */
const ROW_HEIGHTS = { table: 52, card: 144 } as const;
const GROUP_HEIGHT = 34;

/**
 * The table's grid, shared by the header and every row, from `sm` up: a column per field. On a
 * member's page the member column goes (it is the same on every row) and the name has its room.
 * Below `sm` each row is a card (see `CARD`).
 */
function orgGrid(showMember: boolean): string {
  return [
    'grid items-center sm:gap-x-3',
    showMember
      ? 'sm:grid-cols-[1.25rem_minmax(0,2fr)_minmax(0,0.9fr)_minmax(0,1.6fr)_8.5rem_4.5rem_6.5rem_7.5rem_4.5rem]'
      : 'sm:grid-cols-[1.25rem_minmax(0,2.6fr)_minmax(0,1.6fr)_8.5rem_4.5rem_6.5rem_7.5rem_4.5rem]',
  ].join(' ');
}

/**
 * A card is lines of facts, wrapped like text: the name; the member, repository and branch; state,
 * machine and last use (a month-to-date cost goes at the end of this line); when it is deleted if
 * unused and its idle timeout. Each line after the first starts under the name (`ml-8`: the
 * checkbox and the gap). `LINE` orders the cells into their lines and `LineBreaks` end them; the
 * breaks come after every cell in the DOM, so the cells keep the table's order (for screen readers
 * and `nth-child`). Lines are spaced by the cells' margins: a row gap would space the breaks too.
 */
const CARD = 'max-sm:flex max-sm:flex-wrap max-sm:content-center max-sm:items-center max-sm:gap-x-3 max-sm:py-2.5 max-sm:*:my-[3px]';
/** A card's cell that takes the room its line has left, cut short rather than pushing the line over. */
const CARD_FILL = 'max-sm:min-w-0 max-sm:flex-1 max-sm:basis-0';
const CARD_LINE_START = 'max-sm:ml-8';

/** The card's lines, by `order`: each line's cells, then the break that ends it. */
const LINE = ['max-sm:order-1', 'max-sm:order-3', 'max-sm:order-5', 'max-sm:order-7'] as const;
const BREAKS = ['max-sm:order-2', 'max-sm:order-4', 'max-sm:order-6'] as const;

/** Ends a card's line; nothing in the table. */
function LineBreaks() {
  return BREAKS.map((order) => (
    <span key={order} aria-hidden className={`hidden max-sm:my-0! max-sm:block max-sm:h-0 max-sm:basis-full ${order}`} />
  ));
}

/**
 * An organisation's codespaces as one table, with a header row per group. Rows are virtualised:
 * 2,000 codespaces cost what a screenful does.
 */
export function OrgCodespaceTable({
  org,
  rows,
  now,
  selected,
  onToggle,
  onToggleAll,
  busy = false,
  showMember = true,
}: {
  /** Member names link to their page in this organisation. */
  org: string;
  /** False on a member's own page, where every codespace is theirs. */
  showMember?: boolean;
  rows: OrgRow<Codespace>[];
  /** More pages are on their way. */
  busy?: boolean;
  now: number;
  selected: ReadonlySet<string>;
  onToggle: (name: string, range: boolean) => void;
  onToggleAll: () => void;
}) {
  const allSelected =
    rows.some((row) => row.kind === 'codespace') && rows.every((row) => row.kind === 'group' || selected.has(row.codespace.name));
  const { bodyRef, virtualizer } = useWindowRows({
    count: rows.length,
    heights: ROW_HEIGHTS,
    estimateSize: (i, rowHeight) => (rows[i]!.kind === 'group' ? GROUP_HEIGHT : rowHeight),
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.kind === 'group' ? `group:${row.label}` : row.codespace.name;
    },
    initialHeight: 1000,
  });
  // How many codespace rows and group headers are above each row: CSS places it from them.
  const above = useMemo(() => {
    const counts: { rows: number; groups: number }[] = [];
    let codespaceRows = 0;
    let groups = 0;
    for (const row of rows) {
      counts.push({ rows: codespaceRows, groups });
      if (row.kind === 'group') groups++;
      else codespaceRows++;
    }
    return { counts, rows: codespaceRows, groups };
  }, [rows]);
  const grid = orgGrid(showMember);

  return (
    <div
      {...virtualTableProps({
        label: 'Organization codespaces',
        rows: rows.length,
        busy,
        heights: ROW_HEIGHTS,
        focusKey: 'org-codespace-table',
      })}
    >
      <SelectableHeaderRow grid={grid} allSelected={allSelected} onToggleAll={onToggleAll}>
        <TableOnlyHeaders
          labels={[
            'Codespace',
            ...(showMember ? ['Member'] : []),
            'Repository · branch',
            'State',
            'Machine',
            'Last used',
            'Deleted if unused',
            'Idle',
          ]}
        />
      </SelectableHeaderRow>
      <VirtualRowGroup ref={bodyRef} rows={above.rows} fixed={above.groups * GROUP_HEIGHT}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const { rows: rowsBefore, groups } = above.counts[item.index]!;
          const style = rowPlacement(rowsBefore, groups * GROUP_HEIGHT, row.kind === 'group' ? GROUP_HEIGHT : undefined);
          return row.kind === 'group' ? (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              style={style}
              className="flex items-center border-b border-zinc-200 bg-zinc-50 px-4 text-xs dark:border-zinc-800 dark:bg-zinc-900/70"
            >
              <div role="cell" className="min-w-0 truncate font-semibold text-zinc-800 dark:text-zinc-200">
                {row.label}
                <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">
                  {row.count} · {row.running} running
                </span>
              </div>
            </div>
          ) : (
            <OrgCodespaceRow
              key={item.key}
              org={org}
              grid={grid}
              showMember={showMember}
              codespace={row.codespace}
              now={now}
              rowIndex={item.index + 2}
              style={style}
              selected={selected.has(row.codespace.name)}
              onToggle={onToggle}
            />
          );
        })}
      </VirtualRowGroup>
    </div>
  );
}

/** On a card, a field's name before its value (the table says it in its header). */
function CardLabel({ children }: { children: string }) {
  return (
    <span aria-hidden className="text-zinc-500 sm:hidden dark:text-zinc-400">
      {children}{' '}
    </span>
  );
}

function OrgCodespaceRow({
  org,
  grid,
  showMember,
  codespace,
  now,
  rowIndex,
  style,
  selected,
  onToggle,
}: {
  org: string;
  grid: string;
  showMember: boolean;
  codespace: Codespace;
  now: number;
  rowIndex: number;
  style: CSSProperties;
  selected: boolean;
  onToggle: (name: string, range: boolean) => void;
}) {
  const title = codespaceTitle(codespace);
  const expires = codespace.retention_expires_at;
  const expiresSoon = expires ? Date.parse(expires) - now < 3 * 24 * 60 * 60 * 1000 : false;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-codespace={codespace.name}
      data-selected={selected || undefined}
      style={style}
      className={`${grid} ${CARD} border-b border-zinc-200 px-4 text-sm data-selected:bg-sky-50 dark:border-zinc-800 dark:data-selected:bg-sky-950/30`}
    >
      <SelectCell
        name={codespace.name}
        title={title}
        selected={selected}
        onToggle={onToggle}
        className={`max-sm:w-5 max-sm:self-start max-sm:pt-0.5 ${LINE[0]}`}
      />
      <div role="cell" className={`min-w-0 ${CARD_FILL} ${LINE[0]}`}>
        <div data-codespace-title className="truncate font-medium text-zinc-900 dark:text-zinc-100">
          {title}
        </div>
        <NameAndFlags codespace={codespace} title={title} />
      </div>
      {showMember && (
        <div role="cell" className={`min-w-0 max-sm:max-w-[40%] ${CARD_LINE_START} ${LINE[1]}`}>
          <a
            href={memberPath(org, codespace.owner.login)}
            data-row-link
            className="block truncate text-zinc-800 hover:text-sky-700 hover:underline dark:text-zinc-200 dark:hover:text-sky-300"
          >
            {codespace.owner.login}
          </a>
        </div>
      )}
      <div
        role="cell"
        className={`min-w-0 max-sm:flex max-sm:items-center max-sm:gap-2 ${CARD_FILL} ${LINE[1]} ${showMember ? '' : CARD_LINE_START}`}
      >
        <div
          data-codespace-repository
          className="min-w-0 shrink truncate text-zinc-800 max-sm:text-zinc-600 dark:text-zinc-200 max-sm:dark:text-zinc-300"
        >
          {codespace.repository.full_name}
        </div>
        <div className="flex min-w-0 items-center gap-1 text-xs text-zinc-500 max-sm:min-w-16 max-sm:shrink-[4] dark:text-zinc-400">
          <GitBranch aria-hidden className="size-3 shrink-0" />
          <span className="truncate font-mono">{codespace.git_status.ref ?? '—'}</span>
        </div>
      </div>
      <div role="cell" className={`${CARD_LINE_START} ${LINE[2]}`}>
        <StateBadge state={codespace.state} />
      </div>
      <div role="cell" className={`min-w-0 truncate text-xs text-zinc-700 dark:text-zinc-300 ${CARD_FILL} ${LINE[2]}`}>
        {codespace.machine ? `${codespace.machine.cpus} cores` : '—'}
      </div>
      <div
        role="cell"
        className={`text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400 ${LINE[2]}`}
        title={exactTime(codespace.last_used_at)}
      >
        {relativeTime(codespace.last_used_at, now)}
      </div>
      <div
        role="cell"
        className={`min-w-0 truncate text-xs ${CARD_FILL} ${CARD_LINE_START} ${LINE[3]} ${expiresSoon ? 'font-medium text-orange-700 dark:text-orange-300' : 'text-zinc-600 dark:text-zinc-400'}`}
        title={expires ? exactTime(expires) : 'Not scheduled: deleted only when it has been stopped for its retention period'}
      >
        <CardLabel>Deleted if unused:</CardLabel>
        {expires ? relativeTime(expires, now) : '—'}
      </div>
      <div role="cell" className={`text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400 ${LINE[3]}`}>
        <CardLabel>Idle</CardLabel>
        {codespace.idle_timeout_minutes != null ? `${codespace.idle_timeout_minutes} min` : '—'}
      </div>
      <LineBreaks />
    </div>
  );
}
