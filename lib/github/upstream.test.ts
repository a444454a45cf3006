/**
 * The server's conditional reads as an HTTP cache (RFC 9111 §4.3.4): what Hangar serves when
 * GitHub answers a bare 304, and what it keeps, with a scripted GitHub behind a real Octokit.
 */
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import type { GitHubClient, GitHubReader } from '@/lib/github/client.server';
import { KeyedGate } from '@/lib/github/gate';
import { MemoryStore } from '@/lib/github/store/memory-store.server';
import { accountKeyOfUser, resourceKey, userKeyOf } from '@/lib/github/store/types.server';
import { callGithub, type GithubCall } from './upstream.server';

const API = 'https://api.github.test';
const TOKEN = 'gho_sam_token';
const SAM = accountKeyOfUser(583_400);
const LIST: GithubCall = { method: 'GET', route: '/user/codespaces', params: {}, query: { per_page: 100 }, account: SAM };
const BODY = '{"total_count":101,"codespaces":[]}';

/** The 200 GitHub sends first: a page of a longer list, some of it hidden by an organisation's single sign-on. */
const FIRST_ANSWER = {
  'content-type': 'application/json; charset=utf-8',
  etag: 'W/"1"',
  link: `<${API}/user/codespaces?per_page=100&page=2>; rel="next", <${API}/user/codespaces?per_page=100&page=2>; rel="last"`,
  'x-github-sso': 'partial-results; organizations=4100001',
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': '4990',
  'x-ratelimit-used': '10',
  'x-ratelimit-reset': '1796212800',
  'x-ratelimit-resource': 'core',
};

/** GitHub, scripted: each request takes the next answer; what it was asked with is kept. */
function scriptedGithub(...answers: (() => Response)[]) {
  const asked: (string | null)[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    asked.push(new Headers(init.headers).get('if-none-match'));
    return answers.shift()!();
  };
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const reader = () => new Octokit({ auth: TOKEN, baseUrl: API, log: quiet, request: { fetch } }) as GitHubReader;
  const store = new MemoryStore();
  const deps = { store, reader, writer: () => ({}) as GitHubClient, now: Date.now };
  return { asked, store, call: () => callGithub(TOKEN, LIST, deps) };
}

const ok = () => new Response(BODY, { status: 200, headers: FIRST_ANSWER });
const notModified = (headers: Record<string, string>) => () => new Response(null, { status: 304, headers });

describe('a bare 304 from GitHub, served from the stored answer', () => {
  it('carries the stored 200’s Link and X-GitHub-SSO, which the 304 did not repeat', async () => {
    const github = scriptedGithub(ok, notModified({ etag: 'W/"1"', 'x-ratelimit-remaining': '4990' }));
    await github.call();
    const served = await github.call();

    expect(github.asked).toEqual([null, 'W/"1"']);
    expect(served).toMatchObject({ status: 200, from: 'cache', body: BODY });
    expect(served.headers.link).toBe(FIRST_ANSWER.link);
    expect(served.headers['x-github-sso']).toBe('partial-results; organizations=4100001');
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('takes the 304’s newer ETag and rate-limit figures over the stored ones, and revalidates with that ETag next', async () => {
    const github = scriptedGithub(
      ok,
      notModified({ etag: 'W/"2"', 'x-ratelimit-remaining': '4971', 'x-ratelimit-used': '29' }),
      notModified({ etag: 'W/"2"' }),
    );
    await github.call();
    const served = await github.call();
    expect(served.headers).toMatchObject({
      etag: 'W/"2"',
      'x-ratelimit-remaining': '4971',
      'x-ratelimit-used': '29',
      'x-ratelimit-limit': '5000',
    });

    // The stored entry was freshened: the next read asks with the newer ETag, and still knows the rest.
    const again = await github.call();
    expect(github.asked).toEqual([null, 'W/"1"', 'W/"2"']);
    expect(again.headers).toMatchObject({ etag: 'W/"2"', 'x-ratelimit-remaining': '4971', 'x-github-sso': FIRST_ANSWER['x-github-sso'] });
  });

  it('keeps the headers worth keeping with the body, and not the ones of one message', async () => {
    const github = scriptedGithub(() => new Response(BODY, { status: 200, headers: { ...FIRST_ANSWER, 'set-cookie': 'logged_in=no' } }));
    await github.call();
    const stored = await github.store.getAnswer({
      user: userKeyOf(TOKEN),
      account: SAM,
      resource: resourceKey('/user/codespaces', { per_page: 100 }),
    });
    expect(stored?.headers).toEqual(FIRST_ANSWER);
    expect(github.store.bytesOf(SAM)).toBeGreaterThan(0);
  });
});

describe('requests in flight and answers being read', () => {
  /** GitHub answering each page a few milliseconds later, counting requests out (asked, bytes not all in yet). */
  function slowGithub() {
    let out = 0;
    const counts = { most: 0, requests: 0 };
    const fetch = async (url: string) => {
      counts.requests++;
      counts.most = Math.max(counts.most, ++out);
      const page = new URL(url).searchParams.get('page') ?? '1';
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent) {
            out--;
            controller.close();
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new TextEncoder().encode(`{"page":${page}}`));
          sent = true;
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json', etag: `W/"${page}"` } });
    };
    const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const reader = () => new Octokit({ auth: TOKEN, baseUrl: API, log: quiet, request: { fetch } }) as GitHubReader;
    return { counts, deps: { store: new MemoryStore(), reader, writer: () => ({}) as GitHubClient, now: Date.now } };
  }

  it('a caller’s limit holds only while a request is out: at most 4 out at once, and no slot held while an answer is read', async () => {
    const github = slowGithub();
    const gate = new KeyedGate(4);
    const holding = new Set<number>();
    const readWhileHolding: number[] = [];
    let slotsTaken = 0;
    const page = (n: number): GithubCall => ({
      ...LIST,
      query: { per_page: 100, page: n },
      inFlight: (request) =>
        gate.run('octo-org', async () => {
          slotsTaken++;
          holding.add(n);
          try {
            return await request();
          } finally {
            holding.delete(n);
          }
        }),
      readAnswer: (json) => {
        // Parsing and summarising happen here: the page's slot must already be free for the next request.
        if (holding.has((json as { page: number }).page)) readWhileHolding.push((json as { page: number }).page);
        return { ok: true };
      },
    });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => callGithub(TOKEN, page(i + 1), github.deps)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(github.counts.requests).toBe(10);
    expect(slotsTaken).toBe(10);
    expect(github.counts.most).toBe(4);
    expect(readWhileHolding).toEqual([]);
    expect(gate.busyKeys).toBe(0);
  });
});
