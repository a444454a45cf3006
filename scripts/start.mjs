#!/usr/bin/env node
// Starts Hangar: `next start` (or `next dev` with --dev) bound to $HOST:$PORT.
// With no GITHUB_ID it runs in demo mode against the built-in GitHub emulator.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const dev = process.argv.includes('--dev');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

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
  const missing = [
    !env.GITHUB_SECRET && 'GITHUB_SECRET',
    !env.NEXTAUTH_SECRET && 'AUTH_SECRET (or NEXTAUTH_SECRET)',
  ].filter(Boolean);
  if (missing.length) {
    console.error(`Hangar: GITHUB_ID is set, so a real OAuth App is used; also set ${missing.join(' and ')}.`);
    process.exit(1);
  }
}
env.AUTH_SECRET ||= env.NEXTAUTH_SECRET;

if (!dev && !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('Hangar: no production build yet, running `next build` first…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(
  demo
    ? `Hangar (demo mode, built-in GitHub emulator): open ${env.NEXTAUTH_URL}`
    : `Hangar: open ${env.NEXTAUTH_URL} (GitHub at ${env.GITHUB_WEB_URL || 'https://github.com'})`,
);

const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-H', host, '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
