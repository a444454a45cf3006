#!/usr/bin/env node
// The shared-store tests run a real redis-server (Debian's). Installs it when missing and we are
// root; otherwise says exactly what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const redis = process.env.REDIS_SERVER_PATH ?? 'redis-server';
const found = () => spawnSync(redis, ['--version'], { stdio: 'ignore' }).status === 0;
if (found()) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`${redis} is missing: installing Debian's redis-server…`);
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update', '-qq']).status === 0 && run(['install', '-y', '-qq', 'redis-server']).status === 0 && found()) {
    process.exit(0);
  }
}
console.error(
  `The shared-cache tests need ${redis}. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_SERVER_PATH.`,
);
process.exit(1);
