import { serverConfig } from '@/lib/config';
import { githubStore } from '@/lib/github/store.server';
import { Memo } from '@/lib/server/memo.server';
import { version } from '@/package.json';

export const dynamic = 'force-dynamic';

/** How long GitHub's reachability is remembered: anyone may ask, without a session, as often as they like. */
const GITHUB_CHECK_TTL_MS = 30_000;

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

// On globalThis, like the other per-process state: one memory of GitHub's reachability per server.
const holder = globalThis as typeof globalThis & { __hangarGithubReachable?: Memo<boolean> };

/**
 * Liveness for operators and load balancers: no session needed, nothing about users leaks. Always
 * 200 while Hangar serves; `degraded` says what it is doing without (GitHub, or the shared Redis
 * store, whose absence costs cache misses only). `redis` is there only when `REDIS_URL` is set.
 * GitHub is asked at most once per GITHUB_CHECK_TTL_MS, however often health is.
 */
export async function GET() {
  const config = serverConfig();
  const store = githubStore();
  holder.__hangarGithubReachable ??= new Memo(() => githubReachable(config.apiUrl), GITHUB_CHECK_TTL_MS);
  const [reachable, storeAnswers] = await Promise.all([holder.__hangarGithubReachable.get(), store.available()]);
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
