#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browsers here).
// Installs it when missing and we are root; otherwise says exactly what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

const chromium = CHROMIUM_PATH;
if (existsSync(chromium)) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`${chromium} is missing: installing Debian's chromium…`);
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update', '-qq']).status === 0 && run(['install', '-y', '-qq', 'chromium']).status === 0 && existsSync(chromium)) {
    process.exit(0);
  }
}
console.error(
  `End-to-end tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
);
process.exit(1);
