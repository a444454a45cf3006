import { orgRoute, orgTitle } from '@/app/orgs/org-access';
import { PoliciesPage } from '@/components/policies/policies-page';

export const generateMetadata = orgTitle('policies');

export default orgRoute((org) => <PoliciesPage org={org} />);
