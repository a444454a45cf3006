'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthModeProvider } from '@/components/layout/auth-mode';
import { LazyToaster } from '@/components/layout/lazy-toaster';
import type { AuthMode } from '@/lib/config';
import { ApiError } from '@/lib/api/client';

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

export function Providers({ mode, children }: { mode: AuthMode; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AuthModeProvider mode={mode}>
        {children}
        <LazyToaster />
      </AuthModeProvider>
    </QueryClientProvider>
  );
}
