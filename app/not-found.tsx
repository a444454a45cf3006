import type { Metadata } from 'next';
import Link from 'next/link';
import { MapPinOff } from 'lucide-react';
import { MissingPath } from '@/components/status/missing-path';
import { HomeLink, StatusPage } from '@/components/status/status-page';
import { serverSession } from '@/lib/auth/token.server';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

/** Any address Hangar has no page for (and every `notFound()`), inside the app's own layout and header. */
export default async function NotFound() {
  const signedIn = Boolean(await serverSession());
  return (
    <StatusPage
      icon={<MapPinOff className="size-6" />}
      code="404"
      title="This page does not exist"
      actions={
        <>
          <HomeLink primary>{signedIn ? 'Back to your codespaces' : 'Go to Hangar'}</HomeLink>
          {signedIn && (
            <Link href="/usage" className={buttonClass()}>
              Your usage
            </Link>
          )}
        </>
      }
    >
      <p>
        Hangar has nothing at <MissingPath />. The address may be mistyped, or what it pointed to may have been deleted or renamed.
      </p>
    </StatusPage>
  );
}
