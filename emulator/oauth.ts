/**
 * GitHub's OAuth web flow: the authorize page (here: pick a demo user and approve) and the
 * code-for-token exchange, with GitHub's parameter names and error answers.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { escapeHtml, html } from './http';
import type { UserRecord } from './model';
import type { ClientApp, EmulatorState } from './state';
import { newCode, type ExpiringTokens } from './tokens';

/** GitHub accepts scopes separated by spaces or commas. */
function parseScopes(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? '').split(/[\s,]+/).filter(Boolean))];
}

function authorizeParams(params: URLSearchParams) {
  return {
    clientId: params.get('client_id') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    scope: params.get('scope') ?? '',
    state: params.get('state') ?? '',
    codeChallenge: params.get('code_challenge'),
    codeChallengeMethod: params.get('code_challenge_method'),
  };
}

/** The app's registered callback URL, absolute (a registered path is on the origin the emulator was asked at). */
function callbackOf(client: ClientApp, requestOrigin: string): URL {
  return new URL(client.callbackUrl, requestOrigin);
}

const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);
const isIpLiteral = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');

/**
 * Whether `redirectUri` may receive a code for an app whose callback URL is `callback`, by
 * GitHub's rules (docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps,
 * "Redirect URLs" and "Loopback redirect urls"): the same scheme; the callback's host or one of
 * its subdomains; the same port, except that a loopback IP callback takes any port; and the
 * callback's path or a subdirectory of it. Anything else would hand the code to someone else.
 */
function redirectMatches(redirectUri: string, callback: URL): boolean {
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return false;
  }
  if (target.protocol !== callback.protocol || target.username || target.password) return false;
  const host = target.hostname;
  const sameHost = host === callback.hostname || (!isIpLiteral(callback.hostname) && host.endsWith(`.${callback.hostname}`));
  if (!sameHost) return false;
  if (target.port !== callback.port && !(LOOPBACK_IPS.has(callback.hostname) && host === callback.hostname)) return false;
  const base = callback.pathname.replace(/\/+$/, '');
  return target.pathname === callback.pathname || target.pathname === base || target.pathname.startsWith(`${base}/`);
}

function redirectWith(uri: string, params: Record<string, string>) {
  const target = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value) target.searchParams.set(key, value);
  return new Response(null, { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } });
}

function verifyPkce(challenge: string | null, verifier: string | null) {
  if (!challenge) return true;
  if (!verifier) return false;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

const SCOPE_WORDS: Record<string, string> = {
  codespace: 'Create, manage and delete your codespaces',
  'codespace:secrets': 'Create, read, update and delete your codespace secrets',
  repo: 'Full control of your private repositories, including their settings and secrets',
  'read:user': 'Read your profile',
  'user:email': 'Read your e-mail addresses',
  'admin:org': 'Manage your organisations, including their codespaces',
  'read:org': 'Read organisation membership',
};

function authorizePage(options: {
  action: string;
  appName: string;
  params: URLSearchParams;
  users: UserRecord[];
  avatar: (login: string) => string;
  /** This browser's CSRF token (github.com's form field name). */
  authenticityToken: string;
  headers?: Record<string, string>;
}) {
  const { action, appName, params, users, avatar, authenticityToken } = options;
  const fields = [...params.entries()].filter(([key]) => key !== 'login' && key !== 'decision' && key !== 'authenticity_token');
  const hidden = [...fields, ['authenticity_token', authenticityToken]]
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key!)}" value="${escapeHtml(value!)}">`)
    .join('');
  const scopes = parseScopes(params.get('scope'))
    .map((s) => `<li><code>${escapeHtml(s)}</code> ${escapeHtml(SCOPE_WORDS[s] ?? '')}</li>`)
    .join('');
  const choices = users
    .map(
      (u) => `<li><button type="submit" name="login" value="${escapeHtml(u.login)}">
        <img src="${escapeHtml(avatar(u.login))}" alt="" width="32" height="32">
        <span><strong>Sign in as ${escapeHtml(u.login)}</strong><small>${escapeHtml(u.name)}</small></span></button></li>`,
    )
    .join('');
  return html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorize ${escapeHtml(appName)} · GitHub emulator</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; display: grid; place-items: center; min-height: 100vh; }
  main { width: min(28rem, 92vw); border: 1px solid color-mix(in srgb, CanvasText 18%, transparent); border-radius: 12px; padding: 1.5rem; }
  h1 { font-size: 1.15rem; margin: 0 0 .25rem; } p { margin: .25rem 0 1rem; opacity: .8; font-size: .9rem; }
  ul { list-style: none; padding: 0; margin: 0 0 1rem; } li { margin: .35rem 0; font-size: .875rem; }
  code { font-size: .8rem; padding: .05rem .3rem; border-radius: 4px; background: color-mix(in srgb, CanvasText 8%, transparent); }
  button { width: 100%; display: flex; gap: .75rem; align-items: center; text-align: left; padding: .6rem .75rem; border-radius: 8px; cursor: pointer;
    border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); background: color-mix(in srgb, CanvasText 3%, Canvas); color: inherit; font: inherit; }
  button:hover, button:focus-visible { border-color: #2f81f7; outline: 2px solid #2f81f7; outline-offset: 1px; }
  button span { display: flex; flex-direction: column; } small { opacity: .7; }
  img { border-radius: 50%; } .deny { justify-content: center; background: transparent; }
  .banner { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; opacity: .65; margin-bottom: .75rem; }
</style></head>
<body><main>
  <div class="banner">GitHub emulator · demo mode</div>
  <h1>Authorize ${escapeHtml(appName)}</h1>
  <p>${escapeHtml(appName)} asks for these permissions:</p>
  <ul>${scopes || '<li>Public information only</li>'}</ul>
  <form method="post" action="${escapeHtml(action)}">${hidden}
    <p>Choose a demo account:</p>
    <ul>${choices}</ul>
    <button class="deny" type="submit" name="decision" value="deny">Cancel</button>
  </form>
</main></body></html>`,
    200,
    options.headers,
  );
}

/** The token endpoint answers JSON or a form, as the client's Accept asks. */
function tokenAnswer(accept: string | null, body: Record<string, string | number>) {
  if (accept?.includes('json')) {
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const form = new URLSearchParams(Object.entries(body).map(([key, value]) => [key, String(value)]));
  return new Response(form.toString(), {
    status: 200,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** Reads client credentials and fields from a form or JSON body, the query, or HTTP Basic. */
async function tokenRequestFields(req: Request): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) fields[k] = v;
  const type = req.headers.get('content-type') ?? '';
  const text = await req.text();
  if (type.includes('json')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') fields[k] = v;
    } catch {
      /* answered as a bad request by the caller: no code */
    }
  } else {
    for (const [k, v] of new URLSearchParams(text)) fields[k] = v;
  }
  const basic = req.headers.get('authorization')?.match(/^Basic\s+(.+)$/i);
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    if (id) fields.client_id ??= decodeURIComponent(id);
    if (secret !== undefined) fields.client_secret ??= decodeURIComponent(secret);
  }
  return fields;
}

/** A recognisable avatar per account: initials on a colour derived from the login. */
export function avatarSvg(login: string) {
  let hash = 0;
  for (const c of login) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const initials = login
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue} 55% 45%)"/><text x="32" y="41" font-family="system-ui, sans-serif" font-size="26" font-weight="600" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`;
}

/**
 * github.com's OAuth web flow: the authorize page (GET shows it, POST is the user's decision) and
 * the code-for-token exchange. Null for any other path.
 */
export async function handleOAuth(
  state: EmulatorState,
  req: Request,
  url: URL,
  path: string,
  who: { login: string | null },
): Promise<Response | null> {
  if (path === '/login/oauth/authorize') return authorize(state, req, url, who);
  if (path === '/login/oauth/access_token' && req.method === 'POST') return exchangeCode(state, req, who);
  return null;
}

/** The cookie that binds the authorize form to the browser it was shown to (double-submit). */
const CSRF_COOKIE = 'emulator_oauth_csrf';

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The authorize page (GET) and the user's decision (POST). The redirect_uri must fit the app's
 * registered callback URL; one that does not is never redirected to: like GitHub
 * (docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors,
 * "Redirect URI mismatch"), the user goes to the registered callback with `redirect_uri_mismatch`.
 * Without one, the registered callback is used. The decision must carry the CSRF token of the
 * page this browser was shown (RFC 6749 §10.12: the authorization endpoint protects against
 * CSRF), so another site cannot approve on the user's behalf.
 */
async function authorize(state: EmulatorState, req: Request, url: URL, who: { login: string | null }): Promise<Response> {
  const urls = state.urlsFor(url);
  const params = req.method === 'POST' ? new URLSearchParams(await req.text()) : url.searchParams;
  const p = authorizeParams(params);
  const client = state.clients[p.clientId];
  if (!client) return html(emulatorPage('Unknown application', 'No OAuth application has this client_id.'), 404);
  const callback = callbackOf(client, url.origin);
  const redirectUri = p.redirectUri || callback.href;
  if (!redirectMatches(redirectUri, callback)) {
    return redirectWith(callback.href, {
      error: 'redirect_uri_mismatch',
      error_description: 'The redirect_uri MUST match the registered callback URL for this application.',
      error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch',
      state: p.state,
    });
  }
  if (req.method === 'GET') {
    // One token per browser, kept while it lasts, so two tabs signing in at once both work.
    const token = cookieValue(req, CSRF_COOKIE) ?? '';
    const authenticityToken = /^[A-Za-z0-9_-]{43}$/.test(token) ? token : randomBytes(32).toString('base64url');
    const secure = url.protocol === 'https:' ? '; Secure' : '';
    return authorizePage({
      action: `${url.pathname}`,
      appName: 'Hangar',
      params,
      users: [...state.world.users.values()].filter((u) => u.listed !== false),
      avatar: (login) => `${urls.web}/avatars/${login}.svg`,
      authenticityToken,
      headers: { 'set-cookie': `${CSRF_COOKIE}=${authenticityToken}; Path=${url.pathname}; HttpOnly; SameSite=Strict${secure}` },
    });
  }
  if (req.method !== 'POST') return html(emulatorPage('Not found', ''), 404);
  const expected = cookieValue(req, CSRF_COOKIE);
  const given = params.get('authenticity_token');
  if (!expected || !given || !sameToken(expected, given)) {
    return html(
      emulatorPage('This request could not be verified', 'Open the sign-in page again from the application, and choose an account there.'),
      422,
    );
  }
  if (params.get('decision') === 'deny') {
    return redirectWith(redirectUri, {
      error: 'access_denied',
      error_description: 'The user has denied your application access.',
      state: p.state,
    });
  }
  const login = params.get('login') ?? '';
  if (!state.world.users.has(login)) return html(emulatorPage('Unknown account', 'Choose one of the demo accounts.'), 400);
  who.login = login;
  const code = newCode();
  state.tokens.grant(code, {
    login,
    clientId: p.clientId,
    redirectUri,
    scopes: parseScopes(p.scope),
    codeChallenge: p.codeChallenge,
  });
  return redirectWith(redirectUri, { code, state: p.state });
}

async function exchangeCode(state: EmulatorState, req: Request, who: { login: string | null }): Promise<Response> {
  const f = await tokenRequestFields(req);
  const accept = req.headers.get('accept');
  const error = (code: string, description: string, uri = 'https://docs.github.com/apps/oauth') =>
    tokenAnswer(accept, { error: code, error_description: description, error_uri: uri });
  const client = f.client_id ? state.clients[f.client_id] : undefined;
  if (!f.client_id || !client || client.secret !== f.client_secret) {
    return error('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
  }
  if (f.grant_type === 'refresh_token') return refreshGrant(state, f.client_id, f.refresh_token, accept, who);

  const grant = state.tokens.peekGrant(f.code);
  if (!grant || grant.clientId !== f.client_id) return error('bad_verification_code', 'The code passed is incorrect or expired.');
  if (f.redirect_uri && f.redirect_uri !== grant.redirectUri) {
    return error('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.');
  }
  if (!verifyPkce(grant.codeChallenge, f.code_verifier ?? null)) return error('bad_verification_code', 'The code_verifier does not match.');
  state.tokens.spendGrant(f.code!);
  who.login = grant.login;
  if (client.expiring) {
    // A GitHub App: its permissions, not the scope asked for, decide what the token may do, and
    // GitHub answers an empty scope.
    return tokenAnswer(accept, expiringAnswer(state.tokens.issueExpiring(grant.login, APP_PERMISSIONS, f.client_id, client.expiring)));
  }
  const token = state.tokens.issue(grant.login, grant.scopes, f.client_id);
  return tokenAnswer(accept, { access_token: token, token_type: 'bearer', scope: grant.scopes.join(',') });
}

/**
 * What a GitHub App may do on a user's behalf, in the scopes the REST operations check: the
 * Codespaces permissions, the user's profile and e-mail, and organisation administration.
 */
const APP_PERMISSIONS = ['codespace', 'read:user', 'user:email', 'admin:org'];

function expiringAnswer(tokens: ExpiringTokens): Record<string, string | number> {
  return {
    access_token: tokens.accessToken,
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    refresh_token_expires_in: tokens.refreshTokenExpiresIn,
    scope: '',
    token_type: 'bearer',
  };
}

/** `grant_type=refresh_token`: a GitHub App renews a user token; each refresh token works once. */
function refreshGrant(
  state: EmulatorState,
  clientId: string,
  refreshToken: string | undefined,
  accept: string | null,
  who: { login: string | null },
): Response {
  const renewed = refreshToken ? state.tokens.refresh(clientId, refreshToken) : undefined;
  if (!renewed) {
    return tokenAnswer(accept, {
      error: 'bad_refresh_token',
      error_description: 'The refresh token passed is incorrect or expired.',
      error_uri:
        'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-refresh-token',
    });
  }
  who.login = state.tokens.get(renewed.accessToken)?.login ?? null;
  return tokenAnswer(accept, expiringAnswer(renewed));
}

/** A plain page of the emulator's own (github.com's pages that have no API). */
export function emulatorPage(title: string, text: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · GitHub emulator</title>
<style>:root{color-scheme:light dark;font-family:system-ui,sans-serif}body{display:grid;place-items:center;min-height:90vh}main{max-width:32rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
