'use client';

import { useEffect } from 'react';
import dynamic from 'next/dynamic';

/**
 * The error page's layout loads when an error happens: every page's first load carries this
 * boundary, and almost none ever shows it. Until it is in (or if it cannot load), a plain line
 * says what happened.
 */
const ErrorStatusPage = dynamic(() => import('@/components/status/status-page').then((m) => m.ErrorStatusPage), {
  loading: () => (
    <p role="alert" className="px-4 pt-16 text-center text-sm">
      Something went wrong on this page.
    </p>
  ),
});
const HomeLink = dynamic(() => import('@/components/status/status-page').then((m) => m.HomeLink));

/** An unexpected error while showing a page: the header stays, and the user can try again or go home. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <ErrorStatusPage title="Something went wrong on this page" retry={retry} home={<HomeLink />}>
      <p>Hangar hit an unexpected error. Your codespaces are not affected: nothing was changed on GitHub.</p>
      {digest && <p className="mt-2 text-xs">Reference for the server’s log: {digest}</p>}
    </ErrorStatusPage>
  );
}
