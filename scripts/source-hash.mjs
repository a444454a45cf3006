// What a production build was made from: a hash of the sources that go into it, recorded in
// .next/ at build time, so `npm start` can tell a stale build from a current one. It hashes the
// source tree itself (no .git needed): the folders and files `next build` reads, less tests.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What `next build` compiles or reads. Tests, e2e specs, docs and scripts do not change the build. */
export const BUILD_INPUTS = [
  'app',
  'components',
  'emulator',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];
const SKIPPED_DIRS = new Set(['node_modules', 'test']);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
export const RECORD = path.join('.next', 'hangar-sources.json');

function filesUnder(root, relative) {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : filesUnder(root, child);
    return entry.isFile() && !TEST_FILE.test(entry.name) ? [child] : [];
  });
}

/** SHA-256 over every build input's path and content, in a fixed order. */
export function sourceHash(root) {
  const files = BUILD_INPUTS.flatMap((input) => {
    const full = path.join(root, input);
    if (!existsSync(full)) return [];
    return statSync(full).isDirectory() ? filesUnder(root, input) : [input];
  }).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash
      .update(
        createHash('sha256')
          .update(readFileSync(path.join(root, file)))
          .digest(),
      )
      .update('\n');
  }
  return { hash: hash.digest('hex'), files: files.length };
}

export function recordSources(root, sources = sourceHash(root)) {
  writeFileSync(path.join(root, RECORD), `${JSON.stringify({ ...sources, builtAt: new Date().toISOString() })}\n`);
}

/** Why the build in .next/ cannot be served as it is, or null when it is current. */
export function staleBuildReason(root) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return 'there is no production build yet';
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(path.join(root, RECORD), 'utf8'));
  } catch {
    return 'the build has no record of the sources it was made from';
  }
  return recorded.hash === sourceHash(root).hash ? null : 'the sources changed since the last build';
}
