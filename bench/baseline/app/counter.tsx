'use client';

import { useState } from 'react';

/** The one client component: what any interactive page needs from React and Next.js. */
export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((n) => n + 1)}>
      Clicked {count} times
    </button>
  );
}
