import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft, SearchX } from 'lucide-react';
import { MissingPath } from '@/components/status/missing-path';
import { StatusPage } from '@/components/status/status-page';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Codespace not found' };

/** A codespace's address with no codespace of the user's behind it: mistyped, or deleted since (a bookmark, an old tab). */
export default function CodespaceNotFound() {
  return (
    <StatusPage
      icon={<SearchX className="size-6" />}
      code="404"
      title="This codespace does not exist"
      actions={
        <Link href="/" className={buttonClass('primary')}>
          <ArrowLeft aria-hidden className="size-4" /> Back to your codespaces
        </Link>
      }
    >
      <p>
        No codespace of yours is at <MissingPath />. It may have been deleted, or the address mistyped.
      </p>
    </StatusPage>
  );
}
