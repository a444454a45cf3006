'use client';

import type { CSSProperties } from 'react';
import { useWindowRows } from '@/lib/hooks/use-window-rows';
import { SelectAllHeader, VirtualRowGroup } from '@/components/lists/virtual-table-parts';
import { GitBranch } from 'lucide-react';
import { codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/types';
import { relativeTime, exactTime } from '@/lib/format';
import type { OrgRow } from '@/lib/orgs/org-view';
import { memberPath } from '@/lib/repositories/path';
import { StateBadge } from '@/components/codespaces/state-badge';
import { NameAndFlags, SelectCell } from '@/components/codespaces/row-cells';

const ROW_HEIGHT = 52;
const GROUP_HEIGHT = 34;
export const ORG_COLUMNS =
  'grid grid-cols-[1.25rem_minmax(0,2fr)_minmax(0,0.9fr)_minmax(0,1.6fr)_8.5rem_4.5rem_6.5rem_7.5rem_4.5rem] items-center gap-x-3';

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
  allSelected,
  busy = false,
}: {
  /** Member names link to their page in this organisation. */
  org: string;
  rows: OrgRow<Codespace>[];
  /** More pages are on their way. */
  busy?: boolean;
  now: number;
  selected: ReadonlySet<string>;
  onToggle: (name: string, range: boolean) => void;
  onToggleAll: () => void;
  allSelected: boolean;
}) {
  const { bodyRef, virtualizer } = useWindowRows({
    count: rows.length,
    estimateSize: (i) => (rows[i]!.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.kind === 'group' ? `group:${row.label}` : row.codespace.name;
    },
    initialHeight: 1000,
  });

  return (
    <div
      role="table"
      aria-label="Organization codespaces"
      aria-rowcount={rows.length + 1}
      aria-busy={busy || undefined}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={`${ORG_COLUMNS} border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400`}
        >
          <SelectAllHeader checked={allSelected} onToggle={onToggleAll} />
          <div role="columnheader">Codespace</div>
          <div role="columnheader">Member</div>
          <div role="columnheader">Repository · branch</div>
          <div role="columnheader">State</div>
          <div role="columnheader">Machine</div>
          <div role="columnheader">Last used</div>
          <div role="columnheader">Deleted if unused</div>
          <div role="columnheader">Idle</div>
        </div>
      </div>
      <VirtualRowGroup ref={bodyRef} height={virtualizer.getTotalSize()}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const style: CSSProperties = {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            height: row.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT,
            transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
          };
          return row.kind === 'group' ? (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              style={style}
              className="flex items-center border-b border-zinc-200 bg-zinc-50 px-4 text-xs dark:border-zinc-800 dark:bg-zinc-900/70"
            >
              <div role="cell" className="font-semibold text-zinc-800 dark:text-zinc-200">
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

function OrgCodespaceRow({
  org,
  codespace,
  now,
  rowIndex,
  style,
  selected,
  onToggle,
}: {
  org: string;
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
      className={`${ORG_COLUMNS} border-b border-zinc-200 px-4 text-sm data-selected:bg-sky-50 dark:border-zinc-800 dark:data-selected:bg-sky-950/30`}
    >
      <SelectCell name={codespace.name} title={title} selected={selected} onToggle={onToggle} />
      <div role="cell" className="min-w-0">
        <div className="truncate font-medium text-zinc-900 dark:text-zinc-100">{title}</div>
        <NameAndFlags codespace={codespace} title={title} />
      </div>
      <div role="cell" className="min-w-0">
        <a
          href={memberPath(org, codespace.owner.login)}
          data-row-link
          className="block truncate text-zinc-800 hover:text-sky-700 hover:underline dark:text-zinc-200 dark:hover:text-sky-300"
        >
          {codespace.owner.login}
        </a>
      </div>
      <div role="cell" className="min-w-0">
        <div className="truncate text-zinc-800 dark:text-zinc-200">{codespace.repository.full_name}</div>
        <div className="flex min-w-0 items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
          <GitBranch aria-hidden className="size-3 shrink-0" />
          <span className="truncate font-mono">{codespace.git_status.ref ?? '—'}</span>
        </div>
      </div>
      <div role="cell">
        <StateBadge state={codespace.state} />
      </div>
      <div role="cell" className="text-xs text-zinc-700 dark:text-zinc-300">
        {codespace.machine ? `${codespace.machine.cpus} cores` : '—'}
      </div>
      <div role="cell" className="text-xs text-zinc-600 dark:text-zinc-400" title={exactTime(codespace.last_used_at)}>
        {relativeTime(codespace.last_used_at, now)}
      </div>
      <div
        role="cell"
        className={`text-xs ${expiresSoon ? 'font-medium text-orange-700 dark:text-orange-300' : 'text-zinc-600 dark:text-zinc-400'}`}
        title={expires ? exactTime(expires) : 'Not scheduled: deleted only when it has been stopped for its retention period'}
      >
        {expires ? relativeTime(expires, now) : '—'}
      </div>
      <div role="cell" className="text-xs text-zinc-600 dark:text-zinc-400">
        {codespace.idle_timeout_minutes != null ? `${codespace.idle_timeout_minutes} min` : '—'}
      </div>
    </div>
  );
}
