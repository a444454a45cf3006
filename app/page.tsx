import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { CodespacesPage } from '@/components/codespaces/codespaces-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { CODESPACES_PER_PAGE } from '@/lib/codespaces/api';
import { storedListProjection, summaryPages } from '@/lib/codespaces/list-stream.server';
import { storedList } from '@/lib/query/streamed-list';
import { firstPageOnly } from '@/lib/transport/transport';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';
import { parseListFilters } from '@/lib/codespaces/domain/list-view';
import { routeSearchParams } from '@/lib/codespaces/domain/pipeline';
import { withinFirstPaintBudget } from '@/lib/operations/server-transport.server';
import { listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { packSummaries } from '@/lib/codespaces/domain/packed-summaries';
import type { PackedList } from '@/components/codespaces/codespaces-page';
import { personalAttention } from '@/lib/attention/domain/personal';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';

/**
 * "Needs your attention" for the first paint, worked out here as of this request: its rules load
 * in the browser after the first paint (usePersonalAttention), to follow the list from then on.
 */
function attentionNow(codespaces: readonly CodespaceSummary[]) {
  return personalAttention(codespaces, Date.now());
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await serverSession();
  const params = await searchParams;
  if (!session) {
    // Only next-auth's own codes become words; any other text in the address is never shown.
    return <SignInScreen demo={serverConfig().demo} error={signInErrorMessage(params.error) ?? undefined} />;
  }

  // First paint comes with the list's first page, with the same query the page polls with: one
  // round trip to GitHub, however long the list. The page asks for the rest as soon as it is up.
  const queryClient = new QueryClient();
  // A returning user whose whole list Hangar's store holds sees all of it at once, said to be as
  // of when GitHub last vouched for it; the page asks GitHub again right away. Otherwise the
  // first page, with the same reads (and store entries) as the list's stream: summaries.
  // That list goes to the page once, packed (~40% of its bytes as objects): the page puts it in its
  // cache before the list is read, so the rows a screen holds are rendered here and hydrate as they are.
  // Packed once per version of the stored list (its pages' ETags), not on every render of it.
  // The summaries are kept beside the packed list, so the attention below needs no unpacking.
  const stored = await storedListProjection(session, { kind: 'mine' }, 'packed', (pages) => {
    const { items, ...list } = storedList(pages, CODESPACES_PER_PAGE, 0);
    return { packed: { ...list, items: packSummaries(items) }, summaries: items };
  });
  const packed: PackedList | null = stored && { ...stored.value.packed, asOf: stored.asOf };
  let painted: readonly CodespaceSummary[] | undefined = stored?.value.summaries;
  if (!packed) {
    await withinFirstPaintBudget(() =>
      queryClient.prefetchQuery(listMyCodespacesQuery({ listMyCodespaces: () => firstPageOnly(summaryPages(session, { kind: 'mine' })) })),
    );
    painted = queryClient.getQueryData(listMyCodespacesQuery().queryKey)?.items;
  }
  const initialAttention = painted ? attentionNow(painted) : null;
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {/* Filters come from the URL here, not from useSearchParams: that hook needs a Suspense
          boundary, and React reveals a streamed boundary ~300 ms after the first paint. */}
      <CodespacesPage
        login={session.user.login}
        initialFilters={parseListFilters(routeSearchParams(params))}
        stored={packed}
        initialAttention={initialAttention}
      />
    </HydrationBoundary>
  );
}
