import { orgRoute, orgTitle } from '@/app/orgs/org-access';
import { AuditPage } from '@/components/audit/audit-page';

export const generateMetadata = orgTitle('audit log');

export default orgRoute((org) => <AuditPage org={org} />);
