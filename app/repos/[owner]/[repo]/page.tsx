import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { RepositoryPage } from '@/components/repos/repository-page';
import { repositoriesApi } from '@/lib/api/repositories';
import { missingScopesAdvice } from '@/lib/auth/scope-check.mjs';
import { consentScopes, REPO_SCOPE, type ScopeAccess } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token';
import { ownerName, repoName } from '@/lib/codespaces/schemas';
import { serverConfig } from '@/lib/config';
import { serverTransport, withinFirstPaintBudget } from '@/lib/github/server-transport';
import { repositoryQuery } from '@/lib/queries/repositories';
import { repositoryMissing } from '@/lib/server/exists';

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

  // A repository's secrets need the broad repo scope of an OAuth App: asked for only when an
  // administrator opens them, never at sign-in. A GitHub App's own permissions decide instead.
  const config = serverConfig();
  const advice = config.mode === 'local' ? missingScopesAdvice([REPO_SCOPE], config.webUrl) : null;
  const secretsAccess: ScopeAccess = !session.scopesApply
    ? { kind: 'app' }
    : session.scopes.includes(REPO_SCOPE)
      ? { kind: 'granted' }
      : advice
        ? { kind: 'local', advice }
        : { kind: 'consent', scopes: consentScopes(session.scopes, REPO_SCOPE) };

  // First paint with the repository (and so with whether its secrets are the user's to manage).
  const queryClient = new QueryClient();
  const fullName = `${owner}/${repo}`;
  const query = repositoryQuery(fullName, repositoriesApi(serverTransport(session.accessToken)));
  await withinFirstPaintBudget(() => queryClient.prefetchQuery(query));
  // Unseen is not missing (a private repository hides from a token without `repo`): its codespaces say.
  if (!queryClient.getQueryData(query.queryKey) && (await repositoryMissing(session.accessToken, owner, repo))) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RepositoryPage repo={fullName} secretsAccess={secretsAccess} />
    </HydrationBoundary>
  );
}
