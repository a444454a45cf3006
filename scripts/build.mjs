#!/usr/bin/env node
// `npm run build`: `next build`, then a record of the sources it was made from (.next/), so that
// `npm start` rebuilds when they changed. Arguments go to `next build`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSources, sourceHash } from './source-hash.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

// Hashed before building: a file edited during the build makes the next start rebuild.
const sources = sourceHash(root);
const build = spawnSync(process.execPath, [nextBin, 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
recordSources(root, sources);
