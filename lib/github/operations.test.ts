import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { implementedOperations } from '@/emulator';
import { allowlist } from './allowlist';
import { operations, type OperationName } from './operations';

/**
 * The copies of each GitHub operation, tied together: the table, the proxy's allowlist, what the
 * app calls, what the emulator implements, and GitHub's own description.
 */

const root = path.resolve(__dirname, '../..');
const description = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as { paths: Record<string, Record<string, { tags?: string[] }>> };

const key = ({ method, route }: { method: string; route: string }) => `${method} ${route}`;

/** Operations nothing in the app calls, kept on purpose. Each needs its reason; the test below holds the list to the truth. */
const KEPT_UNCALLED: Partial<Record<OperationName, string>> = {
  getMe: 'GitHub’s “who am I”: how operators and the tests check a session through the proxy (sign-in reads it server-side).',
  createMyCodespace:
    'GitHub’s other way to create (by repository id): the create page uses the repository and pull-request routes, gh and scripts use this one.',
};

/** Every source file of the app (not tests, not the emulator), with its path from the root. */
function appSources(): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(file);
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(path.join(root, dir));
  return files.map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));
}

/** Where GitHub's paths may be written: the table, its schemas, and the two transports that send them. */
const ALLOWED_TO_SPELL_PATHS = [
  'lib/github/operations.ts',
  'lib/github/allowlist.ts',
  'lib/api/client.ts',
  'lib/github/server-transport.ts',
];

describe('the operations table', () => {
  const table = Object.entries(operations) as [OperationName, (typeof operations)[OperationName]][];

  it('names each GitHub operation once', () => {
    const keys = table.map(([, op]) => key(op));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds only operations GitHub’s description has, with the same method', () => {
    for (const [name, op] of table) expect(description.paths[op.route]?.[op.method.toLowerCase()], `${name}: ${key(op)}`).toBeDefined();
  });

  it('is the proxy’s allowlist, entry for entry', () => {
    expect(allowlist.map(key).sort()).toEqual(table.map(([, op]) => key(op)).sort());
  });

  it('is implemented by the emulator, operation for operation', () => {
    const implemented = new Set(implementedOperations());
    const missing = table.map(([, op]) => key(op)).filter((k) => !implemented.has(k));
    expect(missing).toEqual([]);
  });

  it('has every operation called by the app, except those kept on purpose, each with its reason', () => {
    const sources = appSources()
      .filter(({ file }) => !ALLOWED_TO_SPELL_PATHS.includes(file))
      .map(({ text }) => text)
      .join('\n');
    const called = new Set([...sources.matchAll(/\boperations\.(\w+)/g)].map((m) => m[1]!));
    const uncalled = table.map(([name]) => name).filter((name) => !called.has(name));
    expect(uncalled.sort()).toEqual(Object.keys(KEPT_UNCALLED).sort());
    for (const reason of Object.values(KEPT_UNCALLED)) expect(reason!.length).toBeGreaterThan(20);
    // And the app calls nothing that is not in the table.
    for (const name of called) expect(Object.keys(operations), `operations.${name}`).toContain(name);
  });

  it('leaves no GitHub path spelled out, and no request sent, in the typed functions, queries and components', () => {
    const layers = appSources().filter(
      ({ file }) => /^(lib\/api|lib\/queries|components)\//.test(file) && !ALLOWED_TO_SPELL_PATHS.includes(file),
    );
    expect(layers.length).toBeGreaterThan(20);
    for (const { file, text } of layers) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Components link to Hangar's own pages (/orgs/<org>); GitHub's paths are the table's alone.
      if (!file.startsWith('components/')) expect(code.match(/['"`]\/(user|users|repos|orgs|organizations)\//g), file).toBeNull();
      expect(code.match(/['"`]\/api\/github/g), file).toBeNull();
      expect(code.match(/\bfetch\(/g), file).toBeNull();
    }
  });
});

describe('GitHub’s Codespaces API in Hangar', () => {
  it('has every Codespaces operation of GitHub’s description in the table', () => {
    const codespaces = Object.entries(description.paths).flatMap(([route, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('codespaces'))
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    expect(codespaces).toHaveLength(48);
    const ours = new Set(Object.values(operations).map(key));
    expect(codespaces.filter((k) => !ours.has(k))).toEqual([]);
  });
});
