import type { Metadata } from 'next';
import { orgAccess } from '@/app/orgs/org-access';
import { AuditPage } from '@/components/audit/audit-page';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} audit log` };
}

export default async function OrgAuditRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  return <AuditPage org={org} />;
}
