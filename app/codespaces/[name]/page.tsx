import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { CodespaceDetailPage } from '@/components/codespaces/codespace-detail-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { serverSession } from '@/lib/auth/token';
import { serverConfig } from '@/lib/config';
import { getMyCodespace } from '@/lib/github/codespaces';
import { codespaceName } from '@/lib/codespaces/schemas';
import { queryKeys } from '@/lib/queries/keys';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function CodespaceRoute({ params }: Props) {
  const { name } = await params;
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;

  const queryClient = new QueryClient();
  if (codespaceName.safeParse(name).success) {
    try {
      queryClient.setQueryData(queryKeys.codespace(name), await getMyCodespace(session.accessToken, name));
    } catch {
      // The client query shows not-found or the error in words.
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CodespaceDetailPage name={name} />
    </HydrationBoundary>
  );
}
