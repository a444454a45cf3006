'use client';

import { useEffect, useState } from 'react';

/** Now, refreshed once a minute: relative times re-render on the clock, not on every poll. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}
