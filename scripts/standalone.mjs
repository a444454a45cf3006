#!/usr/bin/env node
// Entry point of the container image: prepares the same environment as `npm start`, then runs
// Next's standalone server (built with HANGAR_STANDALONE=1), which needs no node_modules of its own.
// A child process, as with `npm start`, so the heap size chosen in NODE_OPTIONS applies to it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkLocalToken, checkRedisPolicy, localSignInLink, prepareRuntimeEnv, serverNodeOptions, whenListening } from './runtime-env.mjs';

const env = { ...process.env };
const { host, port, mode, banner } = prepareRuntimeEnv(env);
// The standalone server reads its address from HOSTNAME.
env.HOSTNAME = host;
env.NODE_OPTIONS = serverNodeOptions(env);
if (mode === 'local' && !(await checkLocalToken(env)).ok) process.exit(1);
console.log(banner);

const server = spawn(process.execPath, [fileURLToPath(new URL('../server.js', import.meta.url))], { env, stdio: 'inherit' });
// With REDIS_URL: a policy that could evict session records is said at once (the server starts anyway).
void checkRedisPolicy(env);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

if (mode === 'local' && (await whenListening(host, port))) console.log(`Open ${localSignInLink(env)}`);
