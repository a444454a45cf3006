import { queryOptions, type QueryKey } from '@tanstack/react-query';

/** How long what a form looks up (a repository's branches, machines, dev containers) is taken as current. */
const LOOKUP_FRESH_MS = 60_000;

/**
 * Query options for what a form looks up about what the user chose (a repository, a pull
 * request): asked only once `ready` (something is chosen), and kept a minute, since the user goes
 * back and forth between choices.
 */
export function lookupQuery<Key extends QueryKey, T>(queryKey: Key, ready: boolean, read: (signal: AbortSignal) => Promise<T>) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => read(signal), enabled: ready, staleTime: LOOKUP_FRESH_MS });
}
