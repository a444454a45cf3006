'use client';

import dynamic from 'next/dynamic';
import './globals.css';

// Loaded when shown, as app/error.tsx's page is: the boundary rides along with every first load.
const GlobalErrorView = dynamic(() => import('@/components/status/error-pages').then((m) => m.GlobalErrorView), {
  loading: () => <p className="p-8 text-center text-sm">Hangar could not show this page.</p>,
});

/**
 * When even the root layout fails: this replaces the whole document, so it brings its own html,
 * body and styles (and the remembered theme; the layout's head script did not run).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Hangar</title>
        <GlobalErrorView error={error} retry={retry} />
      </body>
    </html>
  );
}
