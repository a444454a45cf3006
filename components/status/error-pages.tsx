'use client';

import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/button';
import { applyTheme, readTheme } from '@/lib/theme';
import { ErrorStatusPage, HomeLink } from './status-page';

/*
 * What app/error.tsx and app/global-error.tsx show. Next ships a route's error boundaries with its
 * first load; these load only when an error is shown (issue 26), the boundaries themselves being a
 * few lines.
 */

export interface ErrorPageProps {
  error: unknown;
  retry: () => void;
}

/** An unexpected error while showing a page: the header stays, and the user can try again or go home. */
export function PageErrorView({ error, retry }: ErrorPageProps) {
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <ErrorStatusPage title="Something went wrong on this page" retry={retry} home={<HomeLink />}>
      <p>Hangar hit an unexpected error. Your codespaces are not affected: nothing was changed on GitHub.</p>
      {digest && <p className="mt-2 text-xs">Reference for the server’s log: {digest}</p>}
    </ErrorStatusPage>
  );
}

/** When even the root layout failed: inside global-error.tsx's own document (the layout's head script did not run). */
export function GlobalErrorView({ error, retry }: ErrorPageProps) {
  useEffect(() => {
    applyTheme(readTheme());
    console.error(error);
  }, [error]);
  return (
    <ErrorStatusPage
      title="Hangar could not show this page"
      retry={retry}
      home={
        // A full load, not a client navigation: the app around this page is what failed.
        // eslint-disable-next-line @next/next/no-html-link-for-pages
        <a href="/" className={buttonClass()}>
          Go to the start page
        </a>
      }
    >
      <p>An unexpected error stopped the page from loading. Nothing was changed on GitHub. Try again in a moment.</p>
    </ErrorStatusPage>
  );
}
