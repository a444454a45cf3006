/**
 * The proxy against GitHub's hard edges (the emulator on a loopback port): refusal headers reach
 * the page as GitHub wrote them, and broken answers (an HTML error page, an empty or cut-off body)
 * become Hangar's own JSON error, logged, with reads tried again first.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/node-server';
import { MemoryStore } from '@/lib/github/store/memory-store.server';
import type { GithubStateStore } from '@/lib/github/store/types.server';
import { proxyOverEmulator } from '@/lib/test/proxy-upstream';
import { sessionCookie } from '@/lib/test/session';

const APP = 'http://hangar.test';
const SECRET = 'refusals-secret-refusals-secret-refusals';

let upstream: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let setGithubStore: (store: GithubStateStore | undefined) => void;
let callGithub: typeof import('@/lib/github/upstream.server').callGithub;
const tokens: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ upstream, proxyGithubRequest, setGithubStore } = await proxyOverEmulator({ client: 'refusals-client', appUrl: APP, secret: SECRET }));
  ({ callGithub } = await import('@/lib/github/upstream.server'));
  for (const login of ['mona', 'sso-sam']) {
    tokens[login] = upstream.emulator.issueToken(login, ['codespace', 'read:user', 'admin:org']);
    cookies[login] = await sessionCookie(login, tokens[login], SECRET);
  }
});

afterAll(() => upstream?.close());

beforeEach(() => {
  setGithubStore(new MemoryStore());
  upstream.emulator.faults.clear();
});

const get = (path: string, as = 'mona') =>
  proxyGithubRequest(new NextRequest(`${APP}/api/github${path}`, { headers: { cookie: cookies[as]! } }));
const post = (path: string, as = 'mona') =>
  proxyGithubRequest(new NextRequest(`${APP}/api/github${path}`, { method: 'POST', headers: { cookie: cookies[as]!, origin: APP } }));

function upstreamStatuses(since: number, path: string) {
  return upstream.emulator
    .log(since)
    .filter((entry) => entry.path === path)
    .map((entry) => entry.status);
}

async function samsCodespaces() {
  const list = (await (await get('/user/codespaces?per_page=100', 'sso-sam')).json()) as {
    codespaces: { name: string; display_name: string; state: string }[];
  };
  return list.codespaces;
}

describe('GitHub’s refusal headers reach the page as written', () => {
  it('X-GitHub-SSO on a list that left codespaces out, also when the list is served from the store', async () => {
    const ssoId = upstream.emulator.world.orgs.get('sso-corp')!.id;
    const first = await get('/user/codespaces?per_page=100', 'sso-sam');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-github-sso')).toBe(`partial-results; organizations=${ssoId}`);
    const again = await get('/user/codespaces?per_page=100', 'sso-sam');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-github-sso')).toBe(`partial-results; organizations=${ssoId}`);
  });

  it('X-GitHub-SSO on a refusal, with GitHub’s authorization URL exactly', async () => {
    const refused = await get('/orgs/sso-corp/codespaces', 'sso-sam');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-github-sso')).toMatch(
      new RegExp(`^required; url=${upstream.url}/orgs/sso-corp/sso\\?authorization_request=[0-9A-F]+$`),
    );
  });

  it('X-Accepted-GitHub-Permissions on a Start refused for a missing permission', async () => {
    const target = (await samsCodespaces()).find((c) => c.display_name === 'Start needs a permission')!;
    const refused = await post(`/user/codespaces/${target.name}/start`, 'sso-sam');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('codespaces_lifecycle_admin=write');
    expect((await refused.json()).message).toBe('Resource not accessible by integration');
  });

  it('nothing else: the token’s own scopes stay on the server', async () => {
    const answer = await get('/user');
    expect(answer.headers.get('x-oauth-scopes')).toBeNull();
    expect(answer.headers.get('x-accepted-oauth-scopes')).toBeNull();
  });
});

describe('broken answers become Hangar’s own JSON error', () => {
  const kinds = [
    { kind: 'html', problem: 'an HTML page' },
    { kind: 'empty', problem: 'an empty body' },
    { kind: 'truncated', problem: 'JSON cut off or malformed' },
  ] as const;

  it.each(kinds)(
    'a read answered with $kind is tried again, then answered 502 { message, status } and logged',
    async ({ kind, problem }) => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        upstream.emulator.faults.add({ method: 'GET', path: '^/user/codespaces$', kind, times: 3 });
        const since = Date.now();
        const answer = await get('/user/codespaces?per_page=3');
        expect(answer.status).toBe(502);
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
        const body = await answer.json();
        expect(body).toEqual({ message: expect.stringContaining(problem), status: 502 });
        expect(JSON.stringify(body)).not.toContain('Unicorn');
        // Three tries, as for any 5xx (the first and two more).
        expect(upstreamStatuses(since, '/user/codespaces?per_page=3')).toHaveLength(3);
        const line = logged.mock.calls.map((call) => String(call[0])).find((text) => text.includes('github.broken-answer'));
        expect(JSON.parse(line!)).toMatchObject({
          level: 'warn',
          operation: 'GET /user/codespaces',
          problem,
          status: kind === 'html' ? 503 : 200,
        });
      } finally {
        logged.mockRestore();
      }
    },
  );

  it('a read that is broken once is answered by the next try, and the user never knows', async () => {
    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', kind: 'truncated', times: 1 });
    const since = Date.now();
    const answer = await get('/user');
    expect(answer.status).toBe(200);
    expect((await answer.json()).login).toBe('mona');
    expect(upstreamStatuses(since, '/user')).toEqual([200, 200]);
  });

  it('a mutation answered with an HTML page is sent once, and answered 502', async () => {
    const list = (await (await get('/user/codespaces?per_page=100')).json()) as { codespaces: { name: string; state: string }[] };
    const running = list.codespaces.find((c) => c.state === 'Available')!;
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    upstream.emulator.faults.add({ method: 'POST', path: '/stop$', kind: 'html', status: 500 });
    const since = Date.now();
    const stop = await post(`/user/codespaces/${running.name}/stop`);
    expect(stop.status).toBe(502);
    expect(await stop.json()).toEqual({ message: 'GitHub answered 500 with an HTML page, which Hangar cannot read.', status: 502 });
    expect(upstreamStatuses(since, `/user/codespaces/${running.name}/stop`)).toEqual([500]);
  });

  it('JSON of the wrong shape, and a 4xx that cannot be read, keep their meaning without passing the body', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', status: 200, body: 'just a string', times: 3 });
    const shape = await get('/user');
    expect(shape.status).toBe(502);
    expect((await shape.json()).message).toContain('JSON of the wrong shape');

    upstream.emulator.faults.add({ method: 'GET', path: '^/user$', kind: 'html', status: 404 });
    const notFound = await get('/user');
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ message: 'GitHub answered 404 with an HTML page, which Hangar cannot read.', status: 404 });
    vi.mocked(console.error).mockRestore();
  });

  it('a broken answer is never stored, so the next request asks GitHub afresh', async () => {
    const store = new MemoryStore();
    setGithubStore(store);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // A read the pages poll, which the server would keep.
    upstream.emulator.faults.add({ method: 'GET', path: '^/user/codespaces$', kind: 'truncated', times: 3 });
    expect((await get('/user/codespaces')).status).toBe(502);
    expect(store.size).toBe(0);
    vi.mocked(console.error).mockRestore();
    expect((await get('/user/codespaces')).status).toBe(200);
    expect(store.size).toBe(1);
  });
});

describe('codespaces Hangar cannot read, in an answer it can', () => {
  const listWith = (codespaces: unknown[]) => ({ total_count: codespaces.length, codespaces });

  it('leaves out a codespace whose name it would build paths from but cannot trust, and passes the rest on', async () => {
    const good = (await (await get('/user/codespaces/' + (await samsCodespaces())[0]!.name, 'sso-sam')).json()) as Record<string, unknown>;
    upstream.emulator.faults.add({
      method: 'GET',
      path: '^/user/codespaces$',
      status: 200,
      body: listWith([good, { ...good, name: '../../user/keys' }]),
    });
    const answer = await get('/user/codespaces');
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { total_count: number; codespaces: { name: string }[] };
    expect(body.codespaces.map((c) => c.name)).toEqual([good.name]);
  });

  it('answers 502 in its own words for a list that is not a list of codespaces', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    upstream.emulator.faults.add({ method: 'GET', path: '^/user/codespaces$', status: 200, body: { codespaces: 'nope' }, times: 3 });
    const answer = await get('/user/codespaces');
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({
      message: expect.stringMatching(/GitHub answered 200 with JSON of the wrong shape/),
      status: 502,
    });
    vi.mocked(console.warn).mockRestore();
  });
});

describe('which reads the server keeps', () => {
  it('keeps a read unless its caller says it is not one the page polls', async () => {
    const store = new MemoryStore();
    const deps = {
      store,
      reader: (await import('@/lib/github/client.server')).githubReader,
      writer: (await import('@/lib/github/client.server')).githubClient,
      now: Date.now,
    };
    const call = { method: 'GET', route: '/user/codespaces', params: {}, query: { per_page: 2 } };
    expect((await callGithub(tokens.mona!, { ...call, cacheable: false }, deps)).status).toBe(200);
    expect(store.size).toBe(0);
    expect((await callGithub(tokens.mona!, call, deps)).status).toBe(200);
    expect(store.size).toBe(1);
  });
});
