import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { orgCodespacesSettingsUrl } from './access-deprecation';

/** The endpoints the settings page says are deprecated (access-deprecation.ts): Hangar's use of them. */
const DEPRECATED_ACCESS_ENDPOINTS = [
  { method: 'PUT', path: '/orgs/{org}/codespaces/access' },
  { method: 'POST', path: '/orgs/{org}/codespaces/access/selected_users' },
  { method: 'DELETE', path: '/orgs/{org}/codespaces/access/selected_users' },
] as const;

type Operation = { operationId: string; deprecated?: boolean };

/** GitHub's REST description, read as JSON (the package's index would load every variant of it). */
function githubRestDescription(): { paths: Record<string, Record<string, Operation>> } {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('who may use Codespaces is set through endpoints GitHub has deprecated', () => {
  it('names exactly the endpoints GitHub’s REST description marks deprecated, so what the page says stays true', () => {
    const { paths } = githubRestDescription();
    for (const { method, path } of DEPRECATED_ACCESS_ENDPOINTS) {
      expect(paths[path]?.[method.toLowerCase()]?.deprecated, `${method} ${path}`).toBe(true);
    }
    // The read of the setting GitHub never had, and the rest of the organisation's codespaces API, are not deprecated.
    expect(paths['/orgs/{org}/codespaces']?.get?.deprecated).not.toBe(true);
  });

  it('points owners to their organisation’s Codespaces settings on GitHub’s web host', () => {
    expect(orgCodespacesSettingsUrl('https://github.com', 'octo-org')).toBe(
      'https://github.com/organizations/octo-org/settings/codespaces',
    );
    expect(orgCodespacesSettingsUrl('http://127.0.0.1:3000/emulator/', 'octo-org')).toBe(
      'http://127.0.0.1:3000/emulator/organizations/octo-org/settings/codespaces',
    );
  });
});
