import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { CodespacesPage } from '@/components/codespaces/codespaces-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { serverSession } from '@/lib/auth/token';
import { serverConfig } from '@/lib/config';
import { listMyCodespaces } from '@/lib/github/codespaces';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import { queryKeys } from '@/lib/queries/keys';
import { parseListFilters } from '@/lib/codespaces/list-view';

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await serverSession();
  const params = await searchParams;
  if (!session) {
    const error = typeof params.error === 'string' ? params.error : undefined;
    return <SignInScreen demo={serverConfig().demo} error={error} />;
  }

  // First paint comes with data (summaries: what the list shows, a twentieth of GitHub's objects);
  // if GitHub fails here the page shows the error and retries itself.
  const queryClient = new QueryClient();
  try {
    queryClient.setQueryData(queryKeys.codespaceList(), (await listMyCodespaces(session.accessToken)).map(summarizeCodespace));
  } catch {
    // The client query reports it in words.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {/* Filters come from the URL here, not from useSearchParams: that hook needs a Suspense
          boundary, and React reveals a streamed boundary ~300 ms after the first paint. */}
      <CodespacesPage initialFilters={parseListFilters({ get: (name) => firstValue(params[name]) })} />
    </HydrationBoundary>
  );
}
