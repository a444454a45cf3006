import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeFailure } from '@/lib/api/client';
import { notify } from '@/lib/notify';
import { FRESH_MS, shouldRetry } from './polling';
import { arrivalsIn } from './transitions';

/**
 * The page's query client: one retry policy for every query, and the one place that turns what
 * happens into toasts — a change's own notices (lib/queries/notices.ts), and a started or stopped
 * codespace arriving where it was going, on whichever page the user is.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onSuccess: (data) => {
        for (const arrival of arrivalsIn(data)) {
          if (arrival.ok) notify.success(arrival.message);
          else notify.error(arrival.message, { duration: Infinity, closeButton: true });
        }
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: (data, variables, _context, mutation) => {
        const message = mutation.meta?.notices?.success?.(data, variables);
        if (message) notify.success(message);
      },
      onError: (error, variables, _context, mutation) => {
        const failure = mutation.meta?.notices?.failure?.(variables);
        if (!failure) return;
        const { title, detail } = describeFailure(error);
        // Stays until dismissed: the user decides when they have read it.
        notify.error(`${failure}: ${title}`, { description: detail, duration: Infinity, closeButton: true });
      },
    }),
    defaultOptions: { queries: { staleTime: FRESH_MS, retry: shouldRetry } },
  });
}
