#!/usr/bin/env node
// Starts Hangar: `next start` (or `next dev` with --dev) bound to $HOST:$PORT.
// With no GITHUB_ID it runs in demo mode against the built-in GitHub emulator; with
// HANGAR_GITHUB_TOKEN, in local mode for that one account.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLocalToken, checkRedisPolicy, localSignInLink, prepareRuntimeEnv, serverNodeOptions, whenListening } from './runtime-env.mjs';
import { staleBuildReason } from './source-hash.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const dev = process.argv.includes('--dev');
const env = { ...process.env };
const { port, host, mode, banner } = prepareRuntimeEnv(env);

if (!dev) {
  const stale = staleBuildReason(root);
  if (stale) {
    console.log(`Hangar: ${stale}, running \`npm run build\` first…`);
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

if (mode === 'local' && !(await checkLocalToken(env)).ok) process.exit(1);
console.log(banner);

// `next start` ignores HOSTNAME: the address goes on the command line.
const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-H', host, '-p', port], {
  cwd: root,
  // The dev server compiles as it serves, and needs the heap a build does.
  env: dev ? env : { ...env, NODE_OPTIONS: serverNodeOptions(env) },
  stdio: 'inherit',
});
// With REDIS_URL: a policy that could evict session records is said at once (the server starts anyway).
void checkRedisPolicy(env);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Local mode: the one-time link that gives a browser its session, once the server answers.
if (mode === 'local' && (await whenListening(host, port))) console.log(`Open ${localSignInLink(env)}`);
