import type { Metadata } from 'next';
import { SearchX } from 'lucide-react';
import { MissingPath } from '@/components/status/missing-path';
import { HomeLink, StatusPage } from '@/components/status/status-page';

export const metadata: Metadata = { title: 'Codespace not found' };

/** A codespace's address with no codespace of the user's behind it: mistyped, or deleted since (a bookmark, an old tab). */
export default function CodespaceNotFound() {
  return (
    <StatusPage icon={<SearchX className="size-6" />} code="404" title="This codespace does not exist" actions={<HomeLink primary />}>
      <p>
        No codespace of yours is at <MissingPath />. It may have been deleted, or the address mistyped.
      </p>
    </StatusPage>
  );
}
