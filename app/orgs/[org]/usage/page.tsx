import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrgConsent } from '@/components/orgs/org-consent';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { OrgUsagePage } from '@/components/usage/org-usage-page';
import { ORG_ADMIN_SCOPE } from '@/lib/auth/options';
import { serverSession } from '@/lib/auth/token';
import { ownerName } from '@/lib/codespaces/schemas';
import { serverConfig } from '@/lib/config';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} usage` };
}

export default async function OrgUsageRoute({ params }: Props) {
  const { org } = await params;
  if (!ownerName.safeParse(org).success) notFound();
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;
  if (!session.scopes.includes(ORG_ADMIN_SCOPE)) return <OrgConsent org={org} />;
  return <OrgUsagePage org={org} />;
}
