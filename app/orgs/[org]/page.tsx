import type { Metadata } from 'next';
import { Suspense } from 'react';
import { orgAccess } from '@/components/orgs/org-access';
import { OrgCodespacesPage } from '@/components/orgs/org-codespaces-page';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} codespaces` };
}

export default async function OrgRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  return (
    <Suspense>
      <OrgCodespacesPage org={org} me={access.session.user.login} />
    </Suspense>
  );
}
