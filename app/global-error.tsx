'use client';

import { lazy, Suspense } from 'react';
import { loadErrorPages } from '@/components/status/error-pages-loader';
import './globals.css';

// Loaded when shown, as app/error.tsx's page is: the boundary rides along with every first load.
const GlobalErrorView = lazy(() => loadErrorPages().then((m) => ({ default: m.GlobalErrorView })));

/**
 * When even the root layout fails: this replaces the whole document, so it brings its own html,
 * body and styles (and the remembered theme; the layout's head script did not run).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Hangar</title>
        <Suspense fallback={<p className="p-8 text-center text-sm">Hangar could not show this page.</p>}>
          <GlobalErrorView error={error} retry={retry} />
        </Suspense>
      </body>
    </html>
  );
}
