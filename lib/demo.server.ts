import 'server-only';
import { createPublicKey } from 'node:crypto';
import { createEmulator, type Emulator } from '@/emulator';
import { latencyFromEnv, withLatency } from '@/emulator/latency';
import { DEMO_CLIENT, DEMO_GITHUB_APP, demoEmulatorSettings, EMULATOR_MOUNT, serverConfig } from '@/lib/config';

/** The organisations the demo's GitHub App is installed on: octo-org, whose owner is the demo's mona; not acme-corp. */
const DEMO_APP_INSTALLED_ON = ['octo-org'];

const holder = globalThis as typeof globalThis & { __hangarEmulator?: Emulator };

/**
 * The built-in GitHub emulator, served by the app itself in demo mode (no GITHUB_ID).
 * The app reaches it over HTTP like any GitHub, so demo mode runs the production code paths.
 * EMULATOR_LATENCY_MS (and EMULATOR_JITTER_MS) put it that far away, as GitHub is: every call
 * the app makes to it, and every page of it the browser opens, waits that long.
 */
export function demoEmulator(): Emulator | null {
  const config = serverConfig();
  if (!config.demo) return null;
  if (!holder.__hangarEmulator) {
    // Checked before anything is created: a bad value fails every request, saying which variable.
    const settings = demoEmulatorSettings();
    const latency = latencyFromEnv(settings.latency);
    // EMULATOR_TOKEN_LIFETIME_S: the demo app is a GitHub App whose tokens expire, to watch renewal.
    const { tokenLifetimeS } = settings;
    const emulator = createEmulator({
      mount: EMULATOR_MOUNT,
      clients: { [DEMO_CLIENT.id]: tokenLifetimeS ? { secret: DEMO_CLIENT.secret, githubApp: { tokenLifetimeS } } : DEMO_CLIENT.secret },
      // Links the browser follows (authorize page, avatars) use the public URL, not loopback; at
      // whatever address the browser used when there is no configured one.
      webUrl: config.originFollowsRequest ? undefined : config.webUrl,
      // The app's own calls come over loopback: what they answer links to the web host the browser is given.
      loopback: { origin: new URL(config.serverWebUrl).origin, webUrl: config.webUrl },
      // Test hooks (fault injection, request log) exist only when asked for.
      control: settings.control,
      transitionMs: settings.transitionMs,
      // Hangar's own credential for organisations: the emulator checks its JWTs with the public half
      // of the key Hangar signs them with (made at start, lib/config.ts), and plays its installations.
      githubApps: config.githubApp
        ? [
            {
              id: DEMO_GITHUB_APP.id,
              slug: DEMO_GITHUB_APP.slug,
              publicKey: createPublicKey(config.githubApp.privateKey),
              installations: DEMO_APP_INSTALLED_ON.map((org) => ({ org })),
            },
          ]
        : [],
    });
    emulator.handle = withLatency(emulator.handle.bind(emulator), latency);
    holder.__hangarEmulator = emulator;
  }
  return holder.__hangarEmulator;
}
