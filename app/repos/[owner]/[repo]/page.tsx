import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { RepositoryPage } from '@/components/repos/repository-page';
import { ApiError } from '@/lib/transport/api-error';
import { codespacesApi } from '@/lib/codespaces/api';
import { repositoriesApi } from '@/lib/repositories/api';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token.server';
import { ownerName, repoName } from '@/lib/github/params';
import { serverConfig } from '@/lib/config';
import { serverTransport, withinFirstPaintBudget } from '@/lib/operations/server-transport.server';
import { listMyCodespacesInRepositoryQuery } from '@/lib/codespaces/queries';
import { getRepositoryQuery } from '@/lib/repositories/queries';

type Props = { params: Promise<{ owner: string; repo: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { owner, repo } = await params;
  return { title: `${owner}/${repo}` };
}

export default async function RepositoryRoute({ params }: Props) {
  const { owner, repo } = await params;
  if (!ownerName.safeParse(owner).success || !repoName.safeParse(repo).success) notFound();
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;

  // A private repository's details and any repository's secrets need the broad repo scope of an
  // OAuth App: asked for here, when the user wants them, never at sign-in. A GitHub App's own
  // permissions decide instead.
  const config = serverConfig();
  const repoAccess = scopeAccess(session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl });

  // First paint with the repository (and so with whether its secrets are the user's to manage) and
  // the user's codespaces in it, which GitHub lists even where it hides a private repository itself.
  const queryClient = new QueryClient();
  const fullName = `${owner}/${repo}`;
  const transport = serverTransport(session);
  const repository = getRepositoryQuery(fullName, repositoriesApi(transport));
  const codespaces = listMyCodespacesInRepositoryQuery(fullName, codespacesApi(transport));
  await withinFirstPaintBudget(() => Promise.all([queryClient.prefetchQuery(repository), queryClient.prefetchQuery(codespaces)]));
  // No such repository (or none the user can see): GitHub lists its codespaces even where it hides
  // a private repository itself, so only when both answer 404 is there nothing, and a real 404.
  const notThere = (key: readonly unknown[]) => {
    const error = queryClient.getQueryState(key)?.error;
    return error instanceof ApiError && error.status === 404;
  };
  if (notThere(repository.queryKey) && notThere(codespaces.queryKey)) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RepositoryPage repo={fullName} repoAccess={repoAccess} login={session.user.login} />
    </HydrationBoundary>
  );
}
