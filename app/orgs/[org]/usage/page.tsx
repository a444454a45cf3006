import type { Metadata } from 'next';
import { orgAccess } from '@/app/orgs/org-access';
import { OrgUsagePage } from '@/components/usage/org-usage-page';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} usage` };
}

export default async function OrgUsageRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  return <OrgUsagePage org={org} />;
}
