#!/usr/bin/env node
// The storage tests run a real PostgreSQL server (Debian's), besides the embedded one. Installs it
// when missing and we are root; otherwise says exactly what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresAvailable } from './postgres-bin.mjs';

if (postgresAvailable()) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("PostgreSQL's server programs are missing: installing Debian's postgresql…");
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update', '-qq']).status === 0 && run(['install', '-y', '-qq', 'postgresql']).status === 0 && postgresAvailable()) {
    process.exit(0);
  }
}
console.error(
  'The storage tests need PostgreSQL’s initdb and postgres. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql) or set POSTGRES_BIN_DIR.',
);
process.exit(1);
