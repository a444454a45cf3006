'use client';

import { lazy, Suspense } from 'react';
import { loadErrorPages } from '@/components/status/error-pages-loader';

// Every page's first load carries its error boundary: the page it shows loads when one is shown.
// React's lazy, not next/dynamic: that brought ~3 KB of Next's loader to the root layout's first load.
const PageErrorView = lazy(() => loadErrorPages().then((m) => ({ default: m.PageErrorView })));

/** An unexpected error while showing a page: the header stays, and the user can try again or go home. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Suspense fallback={<p className="p-8 text-center text-sm">Something went wrong on this page.</p>}>
      <PageErrorView error={error} retry={retry} />
    </Suspense>
  );
}
