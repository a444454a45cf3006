/**
 * Hangar's own list routes (`/api/lists/...`) against the emulator on a loopback port: the
 * organisation's and the user's codespaces assembled on the server from GitHub's pages and
 * streamed as summaries, with GitHub's refusals and single sign-on notices reaching the page as
 * the proxy passes them, and GitHub spared (a few pages at a time, conditional reads).
 */
import { gzipSync } from 'node:zlib';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { MemoryStore } from '@/lib/github/store/memory-store.server';
import type { GithubStateStore } from '@/lib/github/store/types.server';
import { configureAppForEmulator, sessionCookie } from '@/lib/test/session';
import type { CodespaceListLine } from './domain/list-lines';

const APP = 'http://hangar.test';
const SECRET = 'list-stream-secret-list-stream-secret-ls';
const ORG = 'octo-org';

let upstream: RunningEmulator;
let orgRoute: typeof import('@/app/api/lists/orgs/[org]/codespaces/route').GET;
let userRoute: typeof import('@/app/api/lists/user/codespaces/route').GET;
let setGithubStore: (store: GithubStateStore | undefined) => void;
const tokens: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  upstream = await startEmulatorServer({ control: true, transitionMs: 60_000 });
  configureAppForEmulator(upstream.url, { client: 'list-stream-client', appUrl: APP, secret: SECRET });
  process.env.HANGAR_RETRY_BASE_MS = '10';
  ({ GET: orgRoute } = await import('@/app/api/lists/orgs/[org]/codespaces/route'));
  ({ GET: userRoute } = await import('@/app/api/lists/user/codespaces/route'));
  ({ setGithubStore } = await import('@/lib/github/store.server'));
  for (const login of ['mona', 'sso-sam']) {
    tokens[login] = upstream.emulator.issueToken(login, ['codespace', 'read:user', 'admin:org']);
    cookies[login] = await sessionCookie(login, tokens[login], SECRET);
  }
});

afterAll(() => upstream?.close());

beforeEach(() => setGithubStore(new MemoryStore()));

type Headers_ = Record<string, string>;
const request = (path: string, as: string | null = 'mona', headers: Headers_ = {}) =>
  new NextRequest(`${APP}${path}`, { headers: { ...(as ? { cookie: cookies[as]! } : {}), ...headers } });

const orgList = (org: string, as: string | null = 'mona', headers: Headers_ = {}) =>
  orgRoute(request(`/api/lists/orgs/${org}/codespaces`, as, headers), { params: Promise.resolve({ org }) });
const myList = (as: string | null = 'mona', search = '', headers: Headers_ = {}) =>
  userRoute(request(`/api/lists/user/codespaces${search}`, as, headers));

async function linesOf(response: Response): Promise<CodespaceListLine[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CodespaceListLine);
}

const pagesOf = (lines: CodespaceListLine[]) => lines.filter((line) => 'list' in line);
const namesOf = (lines: CodespaceListLine[]) => pagesOf(lines).flatMap((line) => line.list.codespaces.map((c) => c.name));

/** What GitHub (the emulator) answers for every page of a list, straight. */
async function githubNames(path: string, token: string): Promise<string[]> {
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetch(`${upstream.url}/api${path}?per_page=100&page=${page}`, { headers: { authorization: `token ${token}` } });
    const list = (await answer.json()) as { codespaces: { name: string }[] };
    names.push(...list.codespaces.map((c) => c.name));
    if (list.codespaces.length < 100) return names;
  }
}

function upstreamRequests(since: number, path: string) {
  return upstream.emulator.log(since).filter((entry) => entry.path.split('?')[0] === path);
}

describe('who may read a list', () => {
  it('without a session: 401 in Hangar’s words, and GitHub is not asked', async () => {
    const since = Date.now();
    const answer = await orgList(ORG, null);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ message: 'Sign in to continue', status: 401 });
    expect(upstreamRequests(since, `/orgs/${ORG}/codespaces`)).toHaveLength(0);
  });

  it('a name that is not an organisation’s, or a query the list does not take: 400, GitHub not asked', async () => {
    expect((await orgList('not_an..org')).status).toBe(400);
    expect((await myList('mona', '?from=1&total=5')).status).toBe(400);
    expect((await myList('mona', '?per_page=5')).status).toBe(400);
  });

  it('an organisation the user does not own: GitHub’s refusal, status and words, as the proxy passes it', async () => {
    const answer = await orgList('acme-corp');
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as { message: string };
    expect(body.message).toBe('Must be an organization owner.');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('an organisation that enforces single sign-on: 403 with GitHub’s X-GitHub-SSO exactly', async () => {
    const answer = await orgList('sso-corp', 'sso-sam');
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-github-sso')).toMatch(
      new RegExp(`^required; url=${upstream.url}/orgs/sso-corp/sso\\?authorization_request=[0-9A-F]+$`),
    );
  });
});

describe('the list as the page receives it', () => {
  beforeAll(async () => {
    await fetch(`${upstream.url}/_emulator/org-fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: ORG, codespaces: 1050, members: 105 }),
    });
  });

  it('every codespace of the organisation, page by page in GitHub’s order, then the end with a validator', async () => {
    const answer = await orgList(ORG);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/x-ndjson; charset=utf-8');
    const lines = await linesOf(answer);
    const pages = pagesOf(lines);
    expect(pages.map((line) => line.page)).toEqual(Array.from({ length: pages.length }, (_, i) => i + 1));
    expect(pages.length).toBeGreaterThanOrEqual(11);
    expect(namesOf(lines)).toEqual(await githubNames(`/orgs/${ORG}/codespaces`, tokens.mona!));
    expect(lines.at(-1)).toEqual({ end: true, etag: expect.stringMatching(/^W\/".+"$/) });
  });

  it('each codespace as the lists keep it (its summary), never GitHub’s full object', async () => {
    const [first] = pagesOf(await linesOf(await orgList(ORG)));
    const codespace = first!.list.codespaces[0]!;
    expect(Object.keys(codespace).sort()).toEqual(
      expect.arrayContaining([
        'name',
        'display_name',
        'state',
        'machine',
        'last_used_at',
        'created_at',
        'git_status',
        'repository',
        'owner',
        'billable_owner',
      ]),
    );
    // GitHub's object carries dozens of URLs per account and repository; none of them travel.
    expect(Object.keys(codespace.repository).sort()).toEqual(['full_name', 'id']);
    expect(Object.keys(codespace.owner)).toEqual(['login']);
    expect(Object.keys(codespace.billable_owner)).toEqual(['login']);
    expect(JSON.stringify(codespace)).not.toMatch(/avatar_url|"url"|events_url|recent_folders/);
  });

  it('at most 400 bytes a codespace gzipped, even with each page compressed on its own', async () => {
    const lines = (await (await orgList(ORG)).text()).split('\n').filter(Boolean);
    const codespaces = namesOf(lines.map((line) => JSON.parse(line) as CodespaceListLine)).length;
    expect(codespaces).toBeGreaterThan(1000);
    // Next gzips the stream, flushing after each page (which keeps what earlier pages taught the
    // compressor): compressing each page apart is the most it can cost.
    const bytes = lines.reduce((sum, line) => sum + gzipSync(line).byteLength, 0);
    expect(bytes / codespaces).toBeLessThanOrEqual(400);
  });

  it('at most 4 of the organisation’s pages asked of GitHub at once, however many tabs ask', async () => {
    const handle = upstream.emulator.handle;
    let inFlight = 0;
    let most = 0;
    upstream.emulator.handle = async (req) => {
      const counted = new URL(req.url).pathname.endsWith(`/orgs/${ORG}/codespaces`);
      if (counted) most = Math.max(most, ++inFlight);
      try {
        if (counted) await new Promise((resolve) => setTimeout(resolve, 15));
        return await handle(req);
      } finally {
        if (counted) inFlight--;
      }
    };
    try {
      const [one, two] = await Promise.all([orgList(ORG), orgList(ORG)]);
      await Promise.all([linesOf(one), linesOf(two)]);
    } finally {
      upstream.emulator.handle = handle;
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('polled again: conditional upstream (304s), and 304 without a body when the whole list is unchanged', async () => {
    const first = await linesOf(await orgList(ORG));
    const end = first.at(-1) as { etag: string };
    const since = Date.now();
    const again = await orgList(ORG, 'mona', { 'if-none-match': end.etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const asked = upstreamRequests(since, `/orgs/${ORG}/codespaces`);
    expect(asked.length).toBeGreaterThanOrEqual(11);
    expect(asked.every((entry) => entry.status === 304)).toBe(true);
  });

  it('a changed list is sent again in full, with a new validator', async () => {
    const first = (await linesOf(await orgList(ORG))).at(-1) as { etag: string };
    const [victim] = namesOf(await linesOf(await orgList(ORG))).slice(-1);
    upstream.emulator.world.codespaces.delete(victim!);
    const again = await orgList(ORG, 'mona', { 'if-none-match': first.etag });
    expect(again.status).toBe(200);
    const lines = await linesOf(again);
    expect(namesOf(lines)).not.toContain(victim);
    expect((lines.at(-1) as { etag: string }).etag).not.toBe(first.etag);
  });
});

describe('a large organisation within one account’s share of the store', () => {
  it('3,000 codespaces (30 pages) are all kept: polled again, every page is a 304 upstream', async () => {
    await fetch(`${upstream.url}/_emulator/org-fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: ORG, codespaces: 3000, members: 300 }),
    });
    await linesOf(await orgList(ORG));
    const since = Date.now();
    const again = await linesOf(await orgList(ORG));
    expect(namesOf(again).length).toBeGreaterThan(3000);
    const asked = upstreamRequests(since, `/orgs/${ORG}/codespaces`);
    expect(asked.length).toBeGreaterThanOrEqual(30);
    expect(asked.filter((entry) => entry.status !== 304)).toEqual([]);
  });
});

describe('the user’s own list, and the single sign-on notice', () => {
  it('says which organisations’ single sign-on hid codespaces: on the first page’s line and header, from the store and after a 304', async () => {
    const ssoId = upstream.emulator.world.orgs.get('sso-corp')!.id;
    const notice = `partial-results; organizations=${ssoId}`;
    const first = await myList('sso-sam');
    expect(first.headers.get('x-github-sso')).toBe(notice);
    const lines = await linesOf(first);
    expect(pagesOf(lines)[0]!.sso).toBe(notice);
    const again = await myList('sso-sam');
    expect(again.headers.get('x-github-sso')).toBe(notice);
    expect(pagesOf(await linesOf(again))[0]!.sso).toBe(notice);
    const unchanged = await myList('sso-sam', '', { 'if-none-match': (lines.at(-1) as { etag: string }).etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('x-github-sso')).toBe(notice);
  });

  it('from a later page on, when the page holds those before it: only the pages after', async () => {
    await fetch(`${upstream.url}/_emulator/fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'list-fleet', count: 250 }),
    });
    tokens['list-fleet'] = upstream.emulator.issueToken('list-fleet', ['codespace']);
    cookies['list-fleet'] = await sessionCookie('list-fleet', tokens['list-fleet'], SECRET);
    const since = Date.now();
    const lines = await linesOf(await myList('list-fleet', '?from=2&total=250'));
    // Page one is at hand already: it is not asked for again.
    const pages = upstreamRequests(since, '/user/codespaces').map((entry) => new URL(entry.path, 'http://x').searchParams.get('page'));
    expect(pages.sort()).toEqual(['2', '3']);
    expect(pagesOf(lines).map((line) => line.page)).toEqual([2, 3]);
    expect(namesOf(lines)).toEqual((await githubNames('/user/codespaces', tokens['list-fleet']!)).slice(100));
  });
});

describe('reading ahead of the browser', () => {
  it('goes on reading GitHub’s pages while the page has not taken the first', async () => {
    const { readAhead } = await import('./list-stream.server');
    const asked: number[] = [];
    async function* pages() {
      for (let page = 1; page <= 5; page++) {
        asked.push(page);
        yield page;
      }
    }
    const ahead = readAhead(pages());
    expect(await ahead.next()).toEqual({ done: false, value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([1, 2, 3, 4, 5]);
    const rest: number[] = [];
    for await (const page of ahead) rest.push(page);
    expect(rest).toEqual([2, 3, 4, 5]);
  });
});

describe('a returning user’s list, from the store', () => {
  it('is the whole list the store holds, with when GitHub last vouched for it; nothing when a page is missing', async () => {
    const { storedSummaryList } = await import('./list-stream.server');
    const { accountOfSession } = await import('@/lib/github/account.server');
    const reader = { accessToken: tokens['list-fleet']!, account: accountOfSession({ sub: 'list-fleet' }, tokens['list-fleet']!) };
    expect(await storedSummaryList(reader, { kind: 'mine' })).toBeNull();
    const since = Date.now();
    await linesOf(await myList('list-fleet'));
    const stored = await storedSummaryList(reader, { kind: 'mine' });
    expect(stored!.pages.flatMap((page) => page.items.map((c) => c.name))).toEqual(
      await githubNames('/user/codespaces', tokens['list-fleet']!),
    );
    expect(stored!.asOf).toBeGreaterThanOrEqual(Math.floor(since / 1000) * 1000);
    expect(stored!.asOf).toBeLessThanOrEqual(Date.now());
  });
});

describe('which of GitHub’s pages a list reads', () => {
  const answer = (total: number) => ({
    status: 200,
    body: `{"total_count":${total},"codespaces":[]}`,
    headers: {},
    from: 'github' as const,
  });

  async function asked(start: Parameters<typeof import('./list-stream.server').listAnswers>[0], total: number) {
    const { listAnswers } = await import('./list-stream.server');
    const pages: number[] = [];
    for await (const read of listAnswers(start, async (page) => (pages.push(page), answer(total)))) expect(read.answer.status).toBe(200);
    return pages;
  }

  it('the whole list: page one, then the rest planned from GitHub’s count', async () => {
    expect(await asked({ from: 1 }, 950)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('going on from a first page already at hand: only pages 2 to the last', async () => {
    expect(await asked({ from: 2, total: 950 }, 950)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('nothing when the first page was all there is', async () => {
    expect(await asked({ from: 2, total: 40 }, 40)).toEqual([]);
  });
});

describe('a long list is not carried whole by a first paint', () => {
  it('past 20 pages, the store’s copy is not offered: the first page paints and the rest stream', async () => {
    const { storedSummaryList } = await import('./list-stream.server');
    const { accountOfSession } = await import('@/lib/github/account.server');
    await fetch(`${upstream.url}/_emulator/fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'long-fleet', count: 2100 }),
    });
    tokens['long-fleet'] = upstream.emulator.issueToken('long-fleet', ['codespace']);
    cookies['long-fleet'] = await sessionCookie('long-fleet', tokens['long-fleet'], SECRET);
    await linesOf(await myList('long-fleet'));
    const reader = { accessToken: tokens['long-fleet']!, account: accountOfSession({ sub: 'long-fleet' }, tokens['long-fleet']!) };
    expect(await storedSummaryList(reader, { kind: 'mine' })).toBeNull();
  });
});

describe('a first paint reads the rest of the list ahead of the page', () => {
  /** A fleet of its own, and a session for it: what the store and the read-ahead hold is per token. */
  async function fleetOf(login: string, count: number) {
    await fetch(`${upstream.url}/_emulator/fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, count }),
    });
    tokens[login] = upstream.emulator.issueToken(login, ['codespace']);
    cookies[login] = await sessionCookie(login, tokens[login], SECRET);
    const { accountOfSession } = await import('@/lib/github/account.server');
    return { accessToken: tokens[login], account: accountOfSession({ sub: login }, tokens[login]) };
  }

  /** The first page as `/` renders it: page one only, the page asking for the rest once it is up. */
  async function firstPaint(reader: Awaited<ReturnType<typeof fleetOf>>) {
    const { summaryPages } = await import('./list-stream.server');
    const { firstPageOnly } = await import('@/lib/transport/transport');
    const pages: { items: readonly unknown[] }[] = [];
    for await (const page of firstPageOnly(summaryPages(reader, { kind: 'mine' }))) pages.push(page);
    return pages;
  }

  /** The pages of the list GitHub was asked for since then, for this fleet's user. */
  const pagesAsked = (since: number, login: string) =>
    upstreamRequests(since, '/user/codespaces')
      .filter((entry) => entry.login === login)
      .map((entry) => Number(new URL(entry.path, 'http://x').searchParams.get('page') ?? 1));

  async function until(check: () => boolean, ms = 2000) {
    for (const deadline = Date.now() + ms; !check() && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  it('asks GitHub for pages 2 to the last as soon as page one says how many, before the page asks', async () => {
    const reader = await fleetOf('ahead-fleet', 350);
    const since = Date.now();
    expect((await firstPaint(reader))[0]!.items).toHaveLength(100);
    await until(() => pagesAsked(since, 'ahead-fleet').length === 4);
    expect(pagesAsked(since, 'ahead-fleet').sort()).toEqual([1, 2, 3, 4]);
  });

  it('the page’s request for the rest is answered with those pages: no round trip to GitHub again', async () => {
    const reader = await fleetOf('handed-fleet', 350);
    const github = await githubNames('/user/codespaces', tokens['handed-fleet']!);
    const since = Date.now();
    await firstPaint(reader);
    await until(() => pagesAsked(since, 'handed-fleet').length === 4);
    const asked = pagesAsked(since, 'handed-fleet').length;
    const lines = await linesOf(await myList('handed-fleet', '?from=2&total=350'));
    expect(pagesOf(lines).map((line) => line.page)).toEqual([2, 3, 4]);
    expect(namesOf(lines)).toEqual(github.slice(100));
    // The pages read ahead were handed over as GitHub gave them, not asked for again (nor revalidated).
    expect(pagesAsked(since, 'handed-fleet')).toHaveLength(asked);
    expect(pagesAsked(since, 'handed-fleet').sort()).toEqual([1, 2, 3, 4]);
  });

  it('never more than 4 of the list’s pages out to GitHub at once, the page’s request and the read-ahead together', async () => {
    const reader = await fleetOf('wide-fleet', 1200);
    const handle = upstream.emulator.handle;
    let inFlight = 0;
    let most = 0;
    upstream.emulator.handle = async (req) => {
      const counted = new URL(req.url).pathname.endsWith('/user/codespaces');
      if (counted) most = Math.max(most, ++inFlight);
      try {
        if (counted) await new Promise((resolve) => setTimeout(resolve, 15));
        return await handle(req);
      } finally {
        if (counted) inFlight--;
      }
    };
    try {
      await firstPaint(reader);
      const lines = await linesOf(await myList('wide-fleet', '?from=2&total=1200'));
      expect(pagesOf(lines)).toHaveLength(11);
    } finally {
      upstream.emulator.handle = handle;
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('holds when the page and the list route are bundled apart (as Next builds them): one read-ahead, one gate', async () => {
    const reader = await fleetOf('bundled-fleet', 1200);
    // The page's own copy of the module, as in the page's server bundle (the route keeps the first).
    vi.resetModules();
    const { summaryPages } = await import('./list-stream.server');
    const { firstPageOnly } = await import('@/lib/transport/transport');
    const handle = upstream.emulator.handle;
    let inFlight = 0;
    let most = 0;
    upstream.emulator.handle = async (req) => {
      const counted = new URL(req.url).pathname.endsWith('/user/codespaces');
      if (counted) most = Math.max(most, ++inFlight);
      try {
        if (counted) await new Promise((resolve) => setTimeout(resolve, 15));
        return await handle(req);
      } finally {
        if (counted) inFlight--;
      }
    };
    const since = Date.now();
    try {
      for await (const page of firstPageOnly(summaryPages(reader, { kind: 'mine' }))) expect(page.items).toHaveLength(100);
      const lines = await linesOf(await myList('bundled-fleet', '?from=2&total=1200'));
      expect(pagesOf(lines)).toHaveLength(11);
    } finally {
      upstream.emulator.handle = handle;
    }
    expect(most).toBeLessThanOrEqual(4);
    // Each page asked once: the route took what the page's copy read ahead.
    expect(pagesAsked(since, 'bundled-fleet').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('a first paint’s page one goes ahead of pages read ahead for an earlier one (the same account reloading)', async () => {
    const reader = await fleetOf('reload-fleet', 2000);
    const handle = upstream.emulator.handle;
    upstream.emulator.handle = async (req) => {
      if (new URL(req.url).pathname.endsWith('/user/codespaces')) await new Promise((resolve) => setTimeout(resolve, 15));
      return handle(req);
    };
    const since = Date.now();
    try {
      await firstPaint(reader);
      // Signed in again (a new token), while the first paint's 19 pages are still being read.
      const again = { ...reader, accessToken: upstream.emulator.issueToken('reload-fleet', ['codespace']) };
      await firstPaint(again);
    } finally {
      upstream.emulator.handle = handle;
    }
    const asked = pagesAsked(since, 'reload-fleet');
    const secondPageOne = asked.indexOf(1, 1);
    expect(secondPageOne).toBeGreaterThan(0);
    // Behind at most the 4 already out: not behind the earlier paint's whole read-ahead.
    expect(asked.slice(1, secondPageOne).length).toBeLessThanOrEqual(4);
  });

  it('a poll of the whole list does not take pages read ahead: it asks GitHub (conditionally)', async () => {
    const reader = await fleetOf('polled-fleet', 250);
    await firstPaint(reader);
    const since = Date.now();
    await linesOf(await myList('polled-fleet'));
    expect(pagesAsked(since, 'polled-fleet').sort()).toEqual([1, 2, 3]);
  });
});

describe('what a page needs of the whole stored list', () => {
  it('is worked out once while the list is unchanged, and again once a page of it changes', async () => {
    const { storedListProjection } = await import('./list-stream.server');
    const { accountOfSession } = await import('@/lib/github/account.server');
    await fetch(`${upstream.url}/_emulator/fleet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'costed-fleet', count: 250 }),
    });
    const token = (tokens['costed-fleet'] = upstream.emulator.issueToken('costed-fleet', ['codespace']));
    cookies['costed-fleet'] = await sessionCookie('costed-fleet', token, SECRET);
    const reader = { accessToken: token, account: accountOfSession({ sub: 'costed-fleet' }, token) };
    let worked = 0;
    const states = () =>
      storedListProjection(reader, { kind: 'mine' }, 'states', (pages) => {
        worked++;
        return pages.flatMap((page) => page.items.map((c) => `${c.name} ${c.state}`));
      });

    expect(await states()).toBeNull();
    await linesOf(await myList('costed-fleet'));
    const first = await states();
    expect(first!.value).toHaveLength(250);
    expect((await states())!.value).toBe(first!.value);
    expect(worked).toBe(1);

    // Checked with GitHub again, unchanged (304s): the same result, but as of the new check.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await linesOf(await myList('costed-fleet'));
    const checked = await states();
    expect(checked!.value).toBe(first!.value);
    expect(checked!.asOf).toBeGreaterThan(first!.asOf);
    expect(worked).toBe(1);

    // A codespace on the last page stops: the list read again has a new page 3, and the result follows it.
    const at = first!.value.findIndex((line, i) => i >= 200 && line.endsWith(' Available'));
    expect(at).toBeGreaterThanOrEqual(200);
    const name = first!.value[at]!.split(' ')[0]!;
    const stop = await fetch(`${upstream.url}/api/user/codespaces/${name}/stop`, {
      method: 'POST',
      headers: { authorization: `token ${token}` },
    });
    expect(stop.ok).toBe(true);
    await linesOf(await myList('costed-fleet'));
    const after = await states();
    expect(worked).toBe(2);
    expect(after!.value[at]).not.toBe(first!.value[at]);
    expect(after!.value[at]!.startsWith(`${name} `)).toBe(true);
  });
});
