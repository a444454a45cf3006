/** `npm run emulator`: the GitHub emulator on its own, e.g. for trying Hangar's real-GitHub mode. */
import { readFileSync } from 'node:fs';
import { describeLatency, latencyFromEnv, type Latency } from './latency';
import { startEmulatorServer } from './node-server';

const port = Number(process.env.EMULATOR_PORT ?? process.env.PORT ?? 4010);
const host = process.env.EMULATOR_HOST ?? '127.0.0.1';
const client = process.env.EMULATOR_CLIENT_ID ?? 'hangar-demo';
const secret = process.env.EMULATOR_CLIENT_SECRET ?? 'hangar-demo-secret';
// Set: the client is a GitHub App whose user tokens expire after this many seconds (GitHub: 28800).
const tokenLifetimeS = Number(process.env.EMULATOR_TOKEN_LIFETIME_S) || undefined;
// The app's registered callback URL: codes go there (or below it) only. Hangar's, on its default address.
const callbackUrl = process.env.EMULATOR_CALLBACK_URL ?? 'http://localhost:3000/api/auth/callback/github';
// Set: a GitHub App (this id, and the public key in this PEM file) installed on octo-org, or on
// the organisations EMULATOR_APP_ORGS lists (comma-separated), for Hangar's GITHUB_APP_ID and key.
const appId = process.env.EMULATOR_APP_ID;
const appPublicKeyPath = process.env.EMULATOR_APP_PUBLIC_KEY_PATH;
const appOrgs = (process.env.EMULATOR_APP_ORGS ?? 'octo-org').split(',').filter(Boolean);

async function main() {
  let latency: Latency;
  try {
    // GitHub's distance, e.g. EMULATOR_LATENCY_MS=150 EMULATOR_JITTER_MS=30.
    latency = latencyFromEnv(process.env);
  } catch (error) {
    console.error(`GitHub emulator: ${(error as Error).message}`);
    process.exit(1);
  }
  const running = await startEmulatorServer({
    port,
    host,
    clients: { [client]: { secret, callbackUrl, ...(tokenLifetimeS ? { githubApp: { tokenLifetimeS } } : {}) } },
    control: process.env.EMULATOR_CONTROL !== '0',
    transitionMs: Number(process.env.EMULATOR_TRANSITION_MS) || undefined,
    // Load tests measure Hangar, not a user's hourly quota: they may lift it.
    rateLimit: Number(process.env.EMULATOR_RATE_LIMIT) || undefined,
    latency,
    githubApps:
      appId && appPublicKeyPath
        ? [{ id: appId, slug: 'hangar', publicKey: readFileSync(appPublicKeyPath, 'utf8'), installations: appOrgs.map((org) => ({ org })) }]
        : [],
  });
  console.log(`GitHub emulator on ${running.url}${latency.latencyMs || latency.jitterMs ? ` (every request ${describeLatency(latency)} away)` : ''}
  OAuth:  ${running.url}/login/oauth/authorize   (client ${client}${tokenLifetimeS ? `, a GitHub App: tokens expire after ${tokenLifetimeS} s` : ''}; callback ${callbackUrl}, EMULATOR_CALLBACK_URL)
  REST:   ${running.url}/api
Point Hangar at it: GITHUB_ID=${client} GITHUB_SECRET=${secret} GITHUB_WEB_URL=${running.url} GITHUB_API_URL=${running.url}/api${
    appId && appPublicKeyPath
      ? `\n  GitHub App ${appId} installed on ${appOrgs.join(', ')}: GITHUB_APP_ID=${appId} GITHUB_APP_PRIVATE_KEY_PATH=<its private key>`
      : ''
  }`);
}

void main();
