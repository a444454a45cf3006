'use client';

import type { QueryClient } from '@tanstack/react-query';
import { fetchAllPages } from '@/lib/api/client';
import { codespaceTitle } from '@/lib/codespaces/state';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/types';
import { orgQueryKeys, queryKeys } from '@/lib/queries/keys';
import type { PaletteCodespace, PaletteOrganization, PaletteOrgCodespace } from './commands';

/**
 * The palette's data, read from what the pages already hold in React Query's cache (it asks GitHub
 * for nothing of its own, except the user's organisations when no page has loaded them yet).
 * The one place to change when the data layer offers proper query factories.
 */

export interface PaletteData {
  codespaces: PaletteCodespace[];
  organizations: PaletteOrganization[];
  /** The organisation whose page is showing, with its codespaces when they are loaded. */
  org: { login: string; codespaces: PaletteOrgCodespace[] } | null;
}

type Listed = Pick<CodespaceSummary, 'name' | 'display_name' | 'state' | 'repository'> & { web_url?: string };

const toPalette = (c: Listed): PaletteCodespace => ({
  name: c.name,
  title: codespaceTitle(c),
  repository: c.repository.full_name,
  state: c.state,
  webUrl: c.web_url ?? null,
});

export function readPaletteData(queryClient: QueryClient, org: string | null): PaletteData {
  const list = queryClient.getQueryData<Listed[]>(queryKeys.codespaceList()) ?? [];
  const organizations = queryClient.getQueryData<PaletteOrganization[]>(orgQueryKeys.mine()) ?? [];
  const orgList = org ? queryClient.getQueryData<Codespace[]>(orgQueryKeys.codespaces(org)) : undefined;
  return {
    codespaces: list.map(toPalette),
    organizations: organizations.map((o) => ({ login: o.login })),
    org: org ? { login: org, codespaces: (orgList ?? []).map((c) => ({ ...toPalette(c), owner: c.owner.login })) } : null,
  };
}

/** "Go to <organisation>" needs the user's organisations; only the header's menu loads them otherwise. */
export function loadOrganizations(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery({
    queryKey: orgQueryKeys.mine(),
    queryFn: ({ signal }) => fetchAllPages<PaletteOrganization[], PaletteOrganization>('/user/orgs?per_page=100', (page) => page, signal),
    staleTime: 10 * 60_000,
  });
}

/** A codespace as GitHub last answered it on its page, if that is in the cache (it carries `web_url`). */
export function cachedCodespace(queryClient: QueryClient, name: string): Codespace | undefined {
  return queryClient.getQueryData<Codespace>(queryKeys.codespace(name));
}
