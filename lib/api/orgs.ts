import { operations } from '@/lib/github/operations';
import type { UsageItem } from '@/lib/billing/usage-report';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/types';
import { browserTransport } from '@/lib/transport/client';
import { codespaceSummaryPage } from './read-codespaces';
import type { components } from '@octokit/openapi-types';
import type { CodespacesAccessVisibility } from '@/lib/secrets/schemas';
import { listAll, listPages, type GithubTransport, type ListPage } from '@/lib/transport/transport';

export type OrgMember = components['schemas']['simple-user'];
export type OrgRepository = components['schemas']['minimal-repository'];

export interface OrganizationSummary {
  login: string;
  id: number;
  avatar_url: string;
  description: string | null;
}

const organizationPage = (page: OrganizationSummary[]): ListPage<OrganizationSummary> => ({ items: page });
const memberPage = (page: OrgMember[]): ListPage<OrgMember> => ({ items: page });
const orgRepositoryPage = (page: OrgRepository[]): ListPage<OrgRepository> => ({ items: page });

/** A member's codespace as GitHub names it in the organisation's paths. */
const memberCodespace = (org: string, codespace: Pick<CodespaceSummary, 'name' | 'owner'>) => ({
  params: { org, username: codespace.owner.login, codespace_name: codespace.name },
});

/** Organisations, for their owners: their codespaces, acting on members' behalf, billing. */
export function orgsApi(transport: GithubTransport) {
  return {
    /** The organisations the signed-in user belongs to. */
    mine: (signal?: AbortSignal): Promise<OrganizationSummary[]> =>
      listAll(transport, operations.listMyOrganizations, { query: { per_page: 100 }, signal }, organizationPage),
    /** Every page of the organisation's codespaces, as summaries, as they arrive (admin:org). */
    codespacePages: (org: string, signal?: AbortSignal) =>
      listPages(transport, operations.listOrgCodespaces, { params: { org }, query: { per_page: 100 }, signal }, codespaceSummaryPage),
    /** One member's codespaces billed to the organisation. */
    memberCodespaces: (org: string, username: string, signal?: AbortSignal): Promise<CodespaceSummary[]> =>
      listAll(
        transport,
        operations.listMemberCodespaces,
        { params: { org, username }, query: { per_page: 100 }, signal },
        codespaceSummaryPage,
      ),
    /** Everyone in the organisation (for choosing who may use Codespaces). */
    members: (org: string, signal?: AbortSignal): Promise<OrgMember[]> =>
      listAll(transport, operations.listOrgMembers, { params: { org }, query: { per_page: 100 }, signal }, memberPage),
    /** The organisation's repositories (for choosing which may use a secret). */
    repositories: (org: string, signal?: AbortSignal): Promise<OrgRepository[]> =>
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
    stopMemberCodespace: async (org: string, codespace: CodespaceSummary): Promise<Codespace> =>
      (await transport.request(operations.stopMemberCodespace, memberCodespace(org, codespace))).data,
    deleteMemberCodespace: async (org: string, codespace: CodespaceSummary): Promise<void> => {
      await transport.request(operations.deleteMemberCodespace, memberCodespace(org, codespace));
    },
    /** GitHub's billing usage report for a year, or one month of it. */
    billingUsage: async (org: string, year: number, month: number | null, signal?: AbortSignal): Promise<UsageItem[]> => {
      const { data } = await transport.request(operations.getOrgBillingUsage, {
        params: { org },
        query: month ? { year, month } : { year },
        signal,
      });
      // The report's schema (zod) loads with the usage page that asks, not with every page.
      const { usageReportSchema } = await import('@/lib/billing/usage-report');
      return usageReportSchema.parse(data).usageItems;
    },
  };
}

export type OrgsApi = ReturnType<typeof orgsApi>;

export const orgs = orgsApi(browserTransport);
