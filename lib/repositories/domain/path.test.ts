import { describe, expect, it } from 'vitest';
import { memberPath, repositoryPath } from './path';

describe('a repository’s page in Hangar', () => {
  it('is /repos/<owner>/<repo>', () => {
    expect(repositoryPath('octo-org/octo-app')).toBe('/repos/octo-org/octo-app');
    expect(repositoryPath('mona/my.site')).toBe('/repos/mona/my.site');
  });

  it('encodes each part, so a strange name cannot reach another path', () => {
    expect(repositoryPath('mona/a?b#c')).toBe('/repos/mona/a%3Fb%23c');
  });
});

describe('an organisation member’s page in Hangar', () => {
  it('is /orgs/<org>/members/<login>', () => {
    expect(memberPath('octo-org', 'lisa-dev')).toBe('/orgs/octo-org/members/lisa-dev');
  });
});
