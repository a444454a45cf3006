'use client';

import { useEffect } from 'react';

/** How long typing must pause before the URL follows. */
const URL_WRITE_DELAY_MS = 250;

/**
 * Keeps a view's filters in the URL (`search` is `?…` or empty) without a server round trip, so the
 * view survives reloads and can be shared. Written once typing pauses: each history write makes
 * Next's router re-sync, which costs more than filtering 2,000 rows.
 */
export function useSearchInUrl(search: string) {
  useEffect(() => {
    if (search === window.location.search) return;
    const timer = setTimeout(() => window.history.replaceState(null, '', `${window.location.pathname}${search}`), URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);
}
