'use client';

import { useEffect } from 'react';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { useWindowRows } from '@/lib/hooks/use-window-rows';
import { SelectAllHeader, VirtualRowGroup } from '@/components/lists/virtual-table-parts';
import { CodespaceRow, LIST_COLUMNS, ROW_HEIGHT } from './codespace-row';

/**
 * Every codespace given, as one table. Rows are virtualised, so thousands cost what a
 * screenful does; the page scrolls as usual.
 */
export function CodespaceList({
  codespaces,
  total,
  busy = false,
  selected,
  cursor = null,
  onToggle,
  onToggleAll,
}: {
  /** The row the keyboard is on (j/k): marked, and kept in view. */
  cursor?: string | null;
  codespaces: CodespaceSummary[];
  total: number;
  /** More pages are on their way. */
  busy?: boolean;
  selected: ReadonlySet<string>;
  onToggle: (name: string, range: boolean) => void;
  onToggleAll: () => void;
}) {
  const allSelected = codespaces.length > 0 && codespaces.every((c) => selected.has(c.name));
  const now = useMinuteClock();
  const { bodyRef, virtualizer } = useWindowRows({
    count: codespaces.length,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => codespaces[index]!.name,
    initialHeight: 900,
  });

  useEffect(() => {
    if (!cursor) return;
    const index = codespaces.findIndex((c) => c.name === cursor);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, codespaces, virtualizer]);

  return (
    <div
      role="table"
      aria-label="Codespaces"
      aria-rowcount={codespaces.length + 1}
      aria-busy={busy || undefined}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      data-total={total}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={`${LIST_COLUMNS} border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-[11px] font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase dark:border-zinc-800 dark:bg-zinc-900/80`}
        >
          <SelectAllHeader checked={allSelected} onToggle={onToggleAll} />
          <div role="columnheader">Codespace</div>
          <div role="columnheader">Repository · branch</div>
          <div role="columnheader">State</div>
          <div role="columnheader">Machine</div>
          <div role="columnheader">Last used</div>
          <div role="columnheader" className="text-right">
            <span className="sr-only">Actions</span>
          </div>
        </div>
      </div>
      <VirtualRowGroup ref={bodyRef} height={virtualizer.getTotalSize()}>
        {virtualizer.getVirtualItems().map((item) => (
          <CodespaceRow
            key={item.key}
            codespace={codespaces[item.index]!}
            now={now}
            rowIndex={item.index + 2}
            selected={selected.has(codespaces[item.index]!.name)}
            current={cursor === codespaces[item.index]!.name}
            onToggle={onToggle}
            offset={item.start - virtualizer.options.scrollMargin}
          />
        ))}
      </VirtualRowGroup>
    </div>
  );
}
