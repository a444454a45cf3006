'use client';

import dynamic from 'next/dynamic';

// Every page's first load carries its error boundary: the page it shows loads when one is shown.
const PageErrorView = dynamic(() => import('@/components/status/error-pages').then((m) => m.PageErrorView), {
  loading: () => <p className="p-8 text-center text-sm">Something went wrong on this page.</p>,
});

/** An unexpected error while showing a page: the header stays, and the user can try again or go home. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageErrorView error={error} retry={retry} />;
}
