import { orgRoute, orgTitle } from '@/app/orgs/org-access';
import { OrgSettingsPage } from '@/components/orgs/org-settings-page';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverConfig } from '@/lib/config';

export const generateMetadata = orgTitle('settings');

export default orgRoute((org, session) => {
  const config = serverConfig();
  // The secrets' repository picker lacks private repositories without repo (an OAuth App's token): it says so and offers the consent.
  const repoAccess = scopeAccess(session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl });
  return <OrgSettingsPage org={org} repoAccess={repoAccess} />;
});
