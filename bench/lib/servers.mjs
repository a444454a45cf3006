// The servers the benchmark runs: the emulator as GitHub, Hangar's production build, and any other
// a part starts. Each is remembered until stopped, so an interrupted run stops them all.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './paths.mjs';
import { startProcess } from './process.mjs';

const require = createRequire(import.meta.url);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
/** The repository's own `next`, for a part that builds and starts another Next.js app. */
export const nextBin = require.resolve('next/dist/bin/next');
/** The OAuth app the emulator knows and every Hangar signs in with. */
const CLIENT = { id: 'hangar-bench', secret: 'hangar-bench-secret' };

const runningServers = new Set();

/** Remembers a started process (from `startProcess`) until its `stop()`. */
export function trackServer(proc) {
  runningServers.add(proc);
  const stop = proc.stop;
  return {
    ...proc,
    stop: async () => {
      await stop();
      runningServers.delete(proc);
    },
  };
}

/** Stops every server still running. */
export const stopAllServers = () => Promise.all([...runningServers].map((proc) => proc.stop()));

/** The emulator on its own port (bench/emulator.ts), `latency` away (none by default, whatever the shell says). */
export function startEmulator(name, port, { latencyMs = 0, jitterMs = 0, env = {} } = {}) {
  const proc = startProcess(name, tsx, [path.join(root, 'bench', 'emulator.ts')], {
    cwd: root,
    env: {
      BENCH_EMULATOR_PORT: String(port),
      BENCH_CLIENT_ID: CLIENT.id,
      BENCH_CLIENT_SECRET: CLIENT.secret,
      EMULATOR_LATENCY_MS: String(latencyMs),
      EMULATOR_JITTER_MS: String(jitterMs),
      ...env,
    },
    // Its own line ("ready <url>"): "address already in use" must not count as ready.
    ready: (output) => /^ready /m.test(output),
    timeoutMs: 30_000,
  });
  return { ...trackServer(proc), url: `http://127.0.0.1:${port}` };
}

/** Hangar's production server (`npm start`) on `port`, with the emulator at `githubUrl` as its GitHub. */
export function startHangar(name, port, githubUrl, env = {}) {
  const url = `http://127.0.0.1:${port}`;
  const proc = startProcess(name, process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_URL: url,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      GITHUB_ID: CLIENT.id,
      GITHUB_SECRET: CLIENT.secret,
      GITHUB_WEB_URL: githubUrl,
      GITHUB_API_URL: `${githubUrl}/api`,
      HANGAR_LOG: 'off',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REDIS_URL: '',
      ...env,
    },
    ready: async () => (await fetch(`${url}/api/health`)).ok,
  });
  return { ...trackServer(proc), url };
}
