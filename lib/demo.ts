import 'server-only';
import { createEmulator, type Emulator } from '@/emulator';
import { EMULATOR_MOUNT, serverConfig } from '@/lib/config';

const holder = globalThis as typeof globalThis & { __hangarEmulator?: Emulator };

/**
 * The built-in GitHub emulator, served by the app itself in demo mode (no GITHUB_ID).
 * The app reaches it over HTTP like any GitHub, so demo mode runs the production code paths.
 */
export function demoEmulator(): Emulator | null {
  if (!serverConfig().demo) return null;
  holder.__hangarEmulator ??= createEmulator({
    mount: EMULATOR_MOUNT,
    // Links the browser follows (authorize page, avatars) use the public URL, not loopback.
    webUrl: serverConfig().webUrl,
    // Test hooks (fault injection, request log) exist only when asked for.
    control: process.env.HANGAR_EMULATOR_CONTROL === '1',
    transitionMs: Number(process.env.EMULATOR_TRANSITION_MS) || undefined,
  });
  return holder.__hangarEmulator;
}
