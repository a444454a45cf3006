/** Every React Query key in Hangar, so invalidation and prefetching agree on them. */
export const queryKeys = {
  codespaces: ['codespaces'] as const,
  codespaceList: () => [...queryKeys.codespaces, 'list'] as const,
  codespace: (name: string) => [...queryKeys.codespaces, 'detail', name] as const,
};

/** Poll quickly only while something is on its way to another state. */
export const POLL_TRANSITIONAL_MS = 2_000;
export const POLL_IDLE_MS = 60_000;
