import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { configureAppForEmulator } from './session';

/**
 * Hangar's proxy with an emulator on a loopback port as its GitHub (test controls on, state
 * changes slow enough to look at), for the proxy's end-to-end tests. The server code is imported
 * only once the app is pointed at the emulator, so that it reads that configuration.
 */
export async function proxyOverEmulator({ client, appUrl, secret }: { client: string; appUrl: string; secret: string }) {
  const upstream: RunningEmulator = await startEmulatorServer({ control: true, transitionMs: 60_000 });
  configureAppForEmulator(upstream.url, { client, appUrl, secret });
  // Retries of failed reads wait 10 ms, 40 ms here instead of 1 s, 4 s.
  process.env.HANGAR_RETRY_BASE_MS = '10';
  const { proxyGithubRequest } = await import('@/lib/operations/proxy.server');
  const { setGithubStore } = await import('@/lib/github/store.server');
  return { upstream, proxyGithubRequest, setGithubStore };
}
