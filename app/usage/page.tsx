import type { Metadata } from 'next';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { PersonalUsagePage } from '@/components/usage/personal-usage-page';
import { serverSession } from '@/lib/auth/token.server';
import { serverConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsageRoute() {
  const session = await serverSession();
  if (!session) return <SignInScreen demo={serverConfig().demo} />;
  return <PersonalUsagePage login={session.user.login} />;
}
