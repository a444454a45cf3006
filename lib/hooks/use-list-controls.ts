'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { NO_SELECTION, toggleAllShown, toggleSelection, type Selection } from '@/lib/codespaces/bulk';
import { useSearchInUrl } from './use-search-in-url';

/**
 * What a list page controls, the same way on every list: its filters (kept in the URL), the rows
 * they show, and the selection, with handlers that stay the same function from render to render
 * (rows are memoised: a new handler each render would redraw them all).
 *
 * Rows are filtered in the keystroke's own render, not deferred: with cached search text and
 * memoised, virtualised rows, thousands of codespaces filter in a few milliseconds, and a deferred
 * render would show the result a frame or more later.
 */
export function useListControls<Item extends { name: string }, Filters>({
  items,
  initialFilters,
  apply,
  toSearch,
}: {
  items: readonly Item[];
  initialFilters: Filters;
  apply: (items: readonly Item[], filters: Filters) => Item[];
  toSearch: (filters: Filters) => string;
}) {
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const updateFilters = useCallback((next: Partial<Filters>) => setFilters((current) => ({ ...current, ...next })), []);
  useSearchInUrl(toSearch(filters));
  const rows = useMemo(() => apply(items, filters), [apply, items, filters]);

  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  // The handlers read the rows shown when the click happens.
  const shownRows = useRef(rows);
  useLayoutEffect(() => {
    shownRows.current = rows;
  }, [rows]);
  const toggle = useCallback((name: string, range: boolean) => setSelection((s) => toggleSelection(s, shownRows.current, name, range)), []);
  const toggleAll = useCallback(() => setSelection((s) => toggleAllShown(s, shownRows.current)), []);
  const clearSelection = useCallback(() => setSelection(NO_SELECTION), []);
  const selectNames = useCallback((names: readonly string[]) => setSelection({ selected: new Set(names), anchor: null }), []);
  const chosen = useMemo(() => items.filter((c) => selection.selected.has(c.name)), [items, selection.selected]);

  return { filters, updateFilters, rows, selected: selection.selected, chosen, toggle, toggleAll, clearSelection, selectNames };
}
