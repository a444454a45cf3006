/** What a view is given of a read: its data once there, whether it is still coming, and why it failed. */
export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  /** Why it failed (absent: it did not). */
  error?: unknown;
}

/** A query's state as a view takes it (a page's `useQuery` result, say). */
export function loaded<T>(query: { data: T | undefined; isPending: boolean; error: unknown }): Loaded<T> {
  return { data: query.data, loading: query.isPending, error: query.error };
}

/** A read's state as a view takes it beside its data: still coming, why it failed, and asking again. */
export function readState(query: { isPending: boolean; error: Error | null; refetch: () => unknown }) {
  return { loading: query.isPending, error: query.error, onRetry: () => void query.refetch() };
}
