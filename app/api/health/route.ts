import { serverConfig } from '@/lib/config';
import { githubStore } from '@/lib/github/store';
import { version } from '@/package.json';

export const dynamic = 'force-dynamic';

async function githubReachable(apiUrl: string): Promise<boolean> {
  try {
    // The unauthenticated root answers quickly on GitHub and on the emulator; any HTTP answer means reachable.
    const response = await fetch(`${apiUrl}/`, {
      signal: AbortSignal.timeout(3_000),
      headers: { 'user-agent': 'Hangar health check' },
    });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Liveness for operators and load balancers: no session needed, nothing about users leaks. Always
 * 200 while Hangar serves; `degraded` says what it is doing without (GitHub, or the shared Redis
 * store, whose absence costs cache misses only). `redis` is there only when `REDIS_URL` is set.
 */
export async function GET() {
  const config = serverConfig();
  const store = githubStore();
  const [reachable, storeAnswers] = await Promise.all([githubReachable(config.apiUrl), store.available()]);
  const shared = store.kind === 'redis' ? { redis: { reachable: storeAnswers } } : {};
  return Response.json(
    {
      status: reachable && storeAnswers ? 'ok' : 'degraded',
      version,
      mode: config.demo ? 'demo' : 'github',
      github: { reachable },
      ...shared,
    },
    { status: 200, headers: { 'cache-control': 'no-store' } },
  );
}
