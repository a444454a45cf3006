/**
 * The benchmark's GitHub: the emulator on its own loopback port, with its test hooks (request log,
 * fleets, tokens) and a rate limit too high to reach, so the direct-to-emulator load test measures
 * speed rather than GitHub's 5,000 an hour. EMULATOR_LATENCY_MS and EMULATOR_JITTER_MS put it as far
 * away as GitHub is (the "distance" part). Prints one line, `ready <url>`, when listening.
 */
import { readFileSync } from 'node:fs';
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
    // The policies part: Hangar's GitHub App (BENCH_APP_ID, its public key in BENCH_APP_PUBLIC_KEY_PATH), installed on octo-org.
    githubApps: process.env.BENCH_APP_ID
      ? [
          {
            id: process.env.BENCH_APP_ID,
            slug: 'hangar-bench',
            publicKey: readFileSync(process.env.BENCH_APP_PUBLIC_KEY_PATH!, 'utf8'),
            // Administration (read) too: monthly budgets read the organisation's usage report.
            installations: [
              {
                org: 'octo-org',
                permissions: { organization_codespaces: 'write', codespaces_lifecycle_admin: 'write', organization_administration: 'read' },
              },
            ],
          },
        ]
      : [],
  });
  console.log(`ready ${running.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
