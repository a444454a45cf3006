import type { Metadata } from 'next';
import { SearchX } from 'lucide-react';
import { MissingRepositoryName } from '@/components/status/missing-path';
import { HomeLink, StatusPage } from '@/components/status/status-page';

export const metadata: Metadata = { title: 'Repository not found' };

/**
 * A repository's address with nothing behind it for this user: GitHub answers 404 for the
 * repository and for the user's codespaces in it (a private one hidden from the token still lists
 * those, so it never lands here). A real 404, with the repository's own words.
 */
export default function RepositoryNotFound() {
  return (
    <StatusPage
      icon={<SearchX className="size-6" />}
      code="404"
      title={
        <>
          No repository named <MissingRepositoryName />
        </>
      }
      actions={<HomeLink primary />}
    >
      <p>It does not exist, or your account cannot see it.</p>
    </StatusPage>
  );
}
