import { describe, expect, it } from 'vitest';
import { isOrgRoute, isWithinOrganisation } from './org-scope';

const api = 'https://api.github.test';

describe('what Hangar’s app may call', () => {
  it('is an organisation endpoint: /orgs/{org}/…', () => {
    expect(isOrgRoute('/orgs/{org}/codespaces')).toBe(true);
    expect(isOrgRoute('/orgs/{org}/members/{username}/codespaces/{codespace_name}/stop')).toBe(true);
    expect(isOrgRoute('/user/codespaces')).toBe(false);
    expect(isOrgRoute('/repos/{owner}/{repo}/codespaces')).toBe(false);
    expect(isOrgRoute('/organizations/{org}/settings/billing/usage')).toBe(true);
    expect(isOrgRoute('/organizations/{org}/settings/billing/budgets')).toBe(false);
    expect(isOrgRoute('/orgs/{org}/')).toBe(false);
  });

  it('is on that organisation’s endpoints of the configured API, whatever the case', () => {
    expect(isWithinOrganisation(`${api}/orgs/octo-org/codespaces?per_page=100`, api, 'octo-org')).toBe(true);
    expect(isWithinOrganisation(`${api}/orgs/Octo-Org/codespaces`, api, 'octo-org')).toBe(true);
    // Its billing usage report, for monthly budgets, and nothing else under /organizations/.
    expect(isWithinOrganisation(`${api}/organizations/octo-org/settings/billing/usage?year=2026&month=12`, api, 'octo-org')).toBe(true);
    // The emulator in demo mode sits under a path.
    expect(
      isWithinOrganisation('http://127.0.0.1:3000/emulator/api/orgs/octo-org/codespaces', 'http://127.0.0.1:3000/emulator/api', 'octo-org'),
    ).toBe(true);
  });

  it('is nothing else: another organisation, a user’s endpoints, another host, a way out', () => {
    for (const url of [
      `${api}/orgs/acme-corp/codespaces`,
      `${api}/orgs/octo-org-evil/codespaces`,
      `${api}/orgs/octo-org`,
      `${api}/organizations/acme-corp/settings/billing/usage`,
      `${api}/organizations/octo-org/settings/billing/budgets`,
      `${api}/organizations/octo-org/settings/billing/usage/../../../../user`,
      `${api}/user/codespaces`,
      `${api}/orgs/octo-org/../../user/codespaces`,
      `${api}/orgs/octo-org/members/%2e%2e%2f%2e%2e/user`,
      `${api}/orgs/octo-org%2F..%2Fother/codespaces`,
      'https://evil.test/orgs/octo-org/codespaces',
      'http://127.0.0.1:3000/orgs/octo-org/codespaces',
      'not a url',
    ]) {
      expect(isWithinOrganisation(url, api, 'octo-org'), url).toBe(false);
    }
    expect(isWithinOrganisation('http://127.0.0.1:3000/orgs/octo-org/codespaces', 'http://127.0.0.1:3000/emulator/api', 'octo-org')).toBe(
      false,
    );
  });
});
