import { Suspense } from 'react';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { CodespacesPage } from '@/components/codespaces/codespaces-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { serverSession } from '@/lib/auth/token';
import { serverConfig } from '@/lib/config';
import { listMyCodespaces } from '@/lib/github/codespaces';
import { queryKeys } from '@/lib/queries/keys';

export default async function HomePage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const session = await serverSession();
  if (!session) {
    const { error } = await searchParams;
    return <SignInScreen demo={serverConfig().demo} error={error} />;
  }

  // First paint comes with data; if GitHub fails here the page shows the error and retries itself.
  const queryClient = new QueryClient();
  try {
    queryClient.setQueryData(queryKeys.codespaceList(), await listMyCodespaces(session.accessToken));
  } catch {
    // The client query reports it in words.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <CodespacesPage />
      </Suspense>
    </HydrationBoundary>
  );
}
