import type { Metadata } from 'next';
import { CreateCodespacePage } from '@/components/create/create-codespace-page';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { serverSession } from '@/lib/auth/token';
import { serverConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Create a codespace' };

export default async function NewCodespaceRoute({ searchParams }: { searchParams: Promise<{ repo?: string; from?: string }> }) {
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;
  const { repo, from } = await searchParams;
  return (
    <CreateCodespacePage
      initialRepo={repo && /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : null}
      initialSource={from === 'pull' ? 'pullRequest' : 'repository'}
    />
  );
}
