import { orgRoute, orgTitle } from '@/app/orgs/org-access';
import { OrgUsagePage } from '@/components/usage/org-usage-page';

export const generateMetadata = orgTitle('usage');

export default orgRoute((org) => <OrgUsagePage org={org} />);
