/**
 * A throwaway redis-server for tests: its own port, no persistence, gone when stopped.
 * Debian's `redis-server` (`apt-get install redis-server`; `.ci/run` and `npm test` install it as root).
 */
import { freePort, startServerProcess, stopServerProcess } from './server-process';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/**
 * A new redis-server; `port` starts it again where a stopped one was (a Redis outage and its end);
 * `args` adds configuration, e.g. `['--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru']`.
 */
export async function startRedisServer({ port: fixedPort, args = [] }: { port?: number; args?: string[] } = {}): Promise<RedisServer> {
  const port = fixedPort ?? (await freePort());
  const child = await startServerProcess({
    name: 'redis-server',
    path: REDIS_SERVER,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', ...args],
    ready: /Ready to accept connections/i,
    timeoutMs: 10_000,
    install: 'Install it: apt-get install -y redis-server',
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopServerProcess(child, 'SIGTERM'),
  };
}
