import type { Metadata } from 'next';
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
  const access = await orgAccess(org);
  if ('screen' in access) return access.screen;
  const query = await searchParams;
  // Filters come from the URL here, as on the personal list (no Suspense boundary for useSearchParams).
  return <OrgCodespacesPage org={org} me={access.session.user.login} initialFilters={parseOrgFilters(routeSearchParams(query))} />;
}
