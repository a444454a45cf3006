/**
 * The benchmark's GitHub: the emulator on its own loopback port, with its test hooks (request log,
 * fleets, tokens) and a rate limit too high to reach, so the direct-to-emulator load test measures
 * speed rather than GitHub's 5,000 an hour. EMULATOR_LATENCY_MS and EMULATOR_JITTER_MS put it as far
 * away as GitHub is (the "distance" part). Prints one line, `ready <url>`, when listening.
 */
import { latencyFromEnv } from '../emulator/latency';
import { startEmulatorServer } from '../emulator/node-server';

const port = Number(process.env.BENCH_EMULATOR_PORT ?? 4310);

async function main() {
  const running = await startEmulatorServer({
    port,
    host: '127.0.0.1',
    control: true,
    clients: {
      [process.env.BENCH_CLIENT_ID ?? 'hangar-bench']: {
        secret: process.env.BENCH_CLIENT_SECRET ?? 'hangar-bench-secret',
        // Hangar runs on 127.0.0.1 at ports of its own: a loopback callback takes any port, as on GitHub.
        callbackUrl: 'http://127.0.0.1/api/auth/callback/github',
      },
    },
    transitionMs: Number(process.env.BENCH_TRANSITION_MS) || 3000,
    rateLimit: Number.MAX_SAFE_INTEGER,
    latency: latencyFromEnv(process.env),
  });
  console.log(`ready ${running.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
