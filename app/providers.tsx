'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { GithubWebProvider } from '@/components/github/github-web';
import { AuthModeProvider } from '@/components/layout/auth-mode';
import { FocusKeeper } from '@/components/layout/focus-keeper';
import { LazyToaster } from '@/components/layout/lazy-toaster';
import { warmErrorWords } from '@/components/ui/error-alert';
import { loadErrorPages } from '@/components/status/error-pages-loader';
import type { AuthMode } from '@/lib/config';
import type { GithubWeb } from '@/lib/github/refusals';
import { tellCodespaceNews } from '@/lib/attention/news.client';
import { makeQueryClient } from '@/lib/query/client';
import { RenderedAtContext } from '@/lib/hooks/use-minute-clock';
import { useBackgroundWatch } from '@/lib/codespaces/watch';
import { applyTheme, readTheme, THEME_STORAGE_KEY } from '@/lib/theme';

export function Providers({
  mode,
  github,
  renderedAt,
  children,
}: {
  mode: AuthMode;
  github: GithubWeb;
  /** The server's clock as it rendered this document: what relative times hydrate with. */
  renderedAt: number;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => makeQueryClient({ web: github, onQuerySuccess: tellCodespaceNews }));
  // An error's words and pages, after the first paint and ahead of any error: one that comes once
  // Hangar is unreachable still has them.
  useEffect(() => {
    void warmErrorWords();
    void loadErrorPages();
  }, []);
  // A theme chosen in another tab applies here too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === THEME_STORAGE_KEY || event.key === null) applyTheme(readTheme());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return (
    <RenderedAtContext value={renderedAt}>
      <QueryClientProvider client={queryClient}>
        <BackgroundWatch />
        <FocusKeeper />
        <AuthModeProvider mode={mode}>
          <GithubWebProvider value={github}>
            {children}
            <LazyToaster />
          </GithubWebProvider>
        </AuthModeProvider>
      </QueryClientProvider>
    </RenderedAtContext>
  );
}

/** What the user waits for (a codespace starting, an export) is watched on every page, for its notification. */
function BackgroundWatch() {
  useBackgroundWatch();
  return null;
}
