import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { operations } from '@/lib/operations';
import { browserTransport, clearPageMemo } from './client';
import { linkRelations } from './pagination';

describe('following GitHub pagination through the proxy', () => {
  beforeEach(() => clearPageMemo());
  afterEach(() => vi.unstubAllGlobals());

  /** The next page of a list whose answer carried `link`, as the browser's transport hands the header on. */
  async function nextPageLink(link: string | null) {
    vi.stubGlobal('fetch', async () => new Response('{"total_count":0,"codespaces":[]}', { status: 200, headers: link ? { link } : {} }));
    const answer = await browserTransport.request(operations.listMyCodespaces, { query: { per_page: 100 } });
    return linkRelations(answer.header('link')).next ?? null;
  }

  it('finds the next page among the Link relations', async () => {
    const link =
      '<http://localhost:3000/api/github/user/codespaces?per_page=100&page=2>; rel="next", <http://localhost:3000/api/github/user/codespaces?per_page=100&page=3>; rel="last"';
    expect(await nextPageLink(link)).toBe('/api/github/user/codespaces?per_page=100&page=2');
  });
  it('stops on the last page', async () => {
    expect(await nextPageLink('<http://localhost:3000/api/github/user/codespaces?page=1>; rel="first"')).toBeNull();
    expect(await nextPageLink(null)).toBeNull();
  });
  it('never follows a link that leaves the proxy', async () => {
    expect(await nextPageLink('<https://api.github.com/user/codespaces?page=2>; rel="next"')).toBeNull();
  });
});

describe('the browser’s conditional reads', () => {
  const LIST = '/api/github/user/codespaces?per_page=100';
  const firstAnswer = {
    etag: 'W/"1"',
    link: '<http://hangar.test/api/github/user/codespaces?per_page=100&page=2>; rel="next"',
    'x-github-sso': 'partial-results; organizations=21',
    'x-ratelimit-remaining': '4990',
    'content-type': 'application/json; charset=utf-8',
  };
  /** Hangar's answers in turn, and the If-None-Match each request carried. */
  function proxyAnswering(...answers: Response[]) {
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      expect(url).toBe(LIST);
      sent.push(new Headers(init.headers).get('if-none-match'));
      return answers.shift()!;
    });
    return sent;
  }
  const list = () => browserTransport.request(operations.listMyCodespaces, { query: { per_page: 100 } });

  beforeEach(() => clearPageMemo());
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the stored answer’s Link and X-GitHub-SSO when Hangar’s 304 does not repeat them', async () => {
    const sent = proxyAnswering(
      new Response('{"total_count":101,"codespaces":[]}', { status: 200, headers: firstAnswer }),
      new Response(null, { status: 304, headers: { etag: 'W/"1"' } }),
      new Response(null, { status: 304, headers: { etag: 'W/"1"' } }),
    );
    const first = await list();
    for (let poll = 0; poll < 2; poll++) {
      const again = await list();
      expect(again.data).toBe(first.data);
      expect(again.header('x-github-sso')).toBe('partial-results; organizations=21');
      expect(again.header('link')).toBe('</api/github/user/codespaces?per_page=100&page=2>; rel="next"');
    }
    expect(sent).toEqual([null, 'W/"1"', 'W/"1"']);
  });

  it('takes a 304’s newer ETag and rate-limit figures, and revalidates with that ETag next', async () => {
    const sent = proxyAnswering(
      new Response('{"total_count":1,"codespaces":[]}', { status: 200, headers: firstAnswer }),
      new Response(null, { status: 304, headers: { etag: 'W/"2"', 'x-ratelimit-remaining': '4971' } }),
      new Response(null, { status: 304, headers: { etag: 'W/"2"' } }),
    );
    await list();
    const again = await list();
    expect(again.header('etag')).toBe('W/"2"');
    expect(again.header('x-ratelimit-remaining')).toBe('4971');
    expect(again.header('x-github-sso')).toBe('partial-results; organizations=21');
    await list();
    expect(sent).toEqual([null, 'W/"1"', 'W/"2"']);
  });
});
