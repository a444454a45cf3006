import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { AppHeader } from '@/components/layout/app-header';
import { serverSession } from '@/lib/auth/token';
import { serverConfig } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hangar', template: '%s · Hangar' },
  description: 'Every GitHub codespace you own, at a glance: what runs, what bills, what holds unpushed work.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await serverSession();
  const { webUrl, clientId } = serverConfig();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* GitHub's web host and the OAuth client id, neither secret: what refusal messages may link to. */}
        <Providers github={{ webUrl, clientId }}>
          {session && <AppHeader user={session.user} />}
          {children}
        </Providers>
      </body>
    </html>
  );
}
