'use client';

import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorStatusPage } from '@/components/status/status-page';
import { applyTheme, readTheme } from '@/lib/theme';
import './globals.css';

/**
 * When even the root layout fails: this replaces the whole document, so it brings its own html,
 * body and styles (and the remembered theme; the layout's head script did not run).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    applyTheme(readTheme());
    console.error(error);
  }, [error]);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Hangar</title>
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
      </body>
    </html>
  );
}
