import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

test('the access token never reaches the browser: not in responses, cookies or storage', async ({ page, request }) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    // The emulator's own pages are GitHub's, not Hangar's; everything Hangar serves is checked.
    if (response.url().includes('/emulator/')) return;
    seen.push(JSON.stringify(await response.allHeaders()));
    try {
      seen.push(await response.text());
    } catch {
      // Redirects have no body.
    }
  });

  await signIn(page, 'mona');
  const name = await page.locator('[role="row"][data-codespace]').first().getAttribute('data-codespace');
  await page.goto(`/codespaces/${name}`);
  await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
  await page.goto('/api/auth/session');

  const tokens = await emulator.tokens(request);
  expect(tokens.length).toBeGreaterThan(0);
  const cookies = await page.context().cookies();
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  for (const token of tokens) {
    for (const text of seen) expect(text).not.toContain(token);
    expect(storage).not.toContain(token);
    for (const cookie of cookies) expect(cookie.value).not.toContain(token);
  }
  const session = cookies.find((c) => c.name.includes('session-token'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
});

test('without a session the proxy answers 401 and calls nobody', async ({ playwright, request }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const since = Date.now();
  const response = await anonymous.get('/api/github/user/codespaces');
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ message: expect.any(String), status: 401 });

  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged' },
  });
  expect((await forged.get('/api/github/user/codespaces')).status()).toBe(401);
  expect(await emulator.log(request, since)).toEqual([]);
});

test('a mutation from a foreign Origin is refused with 403 and never reaches GitHub', async ({ page, request }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const available = codespaces.find((c: { state: string }) => c.state === 'Available');
  const since = Date.now();

  for (const origin of ['https://evil.example', 'null', `${baseURL}.evil.example`, 'http://127.0.0.1:1']) {
    const response = await page.request.post(`/api/github/user/codespaces/${available.name}/stop`, { headers: { origin } });
    expect(response.status(), origin).toBe(403);
  }
  // No Origin at all is refused too.
  const bare = await page.request.fetch(`/api/github/user/codespaces/${available.name}/stop`, { method: 'POST', headers: { origin: '' } });
  expect(bare.status()).toBe(403);

  expect((await emulator.log(request, since)).filter((e) => e.method === 'POST')).toEqual([]);
  const after = await (await page.request.get(`/api/github/user/codespaces/${available.name}`)).json();
  expect(after.state).toBe('Available');
});

test('paths outside the allowlist, or with traversal or encoded slashes, are refused without calling GitHub', async ({ page, request }) => {
  await signIn(page, 'mona');
  // The list page goes on reading after its first paint (costs, later pages): let it finish and
  // leave it, so the log below holds only what the refused paths could have caused.
  await page.waitForLoadState('networkidle');
  await page.goto('about:blank');
  const since = Date.now();
  for (const path of [
    '/api/github/user/keys',
    '/api/github/user/codespaces/..%2F..%2Fuser%2Fkeys',
    '/api/github/user/codespaces/a%2Fb/start',
    '/api/github/user/codespaces/%2e%2e/keys',
    '/api/github/repos/octo-org/web/contents/README.md',
    '/api/github/user/codespaces?per_page=1000',
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect([400, 404, 308], path).toContain(response.status());
  }
  expect(await emulator.log(request, since)).toEqual([]);
});

test('two people signed in from two browsers never see each other’s codespaces', async ({ browser, request }) => {
  const monaContext = await browser.newContext();
  const hubotContext = await browser.newContext();
  const mona = await monaContext.newPage();
  const hubot = await hubotContext.newPage();
  await signIn(mona, 'mona');
  await signIn(hubot, 'hubot');

  const listOf = async (page: typeof mona) =>
    (await (await page.request.get('/api/github/user/codespaces?per_page=100')).json()).codespaces as {
      name: string;
      owner: { login: string };
    }[];
  const monas = await listOf(mona);
  const hubots = await listOf(hubot);
  expect(monas.every((c) => c.owner.login === 'mona')).toBe(true);
  expect(hubots.every((c) => c.owner.login === 'hubot')).toBe(true);

  // Asked for by name, someone else's codespace does not exist, and cannot be stopped.
  const theirs = monas[0]!.name;
  expect((await hubot.request.get(`/api/github/user/codespaces/${theirs}`)).status()).toBe(404);
  const stop = await hubot.request.post(`/api/github/user/codespaces/${theirs}/stop`, { headers: { origin: baseURL } });
  expect(stop.status()).toBe(404);
  await expect(hubot.locator('body')).not.toContainText(theirs);

  // Both keep working side by side, each as themselves.
  await mona.reload();
  await expect(mona.getByRole('button', { name: 'Account: mona' })).toBeVisible();
  await expect(mona.locator(`[role="row"][data-codespace="${hubots[0]!.name}"]`)).toHaveCount(0);
  expect((await emulator.log(request)).filter((e) => e.path.includes(theirs) && e.login === 'hubot').every((e) => e.status === 404)).toBe(
    true,
  );
  await monaContext.close();
  await hubotContext.close();
});

test('every page carries the security headers, with a nonce-based CSP and no unsafe-eval (WebAssembly may compile)', async ({ page }) => {
  for (const path of ['/', '/api/health', '/codespaces/new']) {
    const response = await page.request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval';/);
    // 'wasm-unsafe-eval' lets libsodium's WebAssembly compile (secret values are sealed in the browser); no script may eval.
    expect(csp, path).not.toContain("'unsafe-eval'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    // Served over plain http on loopback: no HSTS here (lib/security-headers.test.ts covers https).
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
  // Next's own inline scripts carry the page's nonce, so the CSP does not break the app.
  await page.goto('/');
  const csp = (await (await page.request.get('/')).headers())['content-security-policy'];
  expect(csp).toBeTruthy();
  const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.every((nonce) => Boolean(nonce))).toBe(true);
});

test('the health check answers without a session and tells nothing about users or configuration', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), mode: 'demo', github: { reachable: true } });
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['set-cookie']).toBeUndefined();
});

test('the health check asks GitHub at most once per 30 seconds, however often it is asked', async ({ playwright, request }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const since = Date.now();
  for (let i = 0; i < 12; i++) expect((await anonymous.get('/api/health')).status()).toBe(200);
  const asked = (await emulator.log(request, since)).filter((entry) => entry.method === 'GET' && entry.path === '/');
  expect(asked.length).toBeLessThanOrEqual(1);
});

test('a sign-in sent JSON that is not JSON is refused with a 4xx in Hangar’s words, not a server error', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of ['/api/auth/signin/github', '/api/auth/signout', '/api/auth/callback/github']) {
    // A Buffer goes as it is (a string would be JSON-encoded, into valid JSON).
    const response = await anonymous.post(path, {
      headers: { 'content-type': 'application/json' },
      data: Buffer.from('{"csrfToken":'),
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toEqual({ message: 'Body is not a JSON object', status: 400 });
  }
});

test('the demo’s authorize page sends a code only to Hangar’s own callback, and only for a form this browser was shown', async ({
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const authorize = (query: Record<string, string>) => `/emulator/login/oauth/authorize?${new URLSearchParams(query)}`;

  // A foreign redirect_uri: back to the registered callback with an error, never to the other site.
  const foreign = await anonymous.get(authorize({ client_id: 'hangar-demo', redirect_uri: 'https://evil.example/cb', state: 's' }), {
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(302);
  const location = new URL(foreign.headers()['location']!);
  expect(`${location.origin}${location.pathname}`).toBe(`${baseURL}/api/auth/callback/github`);
  expect(location.searchParams.get('error')).toBe('redirect_uri_mismatch');
  expect(location.searchParams.has('code')).toBe(false);

  // Another site's form posting an approval, without the page's token: refused, and no code.
  const forged = await anonymous.post('/emulator/login/oauth/authorize', {
    form: { client_id: 'hangar-demo', redirect_uri: `${baseURL}/api/auth/callback/github`, state: 's', login: 'mona' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(422);
  expect(forged.headers()['location']).toBeUndefined();
});

test('the demo’s emulator answers 413 to a body past its bound, instead of reading it all', async ({ playwright, request }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.post('/emulator/api/user/codespaces', {
    headers: { 'content-type': 'application/json' },
    data: `{"padding":"${'x'.repeat(2 * 1024 * 1024)}"}`,
  });
  expect(response.status()).toBe(413);
  expect((await emulator.log(request)).filter((e) => e.status === 413)).toHaveLength(1);
});
