import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSources, sourceHash, staleBuildReason } from './source-hash.mjs';

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hangar-sources-'));
  write('app/page.tsx', 'export default 1;');
  write('lib/format.ts', 'export const a = 1;');
  write('package.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** As after `npm run build`: a build, and the record of what it was made from. */
function build() {
  write('.next/BUILD_ID', 'hangar');
  recordSources(root);
}

describe('knowing whether the production build is current (no .git needed)', () => {
  it('wants a build when there is none, or when it has no record of its sources', () => {
    expect(staleBuildReason(root)).toBe('there is no production build yet');
    write('.next/BUILD_ID', 'hangar');
    expect(staleBuildReason(root)).toBe('the build has no record of the sources it was made from');
  });

  it('serves a build made from the sources as they are', () => {
    build();
    expect(staleBuildReason(root)).toBeNull();
  });

  it('rebuilds when a source changed, appeared or went away', () => {
    build();
    write('lib/format.ts', 'export const a = 2;');
    expect(staleBuildReason(root)).toBe('the sources changed since the last build');
    build();
    write('components/new.tsx', 'export {}');
    expect(staleBuildReason(root)).toBe('the sources changed since the last build');
    build();
    rmSync(path.join(root, 'components/new.tsx'));
    expect(staleBuildReason(root)).toBe('the sources changed since the last build');
  });

  it('ignores what does not go into the build: tests, e2e specs, docs, dotfiles', () => {
    build();
    const before = sourceHash(root);
    write('lib/format.test.ts', 'test');
    write('lib/test/helpers.ts', 'helper');
    write('e2e/new.spec.ts', 'spec');
    write('README.md', 'docs');
    write('lib/.format.ts.swp', 'editor');
    expect(sourceHash(root)).toEqual(before);
    expect(staleBuildReason(root)).toBeNull();
  });
});
