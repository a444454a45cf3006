/**
 * The proxy's conditional requests, end to end against the GitHub emulator on a loopback port:
 * what goes upstream (the emulator's request log), what the browser gets, and what is stored.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/emulator/node-server';
import { MemoryStore } from '@/lib/github/store/memory-store.server';
import { proxyOverEmulator } from '@/lib/test/proxy-upstream';
import { sessionCookie } from '@/lib/test/session';
import {
  accountKeyOfUser,
  type AnswerKey,
  type CachedAnswer,
  type GithubStateStore,
  type RateLimitState,
  type UserKey,
} from '@/lib/github/store/types.server';

const APP = 'http://hangar.test';
const SECRET = 'conditional-secret-conditional-secret';

let upstream: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let setGithubStore: (store: GithubStateStore | undefined) => void;
let store: MemoryStore;
const tokens: Record<string, string> = {};
const cookies: Record<string, string> = {};

/** Records every key the proxy hands the store, to check what it is told about users. */
class WatchedStore extends MemoryStore {
  keys: string[] = [];
  answerKeys: AnswerKey[] = [];
  override async getAnswer(key: AnswerKey) {
    this.keys.push(key.user, key.account, key.resource);
    this.answerKeys.push(key);
    return super.getAnswer(key);
  }
  override async putAnswer(key: AnswerKey, answer: CachedAnswer) {
    this.keys.push(key.user, key.account, key.resource);
    this.answerKeys.push(key);
    return super.putAnswer(key, answer);
  }
  override async putRateLimit(user: UserKey, state: RateLimitState) {
    this.keys.push(user);
    return super.putRateLimit(user, state);
  }
}

beforeAll(async () => {
  ({ upstream, proxyGithubRequest, setGithubStore } = await proxyOverEmulator({
    client: 'conditional-client',
    appUrl: APP,
    secret: SECRET,
  }));
  for (const login of ['mona', 'hubot', 'sso-sam']) {
    tokens[login] = upstream.emulator.issueToken(login);
    cookies[login] = await sessionCookie(login, tokens[login], SECRET, upstream.emulator.world.users.get(login)!.id);
  }
  // Mona again, on another device: another sign-in, another token, the same GitHub account.
  tokens['mona-phone'] = upstream.emulator.issueToken('mona');
  cookies['mona-phone'] = await sessionCookie('mona', tokens['mona-phone'], SECRET, upstream.emulator.world.users.get('mona')!.id);
});

afterAll(() => upstream?.close());

beforeEach(() => {
  store = new WatchedStore();
  setGithubStore(store);
  upstream.emulator.faults.clear();
});

function get(path: string, as = 'mona', headers: Record<string, string> = {}) {
  return proxyGithubRequest(new NextRequest(`${APP}/api/github${path}`, { headers: { cookie: cookies[as]!, ...headers } }));
}

/** What the emulator answered since `since` for this path (its request log). */
function upstreamStatuses(since: number, path: string) {
  return upstream.emulator
    .log(since)
    .filter((entry) => entry.path === path)
    .map((entry) => entry.status);
}

describe('conditional requests through the proxy', () => {
  it('asks GitHub with the stored ETag, and serves GitHub’s 304 as a 200 with the stored body', async () => {
    const since = Date.now();
    const first = await get('/user/codespaces?per_page=5');
    expect(first.status).toBe(200);
    const body = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);

    const second = await get('/user/codespaces?per_page=5');
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(body);
    expect(second.headers.get('etag')).toBe(etag);
    // Pagination survives the cache, still pointing at the proxy.
    expect(second.headers.get('link')).toContain(`${APP}/api/github/user/codespaces?`);
    expect(upstreamStatuses(since, '/user/codespaces?per_page=5')).toEqual([200, 304]);
  });

  it('keeps the stored answer’s X-GitHub-SSO and Link when GitHub’s 304 does not repeat them, and on its own 304 too', async () => {
    const path = '/user/codespaces?per_page=2';
    const since = Date.now();
    const first = await get(path, 'sso-sam');
    const sso = first.headers.get('x-github-sso');
    expect(sso).toMatch(/^partial-results; organizations=\d+$/);
    expect(first.headers.get('link')).toContain(`${APP}/api/github/user/codespaces?`);

    const revalidated = await get(path, 'sso-sam');
    expect(upstreamStatuses(since, path)).toEqual([200, 304]);
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('x-github-sso')).toBe(sso);
    expect(revalidated.headers.get('link')).toBe(first.headers.get('link'));

    const browsers = await get(path, 'sso-sam', { 'if-none-match': first.headers.get('etag')! });
    expect(upstreamStatuses(since, path)).toEqual([200, 304, 304]);
    expect(browsers.status).toBe(304);
    expect(browsers.headers.get('x-github-sso')).toBe(sso);
  });

  it('costs nothing against the rate limit once the body is stored', async () => {
    await get('/user/codespaces?per_page=7');
    const before = Number((await get('/user/codespaces?per_page=7')).headers.get('x-ratelimit-remaining'));
    for (let i = 0; i < 3; i++) await get('/user/codespaces?per_page=7');
    expect(Number((await get('/user/codespaces?per_page=7')).headers.get('x-ratelimit-remaining'))).toBe(before);
  });

  it('answers the browser’s own conditional request with 304 and no body when its copy is current', async () => {
    const first = await get('/user/codespaces?per_page=3');
    const etag = first.headers.get('etag')!;
    const again = await get('/user/codespaces?per_page=3', 'mona', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');

    const stale = await get('/user/codespaces?per_page=3', 'mona', { 'if-none-match': 'W/"something-older"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(await first.text());
  });

  it('passes the browser’s ETag upstream when the server has none (after a restart), and 304 comes back', async () => {
    const etag = (await get('/user')).headers.get('etag')!;
    setGithubStore(new MemoryStore());
    const since = Date.now();
    const again = await get('/user', 'mona', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(upstreamStatuses(since, '/user')).toEqual([304]);
  });

  it('serves the new body as soon as GitHub’s changes', async () => {
    const list = JSON.parse(await (await get('/user/codespaces?per_page=100')).text()) as { codespaces: { name: string; state: string }[] };
    const stopped = list.codespaces.find((c) => c.state === 'Shutdown')!;
    const before = await get(`/user/codespaces/${stopped.name}`);
    expect(JSON.parse(await before.text()).state).toBe('Shutdown');

    const start = await proxyGithubRequest(
      new NextRequest(`${APP}/api/github/user/codespaces/${stopped.name}/start`, {
        method: 'POST',
        headers: { cookie: cookies.mona!, origin: APP },
      }),
    );
    expect(start.status).toBe(200);

    const since = Date.now();
    const after = await get(`/user/codespaces/${stopped.name}`);
    expect(JSON.parse(await after.text()).state).toBe('Starting');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(upstreamStatuses(since, `/user/codespaces/${stopped.name}`)).toEqual([200]);
  });

  it('keeps each user’s answers apart: another user never revalidates with someone else’s ETag', async () => {
    // A read the pages poll: the server keeps its ETag and body (other reads it does not keep).
    const owners = async (response: Response) =>
      new Set((JSON.parse(await response.text()) as { codespaces: { owner: { login: string } }[] }).codespaces.map((c) => c.owner.login));
    await get('/user/codespaces');
    const since = Date.now();
    const hubot = await get('/user/codespaces', 'hubot');
    expect(await owners(hubot)).toEqual(new Set(['hubot']));
    expect(upstreamStatuses(since, '/user/codespaces')).toEqual([200]);
    const mona = await get('/user/codespaces', 'mona');
    expect(await owners(mona)).toEqual(new Set(['mona']));
    expect(upstreamStatuses(since, '/user/codespaces')).toEqual([200, 304]);
  });

  it('counts every sign-in of one GitHub account against that account’s quota, and keeps each token’s answers apart', async () => {
    await get('/user/codespaces?per_page=11');
    await get('/user/codespaces?per_page=11', 'mona-phone');
    await get('/user/codespaces?per_page=11', 'hubot');
    const mona = accountKeyOfUser(upstream.emulator.world.users.get('mona')!.id);
    const hubot = accountKeyOfUser(upstream.emulator.world.users.get('hubot')!.id);
    const told = (store as WatchedStore).answerKeys;
    expect(new Set(told.map((key) => key.account))).toEqual(new Set([mona, hubot]));
    const monasTokens = new Set(told.filter((key) => key.account === mona).map((key) => key.user));
    expect(monasTokens.size).toBe(2);
    expect(store.bytesOf(mona)).toBe(store.bytes - store.bytesOf(hubot));
  });

  it('tells the store about users by a hash only, never their token', async () => {
    await get('/user');
    await get('/user', 'hubot');
    const told = (store as WatchedStore).keys.join(' ');
    expect(told).not.toContain(tokens.mona);
    expect(told).not.toContain(tokens.hubot);
    expect(new Set((store as WatchedStore).keys.filter((k) => /^[0-9a-f]{64}$/.test(k))).size).toBe(2);
  });

  it('sends identical requests of one user in flight together upstream once, and answers them all', async () => {
    const since = Date.now();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => get('/user/codespaces?per_page=9')));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(bodies).size).toBe(1);
    expect(upstreamStatuses(since, '/user/codespaces?per_page=9')).toEqual([200]);

    // Another user's identical request is theirs alone.
    const both = await Promise.all([get('/user', 'mona'), get('/user', 'hubot')]);
    expect(await Promise.all(both.map(async (a) => JSON.parse(await a.text()).login))).toEqual(['mona', 'hubot']);
  });

  it('never stores an error, so the next request asks GitHub afresh', async () => {
    // (A 404: Octokit retries 5xx answers itself, which would only slow this test down.)
    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', status: 404 });
    expect((await get('/user')).status).toBe(404);
    expect(store.size).toBe(0);
    expect((await get('/user')).status).toBe(200);
  });
});

describe('the proxy’s own headers', () => {
  it('carry the security headers on every answer, GitHub’s and Hangar’s (the middleware skips the proxy)', async () => {
    const anonymous = await proxyGithubRequest(new NextRequest(`${APP}/api/github/user`));
    for (const response of [await get('/user'), anonymous, await get('/user/keys')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    const https = await proxyGithubRequest(new NextRequest(`${APP}/api/github/user`, { headers: { 'x-forwarded-proto': 'https' } }));
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});

describe('reads that fail on GitHub’s side', () => {
  it('are tried again, twice at most, and then GitHub’s answer passes through', async () => {
    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', status: 502, times: 2 });
    let since = Date.now();
    expect((await get('/user')).status).toBe(200);
    expect(upstreamStatuses(since, '/user')).toEqual([502, 502, 200]);

    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', status: 503, times: 3 });
    since = Date.now();
    const failed = await get('/user');
    expect(failed.status).toBe(503);
    expect((await failed.json()).message).toBe('Service Unavailable');
    expect(upstreamStatuses(since, '/user')).toEqual([503, 503, 503]);
  });

  it('are never repeated when they are mutations', async () => {
    const list = JSON.parse(await (await get('/user/codespaces?per_page=100')).text()) as { codespaces: { name: string; state: string }[] };
    const running = list.codespaces.find((c) => c.state === 'Available')!;
    upstream.emulator.faults.add({ method: 'POST', path: '/stop$', status: 502 });
    const since = Date.now();
    const stop = await proxyGithubRequest(
      new NextRequest(`${APP}/api/github/user/codespaces/${running.name}/stop`, {
        method: 'POST',
        headers: { cookie: cookies.mona!, origin: APP },
      }),
    );
    expect(stop.status).toBe(502);
    expect(upstreamStatuses(since, `/user/codespaces/${running.name}/stop`)).toEqual([502]);
  });
});

describe('rate-limit bookkeeping in the proxy', () => {
  const exhausted = () => ({
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 600),
    'x-ratelimit-used': '5000',
  });

  it('after GitHub says the limit is reached, answers at once without asking GitHub again', async () => {
    upstream.emulator.faults.add({
      method: 'GET',
      path: '^/user/codespaces$',
      status: 403,
      body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest' },
      headers: exhausted(),
    });
    const refused = await get('/user/codespaces');
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/rate limit exceeded/);

    // What reached GitHub is counted, not timed: a request just before can share the millisecond.
    const mark = upstream.emulator.log().length;
    const held = await get('/user/codespaces/anything-at-all');
    expect(held.status).toBe(403);
    expect(await held.json()).toEqual({ message: expect.stringMatching(/rate limit/), status: 403 });
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(held.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(upstream.emulator.log().slice(mark)).toEqual([]);

    // Only that user: another is served as usual.
    expect((await get('/user', 'hubot')).status).toBe(200);
  });

  it('lets requests through again once a secondary limit’s retry-after has passed', async () => {
    // Twice: Octokit's throttling retries a GET once after a short retry-after.
    // Two seconds, not one: on a loaded machine a second can pass between the two requests.
    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', status: 403, headers: { 'retry-after': '2' } });
    expect((await get('/user')).status).toBe(403);
    const mark = upstream.emulator.log().length;
    expect((await get('/user')).status).toBe(403);
    expect(upstream.emulator.log().slice(mark)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await get('/user')).status).toBe(200);
  });
});
