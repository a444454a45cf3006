import { describe, expect, it } from 'vitest';
import { nextPageLink } from './client';

describe('following GitHub pagination through the proxy', () => {
  it('finds the next page among the Link relations', () => {
    const link =
      '<http://localhost:3000/api/github/user/codespaces?per_page=100&page=2>; rel="next", <http://localhost:3000/api/github/user/codespaces?per_page=100&page=3>; rel="last"';
    expect(nextPageLink(link)).toBe('/api/github/user/codespaces?per_page=100&page=2');
  });
  it('stops on the last page', () => {
    expect(nextPageLink('<http://localhost:3000/api/github/user/codespaces?page=1>; rel="first"')).toBeNull();
    expect(nextPageLink(null)).toBeNull();
  });
  it('never follows a link that leaves the proxy', () => {
    expect(nextPageLink('<https://api.github.com/user/codespaces?page=2>; rel="next"')).toBeNull();
  });
});
