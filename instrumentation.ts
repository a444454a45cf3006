/**
 * Runs once when a Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
 * Hangar's production server begins its background work here: the database, and the policies'
 * schedule. Not during `next build` (nothing is served), nor in `next dev`, nor on the edge.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.NODE_ENV !== 'production') return;
  const [{ startBackgroundWork }, { runScheduledPolicies }, { seedDemoPolicy }, { serverConfig }, { logEvent }] = await Promise.all([
    import('@/lib/scheduling/background.server'),
    import('@/lib/policies/scheduled-run.server'),
    import('@/lib/policies/demo-policy.server'),
    import('@/lib/config'),
    import('@/lib/server/log.server'),
  ]);
  await startBackgroundWork({ run: runScheduledPolicies });
  // Demo mode's example policy, on a fresh database; not awaited: a first start creates the database, which takes seconds.
  if (serverConfig().demo)
    seedDemoPolicy().catch((error: Error) => logEvent('warn', 'policy.demo', { state: 'no example policy', error: error.message }));
}
