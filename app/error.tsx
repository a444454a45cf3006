'use client';

import { useEffect } from 'react';
import { ErrorStatusPage, HomeLink } from '@/components/status/status-page';

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
