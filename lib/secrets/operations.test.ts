import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { implementedOperations } from '@/emulator';
import { secretsOperations } from './operations';

const description = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as { paths: Record<string, Record<string, { 'x-github'?: { subcategory?: string } }>> };

const key = (op: { method: string; route: string }) => `${op.method} ${op.route}`;

describe('the secrets and access operations', () => {
  it('are every secrets and access operation of GitHub’s description, each once', () => {
    const described = Object.entries(description.paths).flatMap(([route, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => /secrets$/.test(op['x-github']?.subcategory ?? '') && route.includes('/codespaces/'))
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    const access = ['PUT', 'POST', 'DELETE'].map((m) => `${m} /orgs/{org}/codespaces/access${m === 'PUT' ? '' : '/selected_users'}`);
    const ours = secretsOperations.map(key);
    expect(new Set(ours).size).toBe(ours.length);
    expect(described).toHaveLength(23);
    expect(ours).toEqual(expect.arrayContaining([...described, ...access]));
  });

  it('are all in GitHub’s description and served by the emulator', () => {
    const implemented = new Set(implementedOperations());
    for (const op of secretsOperations) {
      expect(description.paths[op.route]?.[op.method.toLowerCase()], key(op)).toBeDefined();
      expect(implemented.has(key(op)), key(op)).toBe(true);
    }
  });

  it('validate exactly the parameters in each route', () => {
    for (const op of secretsOperations) {
      const names = [...op.route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const sample = Object.fromEntries(
        names.map((n) => [n, n === 'repository_id' ? '702000001' : n === 'secret_name' ? 'NPM_TOKEN' : 'octo-org']),
      );
      expect(op.params.safeParse(sample).success, key(op)).toBe(true);
      expect(op.params.safeParse({ ...sample, extra: 'x' }).success, key(op)).toBe(false);
    }
  });

  it('ask GitHub’s scopes: codespace for the user’s, repo for a repository’s, admin:org for an organisation’s', () => {
    const scopeOf = (prefix: string) => new Set(secretsOperations.filter((op) => op.route.startsWith(prefix)).map((op) => op.scope));
    expect(scopeOf('/user/codespaces/secrets')).toEqual(new Set(['codespace']));
    expect(scopeOf('/repos/')).toEqual(new Set(['repo']));
    expect(scopeOf('/orgs/{org}/codespaces/')).toEqual(new Set(['admin:org']));
  });
});
