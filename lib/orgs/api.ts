import { browserTransport } from '@/lib/transport/client';
import { listAll, type GithubTransport, type ListPage } from '@/lib/transport/transport';
import type { CodespacesAccessVisibility } from './domain/access';
import type { OrganizationSummary, OrgMember, OrgRepository } from './domain/types';
import { operations } from './operations';

const organizationPage = (page: OrganizationSummary[]): ListPage<OrganizationSummary> => ({ items: page });
const memberPage = (page: OrgMember[]): ListPage<OrgMember> => ({ items: page });
const orgRepositoryPage = (page: OrgRepository[]): ListPage<OrgRepository> => ({ items: page });

/** Organisations, one typed function per GitHub operation, named as the operation. */
function orgsApi(transport: GithubTransport) {
  return {
    /** The organisations the signed-in user belongs to. */
    listMyOrganizations: (signal?: AbortSignal): Promise<OrganizationSummary[]> =>
      listAll(transport, operations.listMyOrganizations, { query: { per_page: 100 }, signal }, organizationPage),
    /** Everyone in the organisation (for choosing who may use Codespaces). */
    listOrgMembers: (org: string, signal?: AbortSignal): Promise<OrgMember[]> =>
      listAll(transport, operations.listOrgMembers, { params: { org }, query: { per_page: 100 }, signal }, memberPage),
    /** The organisation's repositories (for choosing which may use a secret). */
    listOrgRepositories: (org: string, signal?: AbortSignal): Promise<OrgRepository[]> =>
      listAll(
        transport,
        operations.listOrgRepositories,
        { params: { org }, query: { per_page: 100, sort: 'full_name' }, signal },
        orgRepositoryPage,
      ),
    /** Who may use Codespaces billed to the organisation (GitHub answers 204 and has no read of it). */
    setCodespacesAccess: async (org: string, visibility: CodespacesAccessVisibility, usernames?: string[]) => {
      await transport.request(operations.setCodespacesAccess, {
        params: { org },
        body: visibility === 'selected_members' ? { visibility, selected_usernames: usernames ?? [] } : { visibility },
      });
    },
    addCodespacesAccessUsers: async (org: string, usernames: string[]) => {
      await transport.request(operations.addCodespacesAccessUsers, { params: { org }, body: { selected_usernames: usernames } });
    },
    removeCodespacesAccessUsers: async (org: string, usernames: string[]) => {
      await transport.request(operations.removeCodespacesAccessUsers, { params: { org }, body: { selected_usernames: usernames } });
    },
  };
}

export const orgs = orgsApi(browserTransport);
