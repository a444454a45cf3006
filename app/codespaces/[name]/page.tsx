import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { CodespaceDetailPage } from '@/components/codespaces/codespace-detail-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { ApiError } from '@/lib/transport/api-error';
import { codespacesApi } from '@/lib/codespaces/api';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';
import { codespaceName } from '@/lib/codespaces/domain/schemas';
import { serverTransport, withinFirstPaintBudget } from '@/lib/operations/server-transport.server';
import { getMyCodespaceQuery } from '@/lib/codespaces/queries';
import { firstPaintCost } from './first-paint-cost.server';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function CodespaceRoute({ params }: Props) {
  const { name } = await params;
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;

  // Rendered with the codespace, read with the same query the page follows it with.
  const queryClient = new QueryClient();
  if (!codespaceName.safeParse(name).success) notFound();
  const transport = serverTransport(session);
  const query = getMyCodespaceQuery(name, codespacesApi(transport));
  const cost = firstPaintCost(session, transport, queryClient, name);
  await withinFirstPaintBudget(() => Promise.all([queryClient.prefetchQuery(query), cost.prefetch()]));
  // No codespace by that name (or deleted since): a real 404. Other failures render, and the page says what.
  const failure = queryClient.getQueryState(query.queryKey)?.error;
  if (failure instanceof ApiError && failure.status === 404) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CodespaceDetailPage name={name} firstPaintCost={await cost.result()} />
    </HydrationBoundary>
  );
}
