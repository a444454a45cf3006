'use client';

import { MAIN_ID } from './page';

/**
 * The first stop of the Tab key on every signed-in page: past the header, straight to the page.
 * Hidden until focused. It moves focus itself rather than follow `#main`, so the address stays clean.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        event.preventDefault();
        main.focus();
      }}
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 shadow-lg ring-1 ring-zinc-300 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
    >
      Skip to content
    </a>
  );
}
