// The environment Hangar's server runs with, shared by `npm start` (scripts/start.mjs) and the
// standalone server of the container image (scripts/standalone.mjs), so both behave the same.
import { randomBytes } from 'node:crypto';

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
