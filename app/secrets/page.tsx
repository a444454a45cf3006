import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { MySecretsPage } from '@/components/secrets/my-secrets-page';
import { secretsApi } from '@/lib/api/secrets';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';
import { serverTransport, withinFirstPaintBudget } from '@/lib/github/server-transport.server';
import { mySecretRepositoriesQuery, mySecretsQuery } from '@/lib/queries/secrets';

export const metadata: Metadata = { title: 'Secrets' };

export default async function SecretsRoute() {
  const session = await serverSession();
  const config = serverConfig();
  if (!session) return <SignInScreen demo={config.demo} />;

  // First paint with the secrets and where each may be used, read as the page reads them.
  const queryClient = new QueryClient();
  const api = secretsApi(serverTransport(session));
  await withinFirstPaintBudget(async () => {
    const list = await queryClient.fetchQuery(mySecretsQuery(api));
    await Promise.all(list.map((secret) => queryClient.prefetchQuery(mySecretRepositoriesQuery(secret.name, api))));
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {/* The picker lacks private repositories without repo (an OAuth App's token): it says so and offers the consent. */}
      <MySecretsPage repoAccess={scopeAccess(session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl })} />
    </HydrationBoundary>
  );
}
