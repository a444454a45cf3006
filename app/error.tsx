'use client';

import { useEffect } from 'react';
import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { HomeLink, StatusPage } from '@/components/status/status-page';

/** An unexpected error while showing a page: the header stays, and the user can try again or go home. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <StatusPage
      icon={<TriangleAlert className="size-6" />}
      title="Something went wrong on this page"
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          <HomeLink />
        </>
      }
    >
      <p>Hangar hit an unexpected error. Your codespaces are not affected: nothing was changed on GitHub.</p>
      {digest && <p className="mt-2 text-xs">Reference for the server’s log: {digest}</p>}
    </StatusPage>
  );
}
