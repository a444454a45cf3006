import type { Metadata } from 'next';
import { CreateCodespacePage } from '@/components/create/create-codespace-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { REPO_SCOPE, scopeAccess } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';
import { parseRepositoryName } from '@/lib/repositories/domain/known';

export const metadata: Metadata = { title: 'Create a codespace' };

export default async function NewCodespaceRoute({ searchParams }: { searchParams: Promise<{ repo?: string; from?: string }> }) {
  const session = await serverSession();
  const config = serverConfig();
  if (!session) return <SignInScreen demo={config.demo} />;
  const { repo, from } = await searchParams;
  return (
    <CreateCodespacePage
      initialRepo={typeof repo === 'string' ? parseRepositoryName(repo) : null}
      initialSource={from === 'pull' ? 'pullRequest' : 'repository'}
      // Private repositories beyond the user's codespaces need repo of an OAuth App: offered here, never at sign-in.
      repoAccess={scopeAccess(session, REPO_SCOPE, { local: config.mode === 'local', webUrl: config.webUrl })}
    />
  );
}
