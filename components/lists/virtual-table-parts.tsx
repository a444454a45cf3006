'use client';

import type { CSSProperties, ReactNode, Ref } from 'react';
import { useRouter } from 'next/navigation';
import type { RowHeights } from '@/lib/hooks/use-card-layout';
import { focusFallback } from '@/components/layout/focus-places';

/**
 * Virtualised tables of codespaces, at every width: a table from `sm` up, a card per row below it.
 * Rows are placed by CSS from their index and the current row height (`--row-h`, which
 * `.virtual-rows` in globals.css switches at `sm`), so the server's render and the first paint
 * lay out right on a phone before any script runs; the virtualiser only picks which rows exist.
 */

/**
 * The table's frame: its name, its size (header row included) and whether more is on its way, its
 * look and row heights in both layouts, and where the keyboard's focus goes when a row it was on
 * leaves (focus-places.ts).
 */
export function virtualTableProps({
  label,
  rows,
  busy,
  heights,
  focusKey,
}: {
  label: string;
  rows: number;
  busy: boolean;
  heights: RowHeights;
  focusKey: string;
}) {
  return {
    role: 'table',
    'aria-label': label,
    'aria-rowcount': rows + 1,
    'aria-busy': busy || undefined,
    ...focusFallback(focusKey),
    className: 'virtual-rows overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
    style: { '--row-table': `${heights.table}px`, '--row-card': `${heights.card}px` } as CSSProperties,
  };
}

/** The header row's look; on cards only the select-all box shows (the other headers stay for screen readers). */
const headerRowClass =
  'border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase max-sm:flex max-sm:items-center dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400';

/** A column header that only the table shows. */
export const tableOnlyHeaderClass = 'max-sm:sr-only';

/** The header row of a table whose rows can be selected: select-all first, then the columns' headers. */
export function SelectableHeaderRow({
  grid,
  allSelected,
  onToggleAll,
  children,
}: {
  /** The table's grid classes, shared with its rows. */
  grid: string;
  allSelected: boolean;
  onToggleAll: () => void;
  children: ReactNode;
}) {
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className={`${grid} ${headerRowClass}`}>
        <SelectAllHeader checked={allSelected} onToggle={onToggleAll} />
        {children}
      </div>
    </div>
  );
}

/** Column headers that only a table shows (cards say what each value is by where it sits). */
export function TableOnlyHeaders({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <div key={label} role="columnheader" className={tableOnlyHeaderClass}>
      {label}
    </div>
  ));
}

/**
 * Where a row sits and how tall it is: below `rowsBefore` rows and `fixedBefore` pixels of
 * fixed-height rows (group headers), `fixedHeight` tall when it is one of those.
 */
export function rowPlacement(rowsBefore: number, fixedBefore = 0, fixedHeight?: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: fixedHeight === undefined ? 'var(--row-h)' : fixedHeight,
    transform: `translateY(calc(var(--row-h) * ${rowsBefore} + ${fixedBefore}px))`,
    contain: 'strict',
  };
}

/** The header cell that selects every row the filter shows (with its words, on cards). */
function SelectAllHeader({ checked, onToggle }: { checked: boolean; onToggle: () => void }) {
  return (
    <div role="columnheader">
      <label className="flex items-center gap-3 max-sm:-my-1 max-sm:py-1 max-sm:text-xs max-sm:font-medium max-sm:tracking-normal max-sm:normal-case">
        <input
          type="checkbox"
          aria-label="Select all matching the filter"
          checked={checked}
          onChange={onToggle}
          className="size-4 accent-sky-700 max-sm:size-5"
        />
        <span className="sm:hidden">Select all</span>
      </label>
    </div>
  );
}

/**
 * The body of a window-virtualised table: as tall as all its rows (`rows` of the current row
 * height and `fixed` pixels of group headers), which are placed inside it. Contained, so rows
 * coming and going (scrolling, filtering) lay out and paint only this box. Rows hold plain links
 * (a next/link per row costs thousands of components): they are followed client-side here, for
 * all rows at once, on a plain left click only; new tabs, downloads and the like stay the browser's.
 */
export function VirtualRowGroup({
  ref,
  rows,
  fixed = 0,
  children,
}: {
  ref: Ref<HTMLDivElement>;
  rows: number;
  fixed?: number;
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <div
      role="rowgroup"
      ref={ref}
      style={{ height: `calc(var(--row-h) * ${rows} + ${fixed}px)`, position: 'relative', contain: 'strict' }}
      onClick={(event) => {
        const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-row-link]');
        if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        router.push(link.getAttribute('href')!);
      }}
    >
      {children}
    </div>
  );
}
