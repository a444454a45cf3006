#!/usr/bin/env node
// Starts Hangar: `next start` (or `next dev` with --dev) bound to $HOST:$PORT.
// With no GITHUB_ID it runs in demo mode against the built-in GitHub emulator.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareRuntimeEnv, serverNodeOptions } from './runtime-env.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const dev = process.argv.includes('--dev');
const env = { ...process.env };
const { port, host, banner } = prepareRuntimeEnv(env);

if (!dev && !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('Hangar: no production build yet, running `next build` first…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(banner);

// `next start` ignores HOSTNAME: the address goes on the command line.
const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-H', host, '-p', port], {
  cwd: root,
  // The dev server compiles as it serves, and needs the heap a build does.
  env: dev ? env : { ...env, NODE_OPTIONS: serverNodeOptions(env) },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
