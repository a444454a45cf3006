import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { orgAccess } from '@/app/orgs/org-access';
import { MemberCodespacesPage } from '@/components/orgs/member-codespaces-page';
import { ownerName } from '@/lib/github/params';
import { memberMissing } from '@/lib/orgs/exists.server';
import { serverTransport } from '@/lib/operations/server-transport.server';

type Props = { params: Promise<{ org: string; username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, username } = await params;
  return { title: `${username} in ${org}` };
}

export default async function MemberRoute({ params }: Props) {
  const { org, username } = await params;
  if (!ownerName.safeParse(username).success) notFound();
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  if (await memberMissing(serverTransport(access.session), org, username)) notFound();
  return <MemberCodespacesPage org={org} username={username} />;
}
