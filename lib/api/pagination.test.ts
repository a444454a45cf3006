import { describe, expect, it } from 'vitest';
import { linkRelations, pageNumbersAfterFirst, withPage } from './pagination';

const link = (next: number, last: number, base = '/api/github/user/codespaces?per_page=100') =>
  `<${base}&page=${next}>; rel="next", <${base}&page=${last}>; rel="last"`;

describe('planning the pages of a GitHub list from its first Link header', () => {
  it('reads every relation', () => {
    expect(linkRelations(link(2, 20))).toEqual({
      next: '/api/github/user/codespaces?per_page=100&page=2',
      last: '/api/github/user/codespaces?per_page=100&page=20',
    });
    expect(linkRelations(null)).toEqual({});
  });

  it('lists every page after the first when next and last name the same list', () => {
    expect(pageNumbersAfterFirst(link(2, 5))).toEqual([2, 3, 4, 5]);
    expect(pageNumbersAfterFirst(link(2, 2))).toEqual([2]);
  });

  it('has nothing to plan on the only page', () => {
    expect(pageNumbersAfterFirst(null)).toEqual([]);
    expect(pageNumbersAfterFirst('<http://x/api/github/user/codespaces?page=1>; rel="first"')).toEqual([]);
  });

  it('refuses to plan what it cannot trust, so pages are followed one by one', () => {
    expect(pageNumbersAfterFirst('</a?page=2>; rel="next"')).toBeNull();
    expect(pageNumbersAfterFirst('</a?page=2>; rel="next", </b?page=3>; rel="last"')).toBeNull();
    expect(pageNumbersAfterFirst(link(2, 5000))).toBeNull();
    expect(pageNumbersAfterFirst(link(3, 2))).toBeNull();
  });

  it('writes another page of the same list, relative or absolute', () => {
    expect(withPage('/api/github/user/codespaces?per_page=100&page=2', 7)).toBe('/api/github/user/codespaces?per_page=100&page=7');
    expect(withPage('http://h/api/user/codespaces?page=2&per_page=100', 3)).toBe('http://h/api/user/codespaces?page=3&per_page=100');
  });
});
