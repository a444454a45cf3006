'use client';

import { useCallback, useMemo, useState } from 'react';
import { useSearchInUrl } from './use-search-in-url';

/**
 * What a list page's filters control, the same way on every list: the filters (kept in the URL)
 * and the rows they show.
 *
 * Rows are filtered in the keystroke's own render, not deferred: with cached search text and
 * memoised, virtualised rows, thousands of codespaces filter in a few milliseconds, and a deferred
 * render would show the result a frame or more later.
 */
export function useListControls<Item, Filters>({
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
  return { filters, updateFilters, rows };
}
