import type { Metadata } from 'next';
import { orgAccess } from '@/app/orgs/org-access';
import { OrgSettingsPage } from '@/components/orgs/org-settings-page';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverConfig } from '@/lib/config';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} settings` };
}

export default async function OrgSettingsRoute({ params }: Props) {
  const { org } = await params;
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  const config = serverConfig();
  // The secrets' repository picker lacks private repositories without repo (an OAuth App's token): it says so and offers the consent.
  const repoAccess = scopeAccess(access.session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl });
  return <OrgSettingsPage org={org} repoAccess={repoAccess} />;
}
