import type { Metadata } from 'next';
import { orgAccess } from '@/app/orgs/org-access';
import { OrgSettingsPage } from '@/components/orgs/org-settings-page';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} settings` };
}

export default async function OrgSettingsRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  return <OrgSettingsPage org={org} />;
}
