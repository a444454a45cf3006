/**
 * A GitHub emulator: github.com's OAuth web flow and api.github.com's Codespaces REST API, in
 * memory, as one `(Request) => Promise<Response>` function. Mounted by Hangar in demo mode, run
 * on its own by `npm run emulator`, and used by tests and benchmarks. It imports nothing from
 * the app, so the two can disagree, and tests find out.
 */
import { randomBytes } from 'node:crypto';
import { errorBody, escapeHtml, etagMatches, etagOf, html, HttpError, reason, requestId, sleep } from './http';
import {
  authorizePage,
  authorizeParams,
  avatarSvg,
  newAccessToken,
  newCode,
  parseScopes,
  redirectWith,
  tokenAnswer,
  tokenRequestFields,
  validRedirect,
  verifyPkce,
  type Grant,
  type TokenInfo,
} from './oauth';
import { addFleet, MAX_FLEET } from './fleet';
import { ACCEPTED_SCOPES, matchRoute, type RestAnswer } from './rest';
import type { Urls } from './render';
import { seedWorld, type World } from './seed';
import { generateOrgFleet, seedOrganisations } from './orgs';

export interface EmulatorOptions {
  /** Path prefix the emulator is served under, e.g. `/emulator`. REST lives at `${mount}/api`. */
  mount?: string;
  /** Public URL of the web side (authorize page, avatars, html_url); default: the request's origin + mount. */
  webUrl?: string;
  /** How long Starting, ShuttingDown and friends last. */
  transitionMs?: number;
  now?: () => number;
  /** OAuth apps: client id → secret. */
  clients?: Record<string, string>;
  /** Serve the test hooks under `${mount}/_emulator/`. */
  control?: boolean;
  /** Requests per user per hour. */
  rateLimit?: number;
}

export interface FaultRule {
  method?: string;
  /** Regular expression tested against the path without mount and `/api`, e.g. `^/user/codespaces$`. */
  path: string;
  status?: number;
  delayMs?: number;
  /** How many matching requests it affects (default 1). */
  times?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LogEntry {
  method: string;
  /** Without mount and `/api`, with the query. */
  path: string;
  status: number;
  login: string | null;
  at: number;
}

export interface Emulator {
  handle(req: Request): Promise<Response>;
  faults: { add(rule: FaultRule): void; clear(): void; pending(): FaultRule[] };
  log(since?: number): LogEntry[];
  reset(): void;
  setTransitionMs(ms: number): void;
  /** A token for `login`, as if it had signed in (for tests and benchmarks). */
  issueToken(login: string, scopes?: string[]): string;
  readonly world: World;
}

const LOG_CAP = 100_000;
const CODE_TTL_MS = 10 * 60_000;
const DEFAULT_SCOPES = ['codespace', 'read:user', 'user:email'];

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const mount = (options.mount ?? '').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const clients = options.clients ?? { 'hangar-demo': 'hangar-demo-secret' };
  const rateLimit = options.rateLimit ?? 5000;
  let transitionMs = options.transitionMs ?? 3000;

  /** The seeded world: people, repositories, codespaces, and the organisations' owners and colleagues. */
  const freshWorld = () => {
    const seeded = seedWorld(now(), transitionMs);
    seedOrganisations(seeded, now());
    return seeded;
  };
  let world = freshWorld();
  let tokens = new Map<string, TokenInfo>();
  let grants = new Map<string, Grant>();
  let limits = new Map<string, { used: number; resetAt: number }>();
  let faults: (FaultRule & { remaining: number; regex: RegExp })[] = [];
  let entries: LogEntry[] = [];

  const urlsFor = (url: URL): Urls => ({
    api: `${url.origin}${mount}/api`,
    web: (options.webUrl ?? `${url.origin}${mount}`).replace(/\/+$/, ''),
  });

  /** Applies every scheduled state change that is due: state moves lazily, when someone looks. */
  function settle(at: number) {
    for (const cs of world.codespaces.values()) {
      while (cs.schedule.length && cs.schedule[0]!.at <= at) {
        const next = cs.schedule.shift()!;
        cs.state = next.state;
        cs.updatedAt = next.at;
      }
      for (const ex of cs.exports) {
        if (!ex.applied && ex.doneAt <= at) {
          ex.applied = true;
          // The export pushed everything to its branch: nothing is at risk any more.
          cs.git = { ref: ex.branch, ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false };
        }
      }
    }
  }

  function rateState(login: string) {
    const t = now();
    let state = limits.get(login);
    if (!state || state.resetAt <= t) {
      state = { used: 0, resetAt: t + 3_600_000 };
      limits.set(login, state);
    }
    return state;
  }

  function rateHeaders(login: string | null): Record<string, string> {
    if (!login) return {};
    const state = rateState(login);
    return {
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': String(Math.max(0, rateLimit - state.used)),
      'x-ratelimit-reset': String(Math.ceil(state.resetAt / 1000)),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-resource': 'core',
    };
  }

  function json(status: number, body: unknown, headers: Record<string, string> = {}) {
    return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': requestId(),
        vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
        ...headers,
      },
    });
  }

  function bearer(req: Request) {
    const match = req.headers.get('authorization')?.match(/^(?:token|bearer)\s+(\S+)$/i);
    return match?.[1] ?? null;
  }

  async function rest(req: Request, url: URL, path: string, who: { login: string | null }): Promise<Response> {
    const token = bearer(req);
    if (!token) return json(401, errorBody(401, 'Requires authentication'));
    const info = tokens.get(token);
    const user = info && world.users.get(info.login);
    if (!info || !user) return json(401, errorBody(401, 'Bad credentials'));
    who.login = user.login;

    const limit = rateState(user.login);
    const scopeHeaders = { 'x-oauth-scopes': info.scopes.join(', '), 'x-oauth-client-id': 'hangar-demo' };
    if (limit.used >= rateLimit) {
      return json(403, errorBody(403, `API rate limit exceeded for user ID ${user.id}.`), { ...rateHeaders(user.login), ...scopeHeaders });
    }

    const matched = matchRoute(req.method, path);
    const t = now();
    settle(t);
    let answer: RestAnswer;
    try {
      if (!matched) throw new HttpError(404, 'Not Found');
      const needs = matched.route.scope;
      const hasScope = !needs || info.scopes.includes(needs) || (needs === 'user:email' && info.scopes.includes('user'));
      if (!hasScope) {
        throw needs === 'user:email'
          ? new HttpError(404, 'Not Found')
          : new HttpError(403, `This endpoint needs the "${needs}" scope; the token has: ${info.scopes.join(', ') || 'none'}.`);
      }
      answer = await matched.route.handler(
        { world, urls: urlsFor(url), url, req, user, scopes: info.scopes, now: t, transitionMs },
        matched.params,
      );
      if (needs) answer.acceptedScopes ??= ACCEPTED_SCOPES[needs];
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      answer = { status: error.status, body: errorBody(error.status, error.message, error.extra) };
      // GitHub names the scopes an endpoint accepts on its errors too (most usefully on a missing scope).
      const needs = matched?.route.scope;
      if (needs) answer.acceptedScopes = ACCEPTED_SCOPES[needs];
    }

    const body = JSON.stringify(answer.body);
    const headers: Record<string, string> = { ...scopeHeaders };
    if (answer.acceptedScopes) headers['x-accepted-oauth-scopes'] = answer.acceptedScopes;
    if (answer.link) headers.link = answer.link;
    if (req.method === 'GET' && answer.status === 200) {
      const etag = etagOf(body);
      headers.etag = etag;
      headers['cache-control'] = 'private, max-age=60, s-maxage=60';
      // A conditional request that matches costs nothing against the rate limit, as on GitHub.
      if (etagMatches(req.headers.get('if-none-match'), etag)) {
        return new Response(null, { status: 304, headers: { ...headers, ...rateHeaders(user.login), 'x-github-request-id': requestId() } });
      }
    }
    limit.used += 1;
    return new Response(body, {
      status: answer.status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': requestId(),
        vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
        ...rateHeaders(user.login),
        ...headers,
      },
    });
  }

  async function web(req: Request, url: URL, path: string, who: { login: string | null }): Promise<Response> {
    const urls = urlsFor(url);
    if (path === '/login/oauth/authorize') {
      const params = req.method === 'POST' ? new URLSearchParams(await req.text()) : url.searchParams;
      const p = authorizeParams(params);
      const appName = clients[p.clientId] !== undefined ? 'Hangar' : null;
      if (!appName) return html(page('Unknown application', 'No OAuth application has this client_id.'), 404);
      if (!validRedirect(p.redirectUri)) return html(page('Bad redirect', 'The redirect_uri is missing or is not an http(s) URL.'), 400);
      if (req.method === 'GET') {
        return authorizePage({
          action: `${url.pathname}`,
          appName,
          params,
          users: [...world.users.values()].filter((u) => u.listed !== false),
          avatar: (login) => `${urls.web}/avatars/${login}.svg`,
        });
      }
      if (req.method !== 'POST') return html(page('Not found', ''), 404);
      if (params.get('decision') === 'deny') {
        return redirectWith(p.redirectUri, {
          error: 'access_denied',
          error_description: 'The user has denied your application access.',
          state: p.state,
        });
      }
      const login = params.get('login') ?? '';
      if (!world.users.has(login)) return html(page('Unknown account', 'Choose one of the demo accounts.'), 400);
      who.login = login;
      const code = newCode();
      grants.set(code, {
        login,
        clientId: p.clientId,
        redirectUri: p.redirectUri,
        scopes: parseScopes(p.scope),
        expiresAt: now() + CODE_TTL_MS,
        codeChallenge: p.codeChallenge,
      });
      return redirectWith(p.redirectUri, { code, state: p.state });
    }

    if (path === '/login/oauth/access_token' && req.method === 'POST') {
      const f = await tokenRequestFields(req);
      const accept = req.headers.get('accept');
      const error = (code: string, description: string) =>
        tokenAnswer(accept, { error: code, error_description: description, error_uri: 'https://docs.github.com/apps/oauth' });
      if (!f.client_id || clients[f.client_id] === undefined || clients[f.client_id] !== f.client_secret) {
        return error('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
      }
      const grant = f.code ? grants.get(f.code) : undefined;
      if (!grant || grant.expiresAt < now() || grant.clientId !== f.client_id) {
        return error('bad_verification_code', 'The code passed is incorrect or expired.');
      }
      if (f.redirect_uri && f.redirect_uri !== grant.redirectUri) {
        return error('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.');
      }
      if (!verifyPkce(grant.codeChallenge, f.code_verifier ?? null))
        return error('bad_verification_code', 'The code_verifier does not match.');
      grants.delete(f.code!);
      who.login = grant.login;
      const token = newAccessToken();
      tokens.set(token, { login: grant.login, scopes: grant.scopes });
      return tokenAnswer(accept, { access_token: token, token_type: 'bearer', scope: grant.scopes.join(',') });
    }

    const avatar = /^\/avatars\/([A-Za-z0-9-]{1,39})\.svg$/.exec(path);
    if (avatar && req.method === 'GET') {
      return new Response(avatarSvg(avatar[1]!), {
        headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
      });
    }

    const codespacePage = /^\/codespaces\/([A-Za-z0-9._-]+)$/.exec(path);
    if (codespacePage && req.method === 'GET') {
      const cs = world.codespaces.get(codespacePage[1]!);
      if (!cs) return html(page('Codespace not found', 'It may have been deleted.'), 404);
      return html(
        page(
          `${cs.displayName}`,
          `On GitHub, this link opens the codespace ${cs.name} in VS Code for the Web. The emulator has no editor to show.`,
        ),
      );
    }

    if (req.method === 'GET' && path !== '/') {
      return html(page('GitHub emulator', `In demo mode there is no github.com: this link would open ${path} there.`), 404);
    }
    return html(page('GitHub emulator', 'OAuth lives under /login/oauth/, the REST API under /api/.'), path === '/' ? 200 : 404);
  }

  function page(title: string, text: string) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · GitHub emulator</title>
<style>:root{color-scheme:light dark;font-family:system-ui,sans-serif}body{display:grid;place-items:center;min-height:90vh}main{max-width:32rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
  }

  function takeFault(method: string, path: string) {
    const index = faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && f.regex.test(path));
    if (index < 0) return null;
    const fault = faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  function pendingFaults(): FaultRule[] {
    return faults.map((f) => ({
      method: f.method,
      path: f.path,
      status: f.status,
      delayMs: f.delayMs,
      times: f.remaining,
      body: f.body,
      headers: f.headers,
    }));
  }

  function addFault(rule: FaultRule) {
    const regex = new RegExp(rule.path);
    faults.push({ ...rule, regex, remaining: rule.times ?? 1 });
  }

  async function control(req: Request, url: URL, path: string): Promise<Response> {
    const body = async () => {
      try {
        return (await req.json()) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    switch (`${req.method} ${path}`) {
      case 'POST /_emulator/reset':
        reset();
        return new Response(null, { status: 204 });
      case 'POST /_emulator/faults': {
        const rule = (await body()) as unknown as FaultRule;
        if (typeof rule.path !== 'string') return json(400, { message: 'path (a regular expression) is required' });
        try {
          addFault(rule);
        } catch {
          return json(400, { message: 'path is not a valid regular expression' });
        }
        return json(201, { pending: faults.length });
      }
      case 'DELETE /_emulator/faults':
        faults = [];
        return new Response(null, { status: 204 });
      case 'GET /_emulator/faults':
        return json(200, { faults: pendingFaults() });
      case 'GET /_emulator/log':
        return json(200, { entries: log(Number(url.searchParams.get('since')) || 0) });
      case 'POST /_emulator/settings': {
        const settings = await body();
        if (typeof settings.transitionMs === 'number' && settings.transitionMs >= 0) transitionMs = settings.transitionMs;
        return new Response(null, { status: 204 });
      }
      case 'GET /_emulator/tokens':
        return json(200, { tokens: [...tokens.keys()] });
      case 'POST /_emulator/tokens': {
        const { login, scopes } = await body();
        if (typeof login !== 'string' || !world.users.has(login)) return json(404, { message: 'No such demo user' });
        return json(201, { token: issueToken(login, Array.isArray(scopes) ? scopes.map(String) : undefined) });
      }
      case 'POST /_emulator/org-fleet': {
        // A large organisation for performance checks: { org, codespaces, members }.
        const { org, codespaces, members } = await body();
        const count = Number(codespaces);
        const people = Number(members);
        if (typeof org !== 'string' || !world.orgs.has(org)) return json(404, { message: 'No such organisation' });
        if (!Number.isInteger(count) || count < 0 || count > 20_000 || !Number.isInteger(people) || people < 1 || people > 5_000) {
          return json(400, { message: 'codespaces (0–20,000) and members (1–5,000) must be whole numbers' });
        }
        generateOrgFleet(world, now(), org, count, people);
        return json(201, { org, codespaces: count, members: people });
      }
      case 'DELETE /_emulator/tokens': {
        // As when a user revokes the app on github.com: every token (of `login`, if given) stops working.
        const login = url.searchParams.get('login');
        for (const [token, info] of tokens) if (!login || info.login === login) tokens.delete(token);
        return new Response(null, { status: 204 });
      }
      case 'POST /_emulator/fleet': {
        // A large fleet for one user (created if new), for benchmarks and scale tests.
        const { login, count } = await body();
        if (typeof login !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login))
          return json(400, { message: 'login is required' });
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_FLEET) {
          return json(400, { message: `count must be a whole number from 1 to ${MAX_FLEET}` });
        }
        return json(201, addFleet(world, now(), { login, count }));
      }
      default:
        return json(404, { message: 'Not Found' });
    }
  }

  function log(since = 0) {
    return entries.filter((e) => e.at >= since);
  }

  function reset() {
    world = freshWorld();
    tokens = new Map();
    grants = new Map();
    limits = new Map();
    faults = [];
    entries = [];
  }

  function issueToken(login: string, scopes = DEFAULT_SCOPES) {
    if (!world.users.has(login)) throw new Error(`No demo user ${login}`);
    const token = newAccessToken();
    tokens.set(token, { login, scopes });
    return token;
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname !== mount && !url.pathname.startsWith(`${mount}/`)) return json(404, errorBody(404));
    const path = url.pathname.slice(mount.length) || '/';
    if (path.startsWith('/_emulator/')) return options.control ? control(req, url, path) : json(404, errorBody(404));

    const isRest = path === '/api' || path.startsWith('/api/');
    const logical = isRest ? path.slice(4) || '/' : path;
    const who = { login: null as string | null };
    let response: Response;
    const fault = takeFault(req.method, logical);
    if (fault?.delayMs) await sleep(fault.delayMs, req.signal);
    if (fault?.status) {
      const token = bearer(req);
      who.login = (token && tokens.get(token)?.login) ?? null;
      response = json(fault.status, fault.body ?? errorBody(fault.status, reason(fault.status)), {
        ...rateHeaders(who.login),
        ...fault.headers,
      });
    } else {
      try {
        response = isRest ? await rest(req, url, logical, who) : await web(req, url, path, who);
      } catch (error) {
        // A bug in the emulator answers like GitHub's own trouble, and says so in the log.
        console.error('[emulator]', error);
        response = json(500, errorBody(500, `Emulator error: ${(error as Error).message}`));
      }
    }
    entries.push({ method: req.method, path: `${logical}${url.search}`, status: response.status, login: who.login, at: Date.now() });
    if (entries.length > LOG_CAP) entries = entries.slice(-LOG_CAP / 2);
    return response;
  }

  return {
    handle,
    faults: { add: addFault, clear: () => (faults = []), pending: pendingFaults },
    log,
    reset,
    setTransitionMs: (ms) => (transitionMs = ms),
    issueToken,
    get world() {
      return world;
    },
  };
}

/** Random secrets for standalone use. */
export const randomSecret = () => randomBytes(24).toString('base64url');
