'use client';

import { useEffect, type ReactNode } from 'react';
import { useWindowRows } from '@/lib/hooks/use-window-rows';
import { VirtualRowGroup } from '@/components/lists/virtual-table-parts';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { ROW_HEIGHTS } from './codespace-row';

/**
 * A long list's rows, virtualised against the page's scrolling (`@tanstack/react-virtual`, ~10 KB
 * gzipped): loaded by the list only once it is longer than it renders plainly (codespace-list.tsx).
 */
export function VirtualCodespaceRows({
  codespaces,
  cursor,
  scrollMargin,
  renderRow,
}: {
  codespaces: CodespaceSummary[];
  /** The keyboard's row, kept in view. */
  cursor: string | null;
  /** Where the rows started in the page when the plain rows handed over: no frame at the wrong offset. */
  scrollMargin: number;
  renderRow: (index: number) => ReactNode;
}) {
  const { bodyRef, virtualizer } = useWindowRows({
    count: codespaces.length,
    heights: ROW_HEIGHTS,
    getItemKey: (index) => codespaces[index]!.name,
    initialHeight: 900,
    initialScrollMargin: scrollMargin,
  });

  useEffect(() => {
    if (!cursor) return;
    const index = codespaces.findIndex((c) => c.name === cursor);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, codespaces, virtualizer]);

  return (
    <VirtualRowGroup ref={bodyRef} rows={codespaces.length}>
      {virtualizer.getVirtualItems().map((item) => renderRow(item.index))}
    </VirtualRowGroup>
  );
}
