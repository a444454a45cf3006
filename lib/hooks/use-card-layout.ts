'use client';

import { useSyncExternalStore } from 'react';

/**
 * Below Tailwind's `sm` (40rem, 640 px) tables of codespaces show each row as a card: the same
 * query as the `max-sm:` classes that lay the cards out.
 */
const CARD_LAYOUT_QUERY = '(width < 40rem)';

/** The height of a table's rows: as a table, and as cards on a narrow screen. */
export interface RowHeights {
  table: number;
  card: number;
}

/** The query, where the environment can answer it (a test's DOM may not). */
const cardQuery = () => (typeof window.matchMedia === 'function' ? window.matchMedia(CARD_LAYOUT_QUERY) : null);

function subscribe(onChange: () => void) {
  const query = cardQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/**
 * Whether rows are cards now. The server does not know the screen: it renders the table's
 * measures, and CSS (not this hook) gives the first paint its real layout at either width.
 */
export function useCardLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => cardQuery()?.matches ?? false,
    () => false,
  );
}
