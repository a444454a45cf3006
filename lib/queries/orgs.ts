'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAllPages, githubApi } from '@/lib/api/client';
import { runBounded, type BulkPlan, type BulkResult } from '@/lib/codespaces/bulk';
import { isTransitional } from '@/lib/codespaces/state';
import type { Codespace } from '@/lib/codespaces/types';
import { usageReportSchema, type UsageItem } from '@/lib/billing/usage-report';
import { BULK_CONCURRENCY } from './codespaces';
import { orgQueryKeys } from './keys';
import { pollInterval } from './polling';

export interface OrganizationSummary {
  login: string;
  id: number;
  avatar_url: string;
  description: string | null;
}

type OrgCodespacePage = { total_count: number; codespaces: Codespace[] };

/** The organisations the signed-in user belongs to, for the navigation. */
export function useMyOrgs() {
  return useQuery({
    queryKey: orgQueryKeys.mine(),
    queryFn: ({ signal }) => fetchAllPages<OrganizationSummary[], OrganizationSummary>('/user/orgs?per_page=100', (page) => page, signal),
    staleTime: 10 * 60_000,
  });
}

/** Every codespace of an organisation (all pages); needs admin rights and the admin:org scope. */
export function useOrgCodespaces(org: string, enabled = true) {
  return useQuery({
    queryKey: orgQueryKeys.codespaces(org),
    queryFn: ({ signal }) =>
      fetchAllPages<OrgCodespacePage, Codespace>(
        `/orgs/${encodeURIComponent(org)}/codespaces?per_page=100`,
        (page) => page.codespaces,
        signal,
      ),
    enabled,
    refetchInterval: (query) => pollInterval(Boolean(query.state.data?.some((c) => isTransitional(c.state))), query.state.error),
  });
}

const memberCodespacePath = (org: string, codespace: Codespace) =>
  `/orgs/${encodeURIComponent(org)}/members/${encodeURIComponent(codespace.owner.login)}/codespaces/${encodeURIComponent(codespace.name)}`;

/** Stop or delete members' codespaces on their behalf, reporting each outcome as it arrives. */
export function useOrgBulkAction(org: string) {
  const queryClient = useQueryClient();
  const key = orgQueryKeys.codespaces(org);
  return useMutation({
    mutationFn: async ({ plan, onResult }: { plan: BulkPlan<Codespace>; onResult: (result: BulkResult<Codespace>) => void }) => {
      await queryClient.cancelQueries({ queryKey: key });
      return runBounded(
        plan.eligible,
        BULK_CONCURRENCY,
        async (codespace) => {
          if (plan.action === 'stop') {
            const { data } = await githubApi<Codespace>(`${memberCodespacePath(org, codespace)}/stop`, { method: 'POST' });
            queryClient.setQueryData<Codespace[]>(key, (list) =>
              list?.map((c) =>
                c.name === codespace.name ? { ...data, state: isTransitional(data.state) ? data.state : 'ShuttingDown' } : c,
              ),
            );
          } else {
            await githubApi<unknown>(memberCodespacePath(org, codespace), { method: 'DELETE' });
            queryClient.setQueryData<Codespace[]>(key, (list) => list?.filter((c) => c.name !== codespace.name));
          }
        },
        onResult,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The organisation's billing usage report for a year (or one month of it). */
export function useBillingUsage(org: string, year: number, month: number | null, enabled = true) {
  return useQuery({
    queryKey: orgQueryKeys.usage(org, year, month),
    queryFn: async ({ signal }): Promise<UsageItem[]> => {
      const query = `year=${year}${month ? `&month=${month}` : ''}`;
      const { data } = await githubApi<unknown>(`/organizations/${encodeURIComponent(org)}/settings/billing/usage?${query}`, { signal });
      return usageReportSchema.parse(data).usageItems;
    },
    enabled,
    staleTime: 10 * 60_000,
  });
}
