import type { Metadata } from 'next';
import { orgAccess } from '@/app/orgs/org-access';
import { PoliciesPage } from '@/components/policies/policies-page';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} policies` };
}

export default async function OrgPoliciesRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  return <PoliciesPage org={org} />;
}
