'use client';

import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';

/**
 * When the server rendered this document (the root layout provides it). Hydration must render what
 * the server did: with the browser's own clock "46 seconds ago" becomes "49 seconds ago", React
 * finds the text changed, throws the server's HTML away and renders afresh, losing whatever the
 * user had typed or picked in it meanwhile.
 */
export const RenderedAtContext = createContext<number | null>(null);

const noSubscription = () => () => {};

/** Now, refreshed once a minute: relative times re-render on the clock, not on every poll. */
export function useMinuteClock(): number {
  const renderedAt = useContext(RenderedAtContext);
  // True on the server and while hydrating; React re-renders with false right after.
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return hydrating && renderedAt !== null ? renderedAt : now;
}
