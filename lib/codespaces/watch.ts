'use client';

import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/transport/api-error';
import { codespaceKeys, getMyCodespaceExportQuery, getMyCodespaceQuery } from './queries';
import { POLL_RECOVERY_MS } from '@/lib/query/polling';
import { forgetAwaited, pendingWatches } from './transitions';

/** While the tab is hidden, what a notification waits for is asked this seldom. */
const HIDDEN_WATCH_MS = 5 * 60_000;

/** Whether a page already follows this codespace (its list or its own page is on screen and polling). */
function followed(queryClient: QueryClient, name: string): boolean {
  const cache = queryClient.getQueryCache();
  return (
    cache.findAll({ queryKey: codespaceKeys.listMyCodespaces(), type: 'active' }).length > 0 ||
    cache.findAll({ queryKey: codespaceKeys.getMyCodespace(name), type: 'active' }).length > 0
  );
}

/** One look at everything awaited: each codespace and export on its own, nothing else. */
async function lookAtPending(queryClient: QueryClient, hidden: boolean) {
  const { codespaces, exports } = pendingWatches();
  await Promise.all([
    ...codespaces
      // A page on screen polls it already; a hidden tab's pages do not (React Query pauses them).
      .filter((name) => hidden || !followed(queryClient, name))
      .map((name) =>
        queryClient.fetchQuery({ ...getMyCodespaceQuery(name), staleTime: 0 }).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) forgetAwaited(name);
        }),
      ),
    ...exports.map(({ name, id }) =>
      queryClient.fetchQuery({ ...getMyCodespaceExportQuery(name, id), staleTime: 0 }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) forgetAwaited(name);
      }),
    ),
  ]);
}

/**
 * Keeps an eye on what the user is waiting for (a codespace they started, an export), wherever they
 * are in Hangar, so its notification comes: every 10 s while the tab shows and no page follows it,
 * every 5 minutes while the tab is hidden. Nothing awaited, nothing asked.
 */
export function useBackgroundWatch() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(tick, document.hidden ? HIDDEN_WATCH_MS : POLL_RECOVERY_MS);
    };
    const tick = async () => {
      await lookAtPending(queryClient, document.hidden);
      schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', schedule);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', schedule);
    };
  }, [queryClient]);
}
