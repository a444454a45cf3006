import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { implementedOperations } from '@/emulator/test-helpers';
import { allowlist } from './allowlist.server';
import { operations, type OperationName } from './index';

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
  getMySecret:
    'One secret read alone: the list carries all the pages show of a secret (its name and dates); gh and scripts read one this way.',
  getRepositorySecret:
    'One secret read alone: the list carries all the repository page shows of a secret; gh and scripts read one this way.',
  getOrgSecret: 'One secret read alone: the list carries all the settings page shows of a secret; gh and scripts read one this way.',
  addMySecretRepository:
    'One repository added to a secret: the form sends the whole new list (setMySecretRepositories), so two edits never race; kept for gh and scripts.',
  removeMySecretRepository:
    'One repository taken from a secret: the form sends the whole new list (setMySecretRepositories), so two edits never race; kept for gh and scripts.',
  addOrgSecretRepository:
    'One repository added to an organisation secret: the form sends the whole new list (setOrgSecretRepositories); kept for gh and scripts.',
  removeOrgSecretRepository:
    'One repository taken from an organisation secret: the form sends the whole new list (setOrgSecretRepositories); kept for gh and scripts.',
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

/** Where GitHub's paths may be written: the slices' operations, the app's own (lib/github-app), and the browser's transport that sends them. */
const ALLOWED_TO_SPELL_PATHS = [
  'lib/codespaces/operations.ts',
  'lib/repositories/operations.ts',
  'lib/secrets/operations.ts',
  'lib/orgs/operations.ts',
  'lib/usage/operations.ts',
  'lib/github-app/operations.ts',
  'lib/transport/client.ts',
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
      .map(({ text }) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
      .join('\n');
    // `operations.getMe`, not a module's name (`…/operations.server`).
    const called = new Set([...sources.matchAll(/(?<![\w/])operations\.(\w+)/g)].map((m) => m[1]!));
    const uncalled = table.map(([name]) => name).filter((name) => !called.has(name));
    expect(uncalled.sort()).toEqual(Object.keys(KEPT_UNCALLED).sort());
    for (const reason of Object.values(KEPT_UNCALLED)) expect(reason!.length).toBeGreaterThan(20);
    // And the app calls nothing that is not in the table.
    for (const name of called) expect(Object.keys(operations), `operations.${name}`).toContain(name);
  });

  it('leaves no GitHub path spelled out, and no request sent, in the typed functions, queries and components', () => {
    const layers = appSources().filter(
      ({ file }) => /^(lib\/[\w-]+\/[\w-]*(api|queries|actions)\.ts$|components\/)/.test(file) && !ALLOWED_TO_SPELL_PATHS.includes(file),
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
