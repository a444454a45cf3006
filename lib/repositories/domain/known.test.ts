import { describe, expect, it } from 'vitest';
import { knownRepositories, parseRepositoryName } from './known';

const listed = [
  { id: 1, full_name: 'mona/hello-world', private: false },
  { id: 2, full_name: 'octo-org/design-system', private: false },
];
const codespaces = [
  { repository: { id: 10, full_name: 'octo-org/octo-app' } },
  { repository: { id: 11, full_name: 'mona/blog' } },
  { repository: { id: 10, full_name: 'octo-org/octo-app' } },
  { repository: { id: 2, full_name: 'octo-org/design-system' } },
];

describe('the repositories Hangar knows of', () => {
  it('adds the private repositories the user’s codespaces are in to the public ones GitHub lists, once each', () => {
    expect(knownRepositories(listed, codespaces).map((r) => r.full_name)).toEqual([
      'mona/hello-world',
      'octo-org/design-system',
      'octo-org/octo-app',
      'mona/blog',
    ]);
  });

  it('keeps what GitHub’s list says of a repository, and says nothing it does not know', () => {
    const known = knownRepositories(listed, codespaces);
    expect(known.find((r) => r.full_name === 'octo-org/design-system')).toEqual({
      id: 2,
      full_name: 'octo-org/design-system',
      private: false,
    });
    expect(known.find((r) => r.full_name === 'mona/blog')).toEqual({ id: 11, full_name: 'mona/blog' });
  });

  it('for an organisation, only its own repositories, and those already chosen elsewhere', () => {
    const known = knownRepositories(listed, codespaces, {
      owner: 'Octo-Org',
      extra: [{ id: 12, full_name: 'octo-org/api-server', private: true }],
    });
    expect(known.map((r) => r.full_name)).toEqual(['octo-org/design-system', 'octo-org/octo-app', 'octo-org/api-server']);
  });

  it('knows nothing while nothing has loaded', () => {
    expect(knownRepositories(undefined, undefined)).toEqual([]);
  });
});

describe('a typed repository name', () => {
  it('is owner/repo, typed or pasted as an address', () => {
    expect(parseRepositoryName(' mona/homelab ')).toBe('mona/homelab');
    expect(parseRepositoryName('https://github.com/mona/homelab')).toBe('mona/homelab');
    expect(parseRepositoryName('https://ghe.example.com/octo-org/web.js.git')).toBe('octo-org/web.js');
    expect(parseRepositoryName('mona/homelab/')).toBe('mona/homelab');
  });

  it('is nothing else', () => {
    for (const input of ['', 'mona', 'mona/', '/homelab', 'mona/home lab', 'mona/homelab/pull/2', '-mona/x', 'mona/..', 'a/b/c'])
      expect(parseRepositoryName(input), input).toBeNull();
  });
});
