import { serverConfig } from '@/lib/config';
import { version } from '@/package.json';

export const dynamic = 'force-dynamic';

/** Liveness for operators and load balancers: no session needed, nothing about users leaks. */
export async function GET() {
  const config = serverConfig();
  let reachable = false;
  try {
    // The unauthenticated root answers quickly on GitHub and on the emulator; any HTTP answer means reachable.
    const response = await fetch(`${config.apiUrl}/`, {
      signal: AbortSignal.timeout(3_000),
      headers: { 'user-agent': 'Hangar health check' },
    });
    reachable = response.status < 500;
  } catch {
    reachable = false;
  }
  return Response.json(
    { status: reachable ? 'ok' : 'degraded', version, mode: config.demo ? 'demo' : 'github', github: { reachable } },
    { status: 200, headers: { 'cache-control': 'no-store' } },
  );
}
