import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { MySecretsPage } from '@/components/secrets/my-secrets-page';
import { secretsApi } from '@/lib/secrets/api';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';
import { serverTransport, withinFirstPaintBudget } from '@/lib/operations/server-transport.server';
import { listSecretRepositoriesQuery, listSecretsQuery } from '@/lib/secrets/queries';

export const metadata: Metadata = { title: 'Secrets' };

const MY_SECRETS = { kind: 'user' } as const;

export default async function SecretsRoute() {
  const session = await serverSession();
  const config = serverConfig();
  if (!session) return <SignInScreen demo={config.demo} />;

  // First paint with the secrets and where each may be used, read as the page reads them.
  const queryClient = new QueryClient();
  const api = secretsApi(serverTransport(session));
  await withinFirstPaintBudget(async () => {
    const list = await queryClient.fetchQuery(listSecretsQuery(MY_SECRETS, { api }));
    await Promise.all(list.map((secret) => queryClient.prefetchQuery(listSecretRepositoriesQuery(MY_SECRETS, secret.name, api))));
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {/* The picker lacks private repositories without repo (an OAuth App's token): it says so and offers the consent. */}
      <MySecretsPage repoAccess={scopeAccess(session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl })} />
    </HydrationBoundary>
  );
}
