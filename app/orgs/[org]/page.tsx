import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { summaryPages } from '@/lib/codespaces/list-stream.server';
import { listOrgCodespacesQuery } from '@/lib/codespaces/queries';
import { withinFirstPaintBudget } from '@/lib/operations/server-transport.server';
import { firstPageOnly } from '@/lib/transport/transport';
import { orgAccess } from '@/app/orgs/org-access';
import { OrgCodespacesPage } from '@/components/orgs/org-codespaces-page';
import { routeSearchParams } from '@/lib/codespaces/domain/pipeline';
import { parseOrgFilters } from '@/lib/orgs/domain/org-view';

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).org} codespaces` };
}

export default async function OrgRoute({ params, searchParams }: Props) {
  const { org } = await params;
  // First paint comes with the list's first page (summaries, as the page streams the rest): one
  // round trip to GitHub, made alongside the check that the organisation exists. A refusal is
  // not kept: the page asks again and says why in words.
  const queryClient = new QueryClient();
  const access = await orgAccess(org, {
    alongside: (session) =>
      withinFirstPaintBudget(() =>
        queryClient.prefetchQuery(
          listOrgCodespacesQuery(org, { listOrgCodespaces: () => firstPageOnly(summaryPages(session, { kind: 'organization', org })) }),
        ),
      ),
  });
  if ('screen' in access) return access.screen;
  const query = await searchParams;
  // Filters come from the URL here, as on the personal list (no Suspense boundary for useSearchParams).
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OrgCodespacesPage org={org} me={access.session.user.login} initialFilters={parseOrgFilters(routeSearchParams(query))} />
    </HydrationBoundary>
  );
}
