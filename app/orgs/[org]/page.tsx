import type { Metadata } from 'next';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { OrgCodespacesPage } from '@/components/orgs/org-codespaces-page';
import { OrgConsent } from '@/components/orgs/org-consent';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { ORG_ADMIN_SCOPE } from '@/lib/auth/options';
import { serverSession } from '@/lib/auth/token';
import { ownerName } from '@/lib/codespaces/schemas';
import { serverConfig } from '@/lib/config';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} codespaces` };
}

export default async function OrgRoute({ params }: Props) {
  const { org } = await params;
  if (!ownerName.safeParse(org).success) notFound();
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;
  // Without admin:org GitHub would refuse anyway: explain and ask, rather than fail.
  if (!session.scopes.includes(ORG_ADMIN_SCOPE)) return <OrgConsent org={org} />;
  return (
    <Suspense>
      <OrgCodespacesPage org={org} me={session.user.login} />
    </Suspense>
  );
}
