'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { NO_SELECTION, toggleAllShown, toggleSelection, type Selection } from '@/lib/codespaces/domain/bulk';

/**
 * The rows a list has selected, the same way on every list: a click toggles one, shift-click a
 * range of the rows shown, the header checkbox all shown. The handlers stay the same function from
 * render to render (rows are memoised: a new handler each render would redraw them all), and read
 * the rows shown when the click happens.
 */
export function useSelection<Item extends { name: string }>(items: readonly Item[], shown: readonly Item[]) {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const shownRows = useRef(shown);
  useLayoutEffect(() => {
    shownRows.current = shown;
  }, [shown]);
  const toggle = useCallback((name: string, range: boolean) => setSelection((s) => toggleSelection(s, shownRows.current, name, range)), []);
  const toggleAll = useCallback(() => setSelection((s) => toggleAllShown(s, shownRows.current)), []);
  const clear = useCallback(() => setSelection(NO_SELECTION), []);
  const selectNames = useCallback((names: readonly string[]) => setSelection({ selected: new Set(names), anchor: null }), []);
  // What is selected and still listed (a codespace deleted elsewhere drops out).
  const chosen = useMemo(() => items.filter((c) => selection.selected.has(c.name)), [items, selection.selected]);
  return { selected: selection.selected, chosen, toggle, toggleAll, clear, selectNames };
}
