import { describe, expect, it } from 'vitest';
import { inOrder, linkRelations, pageNumbersAfterFirst, remainingPages, withPage } from './pagination';

/** Every page after the first, collected as `remainingPages` hands them over. */
async function readRemainingPages<Page>(...args: Parameters<typeof remainingPages<Page>>): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of remainingPages(...args)) pages.push(page);
  return pages;
}

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

describe('reading the pages after the first', () => {
  const base = '/api/github/user/codespaces?per_page=2';
  const pageOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('page'));

  it('asks for every planned page, a few at a time, and keeps their order', async () => {
    let inFlight = 0;
    let most = 0;
    const pages = await readRemainingPages(link(2, 9, base), async (url) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10 - pageOf(url)));
      inFlight--;
      return { page: pageOf(url), link: null };
    });
    expect(pages).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(4);
  });

  it('follows next one page at a time when no last page is named', async () => {
    const pages = await readRemainingPages(`<${base}&page=2>; rel="next"`, async (url) => {
      const page = pageOf(url);
      return { page, link: page < 4 ? `<${base}&page=${page + 1}>; rel="next"` : null };
    });
    expect(pages).toEqual([2, 3, 4]);
  });

  it('reads nothing more on the only page', async () => {
    expect(await readRemainingPages(null, async () => ({ page: 0, link: null }))).toEqual([]);
  });
});

describe('reading many pages at once', () => {
  it('keeps four in flight, a slow page holding up only its own slot, and hands them over in order', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let inFlight = 0;
    let most = 0;
    const pages: number[] = [];
    for await (const page of inOrder([2, 3, 4, 5, 6, 7, 8], async (n) => {
      started.push(n);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n === 2 ? 60 : 5));
      inFlight--;
      finished.push(n);
      return n;
    }))
      pages.push(page);
    expect(pages).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(4);
    // Pages after the slow one kept going while it was out: 3, 4 and 5 were done before it.
    expect(finished.indexOf(5)).toBeLessThan(finished.indexOf(2));
  });
});
