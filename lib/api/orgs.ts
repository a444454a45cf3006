import { operations } from '@/lib/github/operations';
import { usageReportSchema, type UsageItem } from '@/lib/billing/usage-report';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/types';
import { browserTransport } from './client';
import { listAll, listPages, type GithubTransport, type ListPage } from './transport';

export interface OrganizationSummary {
  login: string;
  id: number;
  avatar_url: string;
  description: string | null;
}

const organizationPage = (page: OrganizationSummary[]): ListPage<OrganizationSummary> => ({ items: page });
const codespacePage = (page: { total_count: number; codespaces: Codespace[] }): ListPage<CodespaceSummary> => ({
  items: page.codespaces.map(summarizeCodespace),
  total: page.total_count,
});

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
      listPages(transport, operations.listOrgCodespaces, { params: { org }, query: { per_page: 100 }, signal }, codespacePage),
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
      return usageReportSchema.parse(data).usageItems;
    },
  };
}

export type OrgsApi = ReturnType<typeof orgsApi>;

export const orgs = orgsApi(browserTransport);
