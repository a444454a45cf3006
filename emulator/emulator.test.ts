/**
 * What the GitHub emulator promises, as a reader would check it against GitHub's documentation:
 * the OAuth web flow, authentication, pagination, conditional requests, rate limits, the
 * codespace life cycle on a fake clock, and the test hooks (faults, request log, reset).
 */
import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './http';
import {
  caseOf,
  approveAuthorization,
  links,
  loadOpenApi,
  must,
  ORIGIN,
  setup,
  setupEach,
  TRANSITION_MS,
  type ApiResponse,
  type BasicError,
  type Codespace,
  type CodespaceExport,
  type CodespaceList,
  type CodespaceState,
  type FullRepository,
  type Harness,
  type Machines,
  type PullRequestSimple,
} from './test-helpers';

const T = TRANSITION_MS;

/** GitHub's error body: a message, a link to the docs, and the status as a string. */
const githubError = (status: number, message?: string | RegExp) => ({
  message: message === undefined ? expect.any(String) : typeof message === 'string' ? message : expect.stringMatching(message),
  documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
  status: String(status),
});

const byName = (name: string) => (cs: Codespace) => cs.name === name;

describe('the OAuth web flow', () => {
  const client = { id: 'hangar-test', secret: 'hangar-test-secret' };
  const redirectUri = 'http://app.test/api/auth/callback/github';
  let h: Harness;

  beforeEach(() => {
    h = setup({ clients: { [client.id]: { secret: client.secret, callbackUrl: redirectUri } } });
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const authorizeQuery = (extra: Record<string, string> = {}) => ({
    client_id: client.id,
    redirect_uri: redirectUri,
    scope: 'codespace read:user',
    state: 'st4te',
    ...extra,
  });

  /** Opens the authorize page and submits its form, as the browser would after a click. */
  function approve(choice: { login: string } | { decision: 'deny' }, query: Record<string, string> = {}) {
    return approveAuthorization(h.web, authorizeQuery(query), choice);
  }

  async function codeFor(query: Record<string, string> = {}, login = 'mona') {
    const response = await approve({ login }, query);
    expect(response.status).toBe(302);
    return must(new URL(must(response.headers.get('location'), 'a Location header')).searchParams.get('code'), 'a code');
  }

  function exchange(fields: Record<string, string>, headers: Record<string, string> = { accept: 'application/json' }) {
    return h.web('/login/oauth/access_token', { method: 'POST', headers: { ...formHeaders, ...headers }, body: form(fields) });
  }

  it('answers 404 to an unknown client_id', async () => {
    const response = await h.web(`/login/oauth/authorize?client_id=nobody&redirect_uri=${encodeURIComponent(redirectUri)}`);
    expect(response.status).toBe(404);
  });

  it('shows an authorize page that offers each demo account, keeping the request parameters', async () => {
    const query = new URLSearchParams({ client_id: client.id, redirect_uri: redirectUri, scope: 'codespace', state: 'st4te' });
    const response = await h.web(`/login/oauth/authorize?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('Sign in as mona');
    expect(page).toContain('Sign in as hubot');
    expect(page).toContain('name="state" value="st4te"');
  });

  it('redirects an approval to redirect_uri with a code and the same state', async () => {
    const response = await approve({ login: 'mona' });
    expect(response.status).toBe(302);
    const location = new URL(must(response.headers.get('location'), 'a Location header'));
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('code')).toMatch(/^\w{10,}$/);
    expect(location.searchParams.get('state')).toBe('st4te');
  });

  it('redirects a refusal with error=access_denied and the same state', async () => {
    const response = await approve({ decision: 'deny' });
    expect(response.status).toBe(302);
    const location = new URL(must(response.headers.get('location'), 'a Location header'));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st4te');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('exchanges a code for a gho_ token, as JSON when the client accepts JSON', async () => {
    const code = await codeFor();
    const response = await exchange({ client_id: client.id, client_secret: client.secret, code, redirect_uri: redirectUri });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      access_token: expect.stringMatching(/^gho_[A-Za-z0-9]{36}$/),
      token_type: 'bearer',
      scope: 'codespace,read:user',
    });
  });

  it('takes client credentials over HTTP Basic too, and answers form-encoded without Accept: json', async () => {
    caseOf('oauth.client-credentials');
    const code = await codeFor();
    const basic = Buffer.from(`${client.id}:${client.secret}`).toString('base64');
    const response = await exchange({ code }, { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    const answer = new URLSearchParams(await response.text());
    expect(answer.get('access_token')).toMatch(/^gho_/);
    expect(answer.get('token_type')).toBe('bearer');
  });

  it('refuses a wrong client secret with incorrect_client_credentials', async () => {
    caseOf('oauth.client-credentials');
    const code = await codeFor();
    const response = await exchange({ client_id: client.id, client_secret: 'wrong', code });
    // GitHub answers token errors with 200 and an error in the body.
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ error: 'incorrect_client_credentials' });
  });

  it('accepts a code once: a reused or unknown code is a bad_verification_code', async () => {
    caseOf('oauth.code');
    const code = await codeFor();
    const credentials = { client_id: client.id, client_secret: client.secret };
    expect(await (await exchange({ ...credentials, code })).json()).toHaveProperty('access_token');
    expect(await (await exchange({ ...credentials, code })).json()).toMatchObject({ error: 'bad_verification_code' });
    expect(await (await exchange({ ...credentials, code: 'not-a-code' })).json()).toMatchObject({ error: 'bad_verification_code' });
  });

  it('checks a PKCE (S256) code_verifier against the code_challenge', async () => {
    caseOf('oauth.pkce');
    const verifier = 'a-verifier-that-is-at-least-forty-three-characters-long-0123';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const credentials = { client_id: client.id, client_secret: client.secret };

    const wrong = await exchange({ ...credentials, code: await codeFor(pkce), code_verifier: `${verifier}x` });
    expect(await wrong.json()).toMatchObject({ error: 'bad_verification_code' });
    const missing = await exchange({ ...credentials, code: await codeFor(pkce) });
    expect(await missing.json()).toMatchObject({ error: 'bad_verification_code' });
    const right = await exchange({ ...credentials, code: await codeFor(pkce), code_verifier: verifier });
    expect(await right.json()).toHaveProperty('access_token');
  });

  it('refuses an exchange naming another redirect_uri than the code’s with redirect_uri_mismatch', async () => {
    caseOf('oauth.redirect-uri');
    const credentials = { client_id: client.id, client_secret: client.secret };
    const code = await codeFor();
    const elsewhere = await exchange({ ...credentials, code, redirect_uri: 'http://evil.test/callback' });
    expect(await elsewhere.json()).toMatchObject({ error: 'redirect_uri_mismatch' });
    expect(await (await exchange({ ...credentials, code, redirect_uri: redirectUri })).json()).toHaveProperty('access_token');
  });

  it('lets a code expire after ten minutes', async () => {
    caseOf('oauth.code');
    const credentials = { client_id: client.id, client_secret: client.secret };
    const code = await codeFor();
    h.clock.advance(10 * 60_000 + 1);
    expect(await (await exchange({ ...credentials, code })).json()).toMatchObject({ error: 'bad_verification_code' });
  });

  it('issues a token that works on the REST API, with its scopes in x-oauth-scopes', async () => {
    caseOf('scopes.headers');
    const code = await codeFor({}, 'hubot');
    const { access_token } = (await (await exchange({ client_id: client.id, client_secret: client.secret, code })).json()) as {
      access_token: string;
    };
    const user = await h.api<{ login: string }>('/user', { token: access_token });
    expect(user.status).toBe(200);
    expect(user.body.login).toBe('hubot');
    expect(user.headers.get('x-oauth-scopes')).toBe('codespace, read:user');
    expect((await h.api('/user/codespaces', { token: access_token })).status).toBe(200);
  });
});

describe('the OAuth web flow’s guards', () => {
  const client = { id: 'hangar-test', secret: 'hangar-test-secret' };
  const callback = 'http://app.test/api/auth/callback/github';
  let h: Harness;

  beforeEach(() => {
    h = setup({
      clients: {
        [client.id]: { secret: client.secret, callbackUrl: callback },
        'loopback-app': { secret: 's', callbackUrl: 'http://127.0.0.1/cb' },
      },
    });
  });

  const query = (redirectUri?: string, id = client.id) => ({
    client_id: id,
    state: 'st4te',
    scope: 'codespace',
    ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
  });
  const location = (response: Response) => new URL(must(response.headers.get('location'), 'a Location header'));

  it('never sends a code to a redirect_uri other than the registered callback: the user lands on the callback with redirect_uri_mismatch', async () => {
    for (const foreign of [
      'https://evil.example/cb',
      'http://app.test.evil.example/api/auth/callback/github',
      'http://app.test/elsewhere',
      'http://app.test:8080/api/auth/callback/github',
      'https://app.test/api/auth/callback/github',
      'javascript:alert(1)',
    ]) {
      // The page itself refuses to show a form for it…
      const page = await h.web(`/login/oauth/authorize?${new URLSearchParams(query(foreign))}`);
      expect(page.status, foreign).toBe(302);
      expect(`${location(page).origin}${location(page).pathname}`).toBe(callback);
      expect(location(page).searchParams.get('error')).toBe('redirect_uri_mismatch');
      expect(location(page).searchParams.get('state')).toBe('st4te');
      expect(location(page).searchParams.has('code')).toBe(false);
    }
    // …and an approval posted for it, with this browser's own form token, gets no code either.
    const page = await h.web(`/login/oauth/authorize?${new URLSearchParams(query(callback))}`);
    const token = must(/name="authenticity_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? null, 'a form token');
    const forged = await h.web('/login/oauth/authorize', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: must(page.headers.get('set-cookie'), 'a cookie').split(';')[0]!,
      },
      body: new URLSearchParams({ ...query('https://evil.example/cb'), authenticity_token: token, login: 'mona' }).toString(),
    });
    expect(forged.status).toBe(302);
    expect(location(forged).origin).toBe('http://app.test');
    expect(location(forged).searchParams.has('code')).toBe(false);
  });

  it('takes a subdirectory or a subdomain of the callback, as GitHub documents, and the callback itself when redirect_uri is left out', async () => {
    for (const allowed of ['http://app.test/api/auth/callback/github/more', 'http://sub.app.test/api/auth/callback/github']) {
      const response = await approveAuthorization(h.web, query(allowed), { login: 'mona' });
      expect(response.status, allowed).toBe(302);
      expect(`${location(response).origin}${location(response).pathname}`).toBe(allowed);
      expect(location(response).searchParams.get('code')).toBeTruthy();
    }
    const defaulted = await approveAuthorization(h.web, query(), { login: 'mona' });
    expect(`${location(defaulted).origin}${location(defaulted).pathname}`).toBe(callback);
    expect(location(defaulted).searchParams.get('code')).toBeTruthy();
  });

  it('lets a loopback callback take any port (GitHub’s loopback redirect URLs), but not another host', async () => {
    const any = await approveAuthorization(h.web, query('http://127.0.0.1:51004/cb', 'loopback-app'), { login: 'mona' });
    expect(location(any).origin).toBe('http://127.0.0.1:51004');
    expect(location(any).searchParams.get('code')).toBeTruthy();
    const other = await h.web(`/login/oauth/authorize?${new URLSearchParams(query('http://192.168.1.2:51004/cb', 'loopback-app'))}`);
    expect(location(other).origin).toBe('http://127.0.0.1');
    expect(location(other).searchParams.get('error')).toBe('redirect_uri_mismatch');
  });

  it('refuses an approval that does not carry the form token this browser was given (CSRF), and gives no code', async () => {
    const fields = { ...query(callback), login: 'mona' };
    const post = (body: Record<string, string>, cookie?: string) =>
      h.web('/login/oauth/authorize', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(body).toString(),
      });
    // Another site's auto-submitting form: no token at all.
    expect((await post(fields)).status).toBe(422);
    // A token the attacker got from the page for their own browser, without this browser's cookie…
    const page = await h.web(`/login/oauth/authorize?${new URLSearchParams(query(callback))}`);
    const token = must(/name="authenticity_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? null, 'a form token');
    const cookie = must(page.headers.get('set-cookie'), 'a cookie');
    expect(cookie).toMatch(/^emulator_oauth_csrf=[\w-]{43}; Path=\/login\/oauth\/authorize; HttpOnly; SameSite=Strict$/);
    expect((await post({ ...fields, authenticity_token: token })).status).toBe(422);
    // …or with another browser's cookie.
    const other = await h.web(`/login/oauth/authorize?${new URLSearchParams(query(callback))}`);
    const otherCookie = must(other.headers.get('set-cookie'), 'a cookie').split(';')[0]!;
    const refused = await post({ ...fields, authenticity_token: token }, otherCookie);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('location')).toBeNull();
    // This browser, its own token: approved.
    const approved = await post({ ...fields, authenticity_token: token }, cookie.split(';')[0]);
    expect(approved.status).toBe(302);
    expect(location(approved).searchParams.get('code')).toBeTruthy();
  });
});

describe('request bodies', () => {
  const h = setupEach();

  it('answers 413 to a body past 1 MiB, declared or streamed, and reads no further', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const declared = await h.api('/user/codespaces', { method: 'POST', body: { repository_id: 1, padding: big } });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual(githubError(413));

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = await h.emulator.handle(
      new Request(`${ORIGIN}/login/oauth/access_token`, { method: 'POST', body: endless, duplex: 'half' } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
    // A body within the bound is read as before.
    expect((await h.api('/user/codespaces/no-such-codespace', { method: 'PATCH', body: { display_name: 'ok' } })).status).toBe(404);
  });
});

describe('authentication', () => {
  const h = setupEach();

  it('answers 401 "Requires authentication" without an Authorization header', async () => {
    caseOf('auth.token');
    const response = await h.api('/user/codespaces', { as: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(githubError(401, 'Requires authentication'));
  });

  it('answers 401 "Bad credentials" to a token it never issued', async () => {
    caseOf('auth.token');
    const response = await h.api('/user', { token: 'gho_000000000000000000000000000000000000' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(githubError(401, 'Bad credentials'));
  });

  it('accepts "Bearer" as well as "token" in the Authorization header', async () => {
    caseOf('auth.token');
    const response = await h.api('/user', { as: null, headers: { authorization: `Bearer ${h.token('mona')}` } });
    expect(response.status).toBe(200);
  });

  it('answers 403 on codespace endpoints to a token without the codespace scope', async () => {
    caseOf('scopes.codespace', 'scopes.headers');
    const token = h.emulator.issueToken('mona', ['read:user']);
    expect((await h.api('/user', { token })).status).toBe(200);
    const response = await h.api('/user/codespaces', { token });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(githubError(403, /codespace/));
    expect(response.headers.get('x-accepted-oauth-scopes')).toBe('codespace');
  });
});

describe('listing codespaces', () => {
  const h = setupEach();

  it('pages through all of mona’s codespaces exactly once by following absolute Link rel="next" URLs', async () => {
    caseOf('pagination.link');
    const seen: string[] = [];
    let url: string | undefined = `${ORIGIN}/api/user/codespaces?per_page=5`;
    let pages = 0;
    let total = 0;
    while (url) {
      expect(url.startsWith(`${ORIGIN}/api/user/codespaces?`)).toBe(true);
      const page: ApiResponse<CodespaceList> = await h.api<CodespaceList>(url);
      expect(page.status).toBe(200);
      expect(page.body.codespaces.length).toBeLessThanOrEqual(5);
      total = page.body.total_count;
      seen.push(...page.body.codespaces.map((c) => c.name));
      url = links(page.headers.get('link')).next;
      pages += 1;
    }
    expect(total).toBeGreaterThanOrEqual(40);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 5));
    expect(new Set(seen)).toEqual(new Set((await h.codespacesOf('mona')).map((c) => c.name)));
  });

  it('sends next and last on the first page, all four in the middle, prev and first on the last', async () => {
    caseOf('pagination.link');
    const first = await h.api<CodespaceList>('/user/codespaces?per_page=5');
    const last = Math.ceil(first.body.total_count / 5);
    expect(Object.keys(links(first.headers.get('link'))).sort()).toEqual(['last', 'next']);
    expect(links(first.headers.get('link')).last).toBe(`${ORIGIN}/api/user/codespaces?per_page=5&page=${last}`);

    const middle = await h.api('/user/codespaces?per_page=5&page=2');
    const rels = links(middle.headers.get('link'));
    expect(Object.keys(rels).sort()).toEqual(['first', 'last', 'next', 'prev']);
    expect(rels.prev).toBe(`${ORIGIN}/api/user/codespaces?per_page=5&page=1`);
    expect(rels.next).toBe(`${ORIGIN}/api/user/codespaces?per_page=5&page=3`);

    const end = await h.api<CodespaceList>(`/user/codespaces?per_page=5&page=${last}`);
    expect(end.body.codespaces.length).toBeGreaterThan(0);
    expect(Object.keys(links(end.headers.get('link'))).sort()).toEqual(['first', 'prev']);
  });

  it('sends no Link header when everything fits on one page', async () => {
    caseOf('pagination.link');
    const response = await h.api<CodespaceList>('/user/codespaces?per_page=100');
    expect(response.body.codespaces).toHaveLength(response.body.total_count);
    expect(response.headers.get('link')).toBeNull();
  });

  it('caps per_page at 100', async () => {
    caseOf('pagination.link');
    const { body: blog } = await h.api<FullRepository>('/repos/mona/blog', { token: h.repoToken() });
    const before = (await h.codespacesOf('mona')).length;
    for (let i = before; i < 110; i++) {
      expect((await h.api('/user/codespaces', { method: 'POST', body: { repository_id: blog.id } })).status).toBe(201);
    }
    const response = await h.api<CodespaceList>('/user/codespaces?per_page=1000');
    expect(response.body.total_count).toBe(110);
    expect(response.body.codespaces).toHaveLength(100);
    expect(links(response.headers.get('link')).next).toBe(`${ORIGIN}/api/user/codespaces?per_page=100&page=2`);
  });

  it('filters by repository_id, and lists a repository’s codespaces under /repos', async () => {
    const { body: repo } = await h.api<FullRepository>('/repos/octo-org/octo-app', { token: h.repoToken() });
    const filtered = await h.api<CodespaceList>(`/user/codespaces?repository_id=${repo.id}&per_page=100`);
    const underRepo = await h.api<CodespaceList>('/repos/octo-org/octo-app/codespaces?per_page=100');
    expect(filtered.body.total_count).toBeGreaterThan(0);
    expect(filtered.body.codespaces.every((c) => c.repository.id === repo.id)).toBe(true);
    expect(underRepo.body.codespaces.map((c) => c.name)).toEqual(filtered.body.codespaces.map((c) => c.name));
  });

  it('gives each user only their own codespaces', async () => {
    caseOf('codespace.owner');
    expect(await h.codespacesOf('hubot')).toHaveLength(4);
    expect(await h.codespacesOf('octocat-new')).toEqual([]);
    expect((await h.codespacesOf('hubot')).every((c) => c.owner.login === 'hubot')).toBe(true);
  });
});

describe('conditional requests', () => {
  const h = setupEach();

  it('sends a weak ETag, and answers a matching If-None-Match with 304, no body and no cost', async () => {
    caseOf('conditional.etag', 'conditional.not-modified', 'conditional.free-304');
    const cs = await h.codespace((c) => c.state === 'Available');
    const first = await h.api(`/user/codespaces/${cs.name}`);
    const etag = must(first.headers.get('etag'), 'an ETag');
    expect(etag).toMatch(/^W\/"[^"]+"$/);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));

    const again = await h.api(`/user/codespaces/${cs.name}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);

    const full = await h.api(`/user/codespaces/${cs.name}`);
    expect(full.status).toBe(200);
    expect(Number(full.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
  });

  it('changes the ETag when the codespace changes, so the old one no longer matches', async () => {
    caseOf('conditional.not-modified');
    const cs = await h.codespace((c) => c.state === 'Available');
    const before = must((await h.api(`/user/codespaces/${cs.name}`)).headers.get('etag'), 'an ETag');
    expect((await h.api(`/user/codespaces/${cs.name}/stop`, { method: 'POST' })).status).toBe(200);
    const after = await h.api<Codespace>(`/user/codespaces/${cs.name}`, { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.body.state).toBe('ShuttingDown');
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('sends on a 304 only the fields that guide caches, and the rate limit: nothing of the representation', async () => {
    caseOf('conditional.304-fields');
    const first = await h.api('/user/codespaces?per_page=2');
    expect(first.headers.get('link')).toContain('rel="next"');
    expect(first.headers.get('x-oauth-scopes')).not.toBeNull();
    const again = await h.api('/user/codespaces?per_page=2', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect([...again.headers.keys()].sort()).toEqual([
      'cache-control',
      'date',
      'etag',
      'vary',
      'x-github-request-id',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'x-ratelimit-resource',
      'x-ratelimit-used',
    ]);
    for (const field of ['etag', 'cache-control', 'vary']) expect(again.headers.get(field), field).toBe(first.headers.get(field));
    expect(new Date(again.headers.get('date')!).getTime()).toBe(h.clock.now - (h.clock.now % 1000));
  });
});

describe('the rate limit', () => {
  it('says where the user stands on every answer: a 200, an error and a 304 alike', async () => {
    caseOf('rate-limit.headers');
    const h = setup({ rateLimit: 10 });
    const ok = await h.api('/user');
    const missing = await h.api('/user/codespaces/no-such-codespace');
    const unchanged = await h.api('/user', { headers: { 'if-none-match': ok.headers.get('etag')! } });
    expect([ok.status, missing.status, unchanged.status]).toEqual([200, 404, 304]);
    const standing = (response: ApiResponse) =>
      Object.fromEntries(
        ['limit', 'remaining', 'used', 'reset', 'resource'].map((part) => [part, response.headers.get(`x-ratelimit-${part}`)]),
      );
    const reset = String(Math.ceil((h.clock.now + 3_600_000) / 1000));
    expect(standing(ok)).toEqual({ limit: '10', remaining: '9', used: '1', reset, resource: 'core' });
    expect(standing(missing)).toEqual({ limit: '10', remaining: '8', used: '2', reset, resource: 'core' });
    expect(standing(unchanged)).toEqual({ limit: '10', remaining: '8', used: '2', reset, resource: 'core' });
  });

  it('answers 403 with x-ratelimit-remaining: 0 once a user has spent it, per user, until the hour resets', async () => {
    caseOf('rate-limit.primary');
    const h = setup({ rateLimit: 3 });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await h.api('/user');
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await h.api<BasicError>('/user');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
    expect(refused.body).toEqual(githubError(403, /rate limit/i));

    expect((await h.api('/user', { as: 'hubot' })).status).toBe(200);
    const resetAt = Number(refused.headers.get('x-ratelimit-reset')) * 1000;
    h.clock.advance(resetAt - h.clock.now);
    expect((await h.api('/user')).status).toBe(200);
  });
});

describe('codespace states', () => {
  const h = setupEach();

  const start = (name: string) => h.api<Codespace>(`/user/codespaces/${name}/start`, { method: 'POST' });
  const stop = (name: string) => h.api<Codespace>(`/user/codespaces/${name}/stop`, { method: 'POST' });
  const get = (name: string) => h.api<Codespace>(`/user/codespaces/${name}`);

  it('covers every state GitHub documents among mona’s codespaces', async () => {
    const documented = loadOpenApi().components.schemas.codespace as { properties: { state: { enum: CodespaceState[] } } };
    const states = new Set((await h.codespacesOf('mona')).map((c) => c.state));
    expect([...states].sort()).toEqual([...documented.properties.state.enum].sort());
  });

  /** `act` on a codespace that is `from`: answered `during` at once, `during` still a moment before the transition time, `after` at it. */
  async function transition(act: typeof start, from: CodespaceState, during: CodespaceState, after: CodespaceState) {
    const cs = await h.codespace((c) => c.state === from);
    const answer = await act(cs.name);
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe(during);
    h.clock.advance(T - 1);
    expect((await get(cs.name)).body.state).toBe(during);
    h.clock.advance(1);
    expect((await get(cs.name)).body.state).toBe(after);
  }

  it('starts a Shutdown codespace: Starting at once, Available after the transition time', async () => {
    caseOf('codespace.start');
    await transition(start, 'Shutdown', 'Starting', 'Available');
  });

  it('stops an Available codespace: ShuttingDown at once, Shutdown after the transition time', async () => {
    caseOf('codespace.stop');
    await transition(stop, 'Available', 'ShuttingDown', 'Shutdown');
  });

  it('refuses to start a codespace that is shutting down with 409', async () => {
    caseOf('codespace.start');
    const cs = await h.codespace((c) => c.state === 'ShuttingDown');
    const response = await start(cs.name);
    expect(response.status).toBe(409);
    expect(response.body).toEqual(githubError(409));
  });

  it('accepts a stop of a Shutdown codespace with 200 and changes nothing', async () => {
    caseOf('codespace.stop');
    const cs = await h.codespace((c) => c.state === 'Shutdown');
    const response = await stop(cs.name);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(cs);
  });

  it('applies a machine change asked for while running at the next start', async () => {
    caseOf('codespace.rename');
    // A running codespace that may move to another machine type (the largest ones have nowhere to go).
    let choice: { cs: Codespace; other: Machines['machines'][number] } | undefined;
    for (const cs of (await h.codespacesOf('mona')).filter((c) => c.state === 'Available')) {
      const { body } = await h.api<Machines>(`/user/codespaces/${cs.name}/machines`);
      const other = body.machines.find((m) => m.name !== cs.machine?.name);
      if (other) choice = { cs, other };
      if (choice) break;
    }
    const { cs, other } = must(choice, 'a running codespace with another machine type available');

    const patched = await h.api<Codespace>(`/user/codespaces/${cs.name}`, { method: 'PATCH', body: { machine: other.name } });
    expect(patched.status).toBe(200);
    expect(patched.body.machine?.name).toBe(cs.machine?.name);

    await stop(cs.name);
    h.clock.advance(T);
    expect((await get(cs.name)).body.machine?.name).toBe(cs.machine?.name);
    const started = await start(cs.name);
    expect(started.body.machine?.name).toBe(other.name);
    expect(started.body.machine?.cpus).toBe(other.cpus);
  });

  it('answers a codespace with an operation pending as GitHub documents it: its reason, Start refused, Delete allowed', async () => {
    const busy = await h.codespace((c) => c.pending_operation === true);
    expect(busy.pending_operation_disabled_reason).toEqual(expect.stringMatching(/\w/));
    expect((await h.codespacesOf('mona')).filter((c) => c.pending_operation !== true).every((c) => c.pending_operation === false)).toBe(
      true,
    );
    const refused = await start(busy.name);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(githubError(409, busy.pending_operation_disabled_reason!));
    expect((await h.api(`/user/codespaces/${busy.name}`, { method: 'DELETE' })).status).toBe(202);
  });

  it('says when an organisation policy set the idle timeout, and why a codespace last stopped until it runs again', async () => {
    const overridden = await h.codespace((c) => Boolean(c.idle_timeout_notice));
    expect(overridden.idle_timeout_notice).toMatch(/idle timeout/);
    const stopped = await h.codespace((c) => Boolean(c.last_known_stop_notice));
    expect(stopped.last_known_stop_notice).toBe('you’ve used 100% of your spending limit for Codespaces');
    expect((await start(stopped.name)).body.last_known_stop_notice).toBeNull();
  });

  it('renames with PATCH display_name, and answers 422 to a name longer than 48 characters', async () => {
    caseOf('codespace.rename');
    const cs = await h.codespace((c) => c.state === 'Shutdown');
    const ok = await h.api<Codespace>(`/user/codespaces/${cs.name}`, { method: 'PATCH', body: { display_name: 'x'.repeat(48) } });
    expect(ok.status).toBe(200);
    expect(ok.body.display_name).toBe('x'.repeat(48));
    const tooLong = await h.api(`/user/codespaces/${cs.name}`, { method: 'PATCH', body: { display_name: 'y'.repeat(49) } });
    expect(tooLong.status).toBe(422);
    expect((await get(cs.name)).body.display_name).toBe('x'.repeat(48));
  });

  it('deletes with 202, after which the codespace is 404', async () => {
    caseOf('codespace.delete');
    const cs = await h.codespace((c) => c.state === 'Shutdown');
    expect((await h.api(`/user/codespaces/${cs.name}`, { method: 'DELETE' })).status).toBe(202);
    const gone = await get(cs.name);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(githubError(404, 'Not Found'));
    expect((await h.codespacesOf('mona')).some(byName(cs.name))).toBe(false);
  });

  it('hides other users’ codespaces behind 404: hubot cannot see, start, stop or delete mona’s', async () => {
    caseOf('codespace.owner');
    const cs = await h.codespace((c) => c.state === 'Shutdown');
    expect((await h.api(`/user/codespaces/${cs.name}`, { as: 'hubot' })).status).toBe(404);
    expect((await h.api(`/user/codespaces/${cs.name}/start`, { as: 'hubot', method: 'POST' })).status).toBe(404);
    expect((await h.api(`/user/codespaces/${cs.name}/stop`, { as: 'hubot', method: 'POST' })).status).toBe(404);
    expect((await h.api(`/user/codespaces/${cs.name}`, { as: 'hubot', method: 'DELETE' })).status).toBe(404);
    expect((await get(cs.name)).body.state).toBe('Shutdown');
  });
});

describe('exporting a codespace', () => {
  const h = setupEach();

  it('exports unpushed work to a branch: 202 in_progress, then succeeded with branch, sha and html_url', async () => {
    caseOf('codespace.export');
    const cs = await h.codespace((c) => c.state === 'Shutdown' && c.git_status.has_unpushed_changes === true);
    const started = await h.api<CodespaceExport>(`/user/codespaces/${cs.name}/exports`, { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'in_progress', completed_at: null, sha: null, id: expect.any(String) });
    expect((await h.api<Codespace>(`/user/codespaces/${cs.name}`)).body.state).toBe('Exporting');

    const exportUrl = `/user/codespaces/${cs.name}/exports/${started.body.id}`;
    expect((await h.api<CodespaceExport>(exportUrl)).body.state).toBe('in_progress');
    h.clock.advance(2 * T);
    const done = await h.api<CodespaceExport>(exportUrl);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'succeeded',
      branch: expect.stringContaining(cs.name),
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      html_url: expect.stringMatching(/\/tree\//),
      completed_at: expect.any(String),
    });
    expect((await h.api<CodespaceExport>(`/user/codespaces/${cs.name}/exports/latest`)).body).toEqual(done.body);

    const after = await h.api<Codespace>(`/user/codespaces/${cs.name}`);
    expect(after.body.state).toBe('Shutdown');
    expect(after.body.git_status.has_unpushed_changes).toBe(false);
  });

  it('answers 404 to an export id it does not know', async () => {
    const cs = await h.codespace((c) => c.state === 'Shutdown');
    expect((await h.api(`/user/codespaces/${cs.name}/exports/123456`)).status).toBe(404);
  });

  it('answers 422 to an export of a codespace that is starting', async () => {
    caseOf('codespace.export');
    const cs = await h.codespace((c) => c.state === 'Starting');
    expect((await h.api(`/user/codespaces/${cs.name}/exports`, { method: 'POST' })).status).toBe(422);
  });
});

describe('creating a codespace', () => {
  let h: Harness;
  let blog: FullRepository;
  beforeEach(async () => {
    h = setup();
    blog = (await h.api<FullRepository>('/repos/mona/blog', { token: h.repoToken() })).body;
  });

  it('answers 201 Queued, which provisions and becomes Available', async () => {
    caseOf('codespace.create');
    const created = await h.api<Codespace>('/user/codespaces', { method: 'POST', body: { repository_id: blog.id } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'Queued', repository: { full_name: 'mona/blog' }, git_status: { ref: 'main' } });
    const states = [created.body.state];
    for (let i = 0; i < 4; i++) {
      h.clock.advance(T / 2);
      states.push((await h.api<Codespace>(`/user/codespaces/${created.body.name}`)).body.state);
    }
    expect(states).toEqual(['Queued', 'Provisioning', 'Provisioning', 'Provisioning', 'Available']);
    expect((await h.codespacesOf('mona')).some(byName(created.body.name))).toBe(true);
  });

  it('answers 202 when the region has to keep trying (SouthEastAsia)', async () => {
    caseOf('codespace.create');
    const created = await h.api<Codespace>('/user/codespaces', {
      method: 'POST',
      body: { repository_id: blog.id, location: 'SouthEastAsia' },
    });
    expect(created.status).toBe(202);
    expect(created.body.location).toBe('SouthEastAsia');
  });

  it('answers 400 to a ref the repository does not have', async () => {
    caseOf('codespace.create');
    const response = await h.api('/user/codespaces', { method: 'POST', body: { repository_id: blog.id, ref: 'no-such-branch' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(githubError(400, /no-such-branch/));
  });

  it('creates from a pull request on its head branch', async () => {
    const { body: pulls } = await h.api<PullRequestSimple[]>('/repos/octo-org/octo-app/pulls', { token: h.repoToken() });
    const pull = must(
      pulls.find((p) => p.number === 1),
      'pull request #1',
    );
    const created = await h.api<Codespace>('/repos/octo-org/octo-app/pulls/1/codespaces', { method: 'POST', body: {} });
    expect(created.status).toBe(201);
    expect(created.body.git_status.ref).toBe(pull.head.ref);
    expect(created.body.pulls_url).toBe(`${ORIGIN}/api/repos/octo-org/octo-app/pulls/1`);
    expect((await h.api('/repos/octo-org/octo-app/pulls/99/codespaces', { method: 'POST', body: {} })).status).toBe(404);
  });

  it('creates under /repos/{owner}/{repo}/codespaces on a chosen branch and machine', async () => {
    const created = await h.api<Codespace>('/repos/mona/blog/codespaces', {
      method: 'POST',
      body: { ref: 'draft/monorepos', machine: 'premiumLinux', display_name: 'Monorepo notes' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      display_name: 'Monorepo notes',
      git_status: { ref: 'draft/monorepos' },
      machine: { name: 'premiumLinux', cpus: 8 },
    });
  });

  it('lists a repository’s dev container configurations', async () => {
    const { status, body } = await h.api<{ total_count: number; devcontainers: { path: string }[] }>(
      '/repos/octo-org/octo-app/codespaces/devcontainers',
    );
    expect(status).toBe(200);
    expect(body.total_count).toBe(2);
    expect(body.devcontainers.map((d) => d.path)).toEqual(['.devcontainer/devcontainer.json', '.devcontainer/e2e/devcontainer.json']);
  });

  it('offers only machines within the repository’s core limit, and refuses others', async () => {
    caseOf('codespace.create');
    const small = await h.api<Machines>('/repos/mona/dotfiles/codespaces/machines');
    expect(small.status).toBe(200);
    expect(small.body.machines.map((m) => m.cpus)).toEqual([2, 4, 8]);
    expect(small.body.total_count).toBe(3);
    const large = await h.api<Machines>('/repos/acme-corp/payments/codespaces/machines');
    expect(Math.max(...large.body.machines.map((m) => m.cpus))).toBe(32);

    const { body: dotfiles } = await h.api<FullRepository>('/repos/mona/dotfiles', { token: h.repoToken() });
    const refused = await h.api('/user/codespaces', { method: 'POST', body: { repository_id: dotfiles.id, machine: 'largePremiumLinux' } });
    expect(refused.status).toBe(400);
  });

  it('gives the defaults for a new codespace, billed to the organisation for its repositories', async () => {
    type New = { billable_owner: { login: string }; defaults: { location: string; devcontainer_path: string | null } };
    const org = await h.api<New>('/repos/octo-org/octo-app/codespaces/new');
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      billable_owner: { login: 'octo-org' },
      defaults: { location: 'WestUs2', devcontainer_path: '.devcontainer/devcontainer.json' },
    });
    const own = await h.api<New>('/repos/mona/dotfiles/codespaces/new');
    expect(own.body).toMatchObject({ billable_owner: { login: 'mona' }, defaults: { devcontainer_path: null } });
  });

  it('checks permissions: acme-corp/payments’ default dev container needs them accepted', async () => {
    const check = (query: string) => h.api<{ accepted: boolean }>(`/repos/acme-corp/payments/codespaces/permissions_check${query}`);
    const needs = await check('?ref=main&devcontainer_path=.devcontainer/devcontainer.json');
    expect(needs.status).toBe(200);
    expect(needs.body).toEqual({ accepted: false });
    expect((await check('?ref=main&devcontainer_path=.devcontainer/gpu/devcontainer.json')).body).toEqual({ accepted: true });
    expect((await check('?ref=main')).status).toBe(422);
    expect((await check('')).status).toBe(422);
    expect((await check('?ref=nope&devcontainer_path=.devcontainer/devcontainer.json')).status).toBe(404);
  });
});

describe('fault injection and the request log', () => {
  let h: Harness;
  let target: Codespace;
  beforeEach(async () => {
    h = setup();
    target = await h.codespace((c) => c.state === 'Shutdown');
  });

  it('fails exactly the next matching request with GitHub’s error shape, then lets the following one through', async () => {
    h.emulator.faults.add({ method: 'POST', path: '^/user/codespaces/.+/start$', status: 502, times: 1 });
    expect(h.emulator.faults.pending()).toHaveLength(1);

    const failed = await h.api(`/user/codespaces/${target.name}/start`, { method: 'POST' });
    expect(failed.status).toBe(502);
    expect(failed.body).toEqual(githubError(502, 'Bad Gateway'));
    expect(h.emulator.faults.pending()).toEqual([]);
    expect((await h.api<Codespace>(`/user/codespaces/${target.name}`)).body.state).toBe('Shutdown');

    const retried = await h.api<Codespace>(`/user/codespaces/${target.name}/start`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('Starting');
  });

  it('leaves requests that do not match the rule alone', async () => {
    h.emulator.faults.add({ method: 'POST', path: '^/user/codespaces/.+/start$', status: 502, times: 1 });
    expect((await h.api(`/user/codespaces/${target.name}/start`)).status).toBe(404); // a GET: no such route, but no fault
    expect((await h.api(`/user/codespaces/${target.name}/stop`, { method: 'POST' })).status).toBe(200);
    expect((await h.api('/user/codespaces')).status).toBe(200);
    expect(h.emulator.faults.pending()).toHaveLength(1);
  });

  it('fails as many times as asked', async () => {
    h.emulator.faults.add({ path: '^/user$', status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.api('/user')).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('delays a matching request by delayMs, and still answers it', async () => {
    h.emulator.faults.add({ path: '^/user$', delayMs: 80 });
    const started = performance.now();
    const response = await h.api('/user');
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    expect(response.status).toBe(200);
  });

  it('logs each request’s method, path without /api, status and login', async () => {
    h.emulator.faults.add({ method: 'POST', path: '^/user/codespaces/.+/start$', status: 502 });
    await h.api('/user/codespaces?per_page=2');
    await h.api(`/user/codespaces/${target.name}/start`, { method: 'POST' });
    await h.api('/user', { as: null });
    const entries = h.emulator.log().slice(-3);
    expect(entries).toEqual([
      { method: 'GET', path: '/user/codespaces?per_page=2', status: 200, login: 'mona', at: expect.any(Number) },
      { method: 'POST', path: `/user/codespaces/${target.name}/start`, status: 502, login: 'mona', at: expect.any(Number) },
      { method: 'GET', path: '/user', status: 401, login: null, at: expect.any(Number) },
    ]);
  });

  describe('over HTTP, with control: true', () => {
    beforeEach(async () => {
      h = setup({ control: true });
      target = await h.codespace((c) => c.state === 'Shutdown');
    });

    it('adds a fault with POST /_emulator/faults (201)', async () => {
      const rule = { method: 'POST', path: '^/user/codespaces/.+/start$', status: 502, times: 1 };
      const added = await h.web('/_emulator/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      });
      expect(added.status).toBe(201);
      expect((await h.api(`/user/codespaces/${target.name}/start`, { method: 'POST' })).status).toBe(502);
      expect((await h.api(`/user/codespaces/${target.name}/start`, { method: 'POST' })).status).toBe(200);
    });

    it('restores the seed with POST /_emulator/reset (204): a deleted codespace comes back', async () => {
      expect((await h.api(`/user/codespaces/${target.name}`, { method: 'DELETE' })).status).toBe(202);
      expect((await h.web('/_emulator/reset', { method: 'POST' })).status).toBe(204);
      const back = await h.api<Codespace>(`/user/codespaces/${target.name}`);
      expect(back.status).toBe(200);
      expect(back.body.state).toBe('Shutdown');
      expect(h.emulator.log().map((e) => e.path)).toEqual([`/user/codespaces/${target.name}`]);
    });

    it('revokes a user’s tokens with DELETE /_emulator/tokens?login= (204), as revoking the app on GitHub does', async () => {
      const monaToken = h.token('mona');
      const hubotToken = h.token('hubot');
      expect((await h.web('/_emulator/tokens?login=mona', { method: 'DELETE' })).status).toBe(204);
      const revoked = await h.api<BasicError>('/user', { token: monaToken });
      expect(revoked.status).toBe(401);
      expect(revoked.body.message).toBe('Bad credentials');
      expect((await h.api('/user', { token: hubotToken })).status).toBe(200);
    });

    it('returns log entries since a time with GET /_emulator/log?since=', async () => {
      await h.api('/user');
      const since = Date.now() + 1;
      while (Date.now() < since) await new Promise((resolve) => setTimeout(resolve, 1));
      await h.api('/user/codespaces?per_page=1');
      const response = await h.web(`/_emulator/log?since=${since}`);
      expect(response.status).toBe(200);
      const { entries } = (await response.json()) as { entries: { path: string; at: number }[] };
      expect(entries.map((e) => e.path)).toEqual(['/user/codespaces?per_page=1']);
      expect(entries.every((e) => e.at >= since)).toBe(true);
    });
  });

  it('has no test hooks without control: true', async () => {
    expect((await h.web('/_emulator/faults', { method: 'POST', body: JSON.stringify({ path: '^/user$', status: 500 }) })).status).toBe(404);
    expect((await h.web('/_emulator/reset', { method: 'POST' })).status).toBe(404);
    expect((await h.web('/_emulator/log')).status).toBe(404);
    expect(h.emulator.faults.pending()).toEqual([]);
    expect((await h.api('/user')).status).toBe(200);
  });
});

describe('publishing a codespace made from a template', () => {
  let h: Harness;
  let template: Codespace;
  beforeAll(async () => {
    h = setup();
    const unpublished = (await h.codespacesOf('mona')).filter((c) => c.publish_url !== null);
    expect(unpublished).toHaveLength(1);
    template = unpublished[0]!;
  });

  it('publishes to a new repository of the user’s (201), once', async () => {
    const published = await h.api<Codespace & { repository: FullRepository }>(`/user/codespaces/${template.name}/publish`, {
      method: 'POST',
      body: { name: 'react-sandbox', private: true },
    });
    expect(published.status).toBe(201);
    expect(published.body.repository).toMatchObject({ full_name: 'mona/react-sandbox', private: true, owner: { login: 'mona' } });
    expect(published.body.publish_url).toBeNull();
    // A private repository: read with the repo scope.
    expect((await h.api<FullRepository>('/repos/mona/react-sandbox', { token: h.repoToken() })).status).toBe(200);
    expect((await h.api<Codespace>(`/user/codespaces/${template.name}`)).body.repository.full_name).toBe('mona/react-sandbox');

    const again = await h.api(`/user/codespaces/${template.name}/publish`, {
      method: 'POST',
      body: { name: 'react-sandbox-2', private: true },
    });
    expect(again.status).toBe(422);
  });

  it('refuses to publish a codespace that already has a repository (422)', async () => {
    const other = await h.codespace((c) => c.publish_url === null && c.state === 'Shutdown');
    expect((await h.api(`/user/codespaces/${other.name}/publish`, { method: 'POST', body: { name: 'anything' } })).status).toBe(422);
  });
});
