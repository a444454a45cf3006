import { queryOptions } from '@tanstack/react-query';
import { orgs } from './api';

/**
 * Query options for organisations, each named as its GitHub operation, with its key in `orgKeys`.
 * Who may use Codespaces is in access-queries.ts: only the settings page needs it.
 */

export const orgKeys = {
  all: ['orgs'] as const,
  listMyOrganizations: () => [...orgKeys.all, 'mine'] as const,
  listOrgMembers: (org: string) => [...orgKeys.all, org, 'members'] as const,
  listOrgRepositories: (org: string) => [...orgKeys.all, org, 'repositories'] as const,
  /** What was last set here for who may use Codespaces (GitHub has no read of it). */
  codespacesAccess: (org: string) => [...orgKeys.all, org, 'codespaces-access'] as const,
};

/** The organisations the signed-in user belongs to, for the navigation. */
export function listMyOrganizationsQuery() {
  return queryOptions({
    queryKey: orgKeys.listMyOrganizations(),
    queryFn: ({ signal }) => orgs.listMyOrganizations(signal),
    staleTime: 10 * 60_000,
  });
}

/** Everyone in the organisation, for choosing who may use Codespaces. */
export function listOrgMembersQuery(org: string) {
  return queryOptions({
    queryKey: orgKeys.listOrgMembers(org),
    queryFn: ({ signal }) => orgs.listOrgMembers(org, signal),
    staleTime: 5 * 60_000,
  });
}

/** The organisation's repositories, for choosing which may use a secret. */
export function listOrgRepositoriesQuery(org: string) {
  return queryOptions({
    queryKey: orgKeys.listOrgRepositories(org),
    queryFn: ({ signal }) => orgs.listOrgRepositories(org, signal),
    staleTime: 5 * 60_000,
  });
}
