import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { Providers } from './providers';
import { AppHeader } from '@/components/layout/app-header';
import { serverSession } from '@/lib/auth/token';
import { THEME_SCRIPT } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hangar', template: '%s · Hangar' },
  description: 'Every GitHub codespace you own, at a glance: what runs, what bills, what holds unpushed work.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await serverSession();
  // proxy.ts gives every page request a CSP nonce; only scripts carrying it may run.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The head script sets data-theme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <Providers>
          {session && <AppHeader user={session.user} />}
          {children}
        </Providers>
      </body>
    </html>
  );
}
