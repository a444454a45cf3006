import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { Providers } from './providers';
import { AppHeader } from '@/components/layout/app-header';
import { MissingScopesBanner } from '@/components/layout/missing-scopes-banner';
import { IconSprite } from '@/components/ui/icon-sprite';
import { LOCAL_REQUIRED_SCOPES, missingScopes, missingScopesAdvice } from '@/lib/auth/scope-check.mjs';
import { serverSession } from '@/lib/auth/token.server';
import { THEME_SCRIPT } from '@/lib/theme';
import { EARLY_PALETTE_SCRIPT } from '@/lib/palette/early-shortcut';
import { serverConfig } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hangar', template: '%s · Hangar' },
  description: 'Every GitHub codespace you own, at a glance: what runs, what bills, what holds unpushed work.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await serverSession();
  // proxy.ts gives every page request a CSP nonce; only scripts carrying it may run.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const config = serverConfig();
  // A server component renders once per request: this is that request's time, which the page hydrates with.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();
  const { webUrl, clientId } = config;
  // Local mode: a token without the codespace scope shows nothing; say why and how to fix it.
  const advice =
    session && config.mode === 'local' && session.scopesApply
      ? missingScopesAdvice(missingScopes(session.scopes, LOCAL_REQUIRED_SCOPES), config.webUrl)
      : null;
  return (
    // The head script sets data-theme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* Only where the header's palette will take it over: elsewhere Ctrl+K stays the browser's. */}
        {session && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_PALETTE_SCRIPT }} />}
      </head>
      <body className="min-h-screen">
        {/* The icons client components draw with <Icon>: markup here, no script for them. */}
        <IconSprite />
        {/* GitHub's web host and the OAuth client id, neither secret: what refusal messages may link to. */}
        <Providers mode={config.mode} github={{ webUrl, clientId }} renderedAt={renderedAt}>
          {session && <AppHeader user={session.user} />}
          {advice && <MissingScopesBanner advice={advice} />}
          {children}
        </Providers>
      </body>
    </html>
  );
}
