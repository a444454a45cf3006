// The environment Hangar's server runs with, shared by `npm start` (scripts/start.mjs) and the
// standalone server of the container image (scripts/standalone.mjs), so both behave the same.
import { randomBytes } from 'node:crypto';

// lib/github/store/memory-store.ts's DEFAULT_MAX_BYTES (a unit test keeps the two equal).
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** Old-space heap for the server: 128 MB of working room plus twice the answer cache's byte cap. */
export function heapLimitMb(env = process.env) {
  const cacheBytes = Number(env.HANGAR_CACHE_MAX_BYTES) || DEFAULT_CACHE_BYTES;
  return 128 + 2 * Math.ceil(cacheBytes / (1024 * 1024));
}

/**
 * NODE_OPTIONS for the server process (not for `next build`, which needs more). Under load Node
 * lets the heap grow to several times what is alive (~50 MB) before collecting, and RSS follows:
 * the heap is sized to what Hangar keeps, unless the operator chose a size. The young generation
 * keeps V8's usual 16 MB, which a smaller heap would otherwise shrink (and slow every request).
 */
export function serverNodeOptions(env = process.env) {
  const options = env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size\b/.test(options)) return options;
  return `${options} --max-old-space-size=${heapLimitMb(env)} --max-semi-space-size=16`.trim();
}

/**
 * Maps AUTH_* to the NEXTAUTH_* names next-auth v4 reads, sets up demo mode when no OAuth App is
 * configured, and returns what to tell the operator. Exits when a real OAuth App lacks its secrets.
 */
export function prepareRuntimeEnv(env = process.env) {
  env.NEXT_TELEMETRY_DISABLED = '1';
  const port = env.PORT || '3000';
  const host = env.HOST || '0.0.0.0';
  env.PORT = port;

  // next-auth v4 reads only NEXTAUTH_*; either name of each pair works alone.
  env.NEXTAUTH_URL ||= env.AUTH_URL || `http://localhost:${port}`;
  env.AUTH_URL ||= env.NEXTAUTH_URL;
  env.NEXTAUTH_SECRET ||= env.AUTH_SECRET || '';
  const demo = !env.GITHUB_ID;

  if (demo) {
    // A fresh secret per start: demo sessions do not outlive the emulator's in-memory tokens anyway.
    env.NEXTAUTH_SECRET ||= randomBytes(32).toString('base64url');
    const loopback = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    env.HANGAR_INTERNAL_URL ||= `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
  } else {
    const missing = [!env.GITHUB_SECRET && 'GITHUB_SECRET', !env.NEXTAUTH_SECRET && 'AUTH_SECRET (or NEXTAUTH_SECRET)'].filter(Boolean);
    if (missing.length) {
      console.error(`Hangar: GITHUB_ID is set, so a real OAuth App is used; also set ${missing.join(' and ')}.`);
      process.exit(1);
    }
  }
  env.AUTH_SECRET ||= env.NEXTAUTH_SECRET;

  const banner = demo
    ? `Hangar (demo mode, built-in GitHub emulator): open ${env.NEXTAUTH_URL}`
    : `Hangar: open ${env.NEXTAUTH_URL} (GitHub at ${env.GITHUB_WEB_URL || 'https://github.com'})`;
  return { port, host, demo, banner };
}
