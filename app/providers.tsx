'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { GithubWebProvider } from '@/components/github/github-web';
import { LazyToaster } from '@/components/layout/lazy-toaster';
import { ApiError } from '@/lib/api/client';
import type { GithubWeb } from '@/lib/github/refusals';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Client errors (401, 403, 404) will not fix themselves by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}

export function Providers({ children, github }: { children: ReactNode; github: GithubWeb }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <GithubWebProvider value={github}>
        {children}
        <LazyToaster />
      </GithubWebProvider>
    </QueryClientProvider>
  );
}
