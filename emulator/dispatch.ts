/**
 * api.github.com's request handling around every operation: the token, the rate limit, the scope
 * the operation needs, and the ETag that makes an unchanged GET a free 304.
 */
import { ACCEPTED_SCOPES, guards, hasScope, restRoutes, type RestAnswer, type RestContext } from './api';
import { errorBody, etagMatches, etagOf, githubHeaders, HttpError, jsonAnswer, JsonText, requestId, VARY } from './http';
import { handleApplications } from './applications';
import { appRoutes, handleAppRoute, installationRefusal } from './installations';
import type { EmulatorState, SurfaceHandler } from './state';
// Importing these registers their operations in the route table.
import './rest';
import './orgs';
import './secrets';
import './access';
import './billing';
import './refusals';
import './future';

export function bearer(req: Request): string | null {
  const match = req.headers.get('authorization')?.match(/^(?:token|bearer)\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/** GitHub's caching directive on a user's JSON answers. */
const CACHE_CONTROL = 'private, max-age=60, s-maxage=60';

/**
 * A 304's headers, as RFC 9110 §15.4.5 asks: the fields a 200 would have sent that guide caches
 * (`ETag`, `Cache-Control`, `Date`, `Vary`), and nothing else of the representation: no `Link`,
 * no `X-GitHub-SSO`, no `Content-Type`. A client keeps those from the 200 it stored (RFC 9111
 * §4.3.4). GitHub adds its rate-limit figures and the request's id, as on every answer.
 */
function notModifiedHeaders(etag: string, rateLimit: Record<string, string>, now: number): Record<string, string> {
  return {
    etag,
    'cache-control': CACHE_CONTROL,
    date: new Date(now).toUTCString(),
    vary: VARY,
    ...rateLimit,
    'x-github-request-id': requestId(),
  };
}

/** The bot account of the app an installation belongs to. */
function botOf(state: EmulatorState, installationId: number) {
  const installation = state.installations.get(installationId);
  return installation && state.apps.get(installation.appId)?.bot;
}

export const handleRest: SurfaceHandler = async (state, req, url, path, who) => {
  // The OAuth Apps API authenticates the app (Basic, client id and secret), not a user.
  if (path.startsWith('/applications/')) return handleApplications(state, req, path, who);
  const token = bearer(req);
  // A GitHub App's own endpoints authenticate the app, with its JWT (installations.ts).
  const appEndpoint = appRoutes.match(req.method, path);
  if (appEndpoint) return handleAppRoute(state, req, url, appEndpoint, token, who);
  if (!token) return jsonAnswer(401, errorBody(401, 'Requires authentication'));
  const info = state.tokens.get(token);
  // An installation token acts as its app's bot, which is no user of the world.
  const installation = info?.installation;
  const user = info && (installation ? botOf(state, installation.installationId) : state.world.users.get(info.login));
  if (!info || !user) return jsonAnswer(401, errorBody(401, 'Bad credentials'));
  who.login = user.login;

  // A GitHub App's tokens have the app's permissions, not OAuth scopes: GitHub sends no scope headers.
  const scopeHeaders: Record<string, string> =
    info.kind !== 'oauth' ? {} : { 'x-oauth-scopes': info.scopes.join(', '), 'x-oauth-client-id': info.clientId ?? 'hangar-demo' };
  if (state.rateLimits.exhausted(user.login)) {
    return jsonAnswer(403, errorBody(403, `API rate limit exceeded for user ID ${user.id}.`), {
      ...state.rateLimits.headers(user.login),
      ...scopeHeaders,
    });
  }

  const matched = restRoutes.match(req.method, path);
  const now = state.now();
  state.settle(now);
  const needs = matched?.entry.scope ?? null;
  let answer: RestAnswer;
  try {
    if (!matched) throw new HttpError(404, 'Not Found');
    if (installation) {
      // The installation's permissions decide, not scopes.
      const refused = installationRefusal(installation, req.method, matched.entry.template, matched.params);
      if (refused) throw refused;
    } else if (!hasScope(info.scopes, needs)) {
      if (info.kind === 'app') throw new HttpError(403, 'Resource not accessible by integration');
      throw needs === 'user:email'
        ? new HttpError(404, 'Not Found')
        : new HttpError(403, `This endpoint needs the "${needs}" scope; the token has: ${info.scopes.join(', ') || 'none'}.`);
    }
    const ctx: RestContext = {
      world: state.world,
      urls: state.urlsFor(url),
      url,
      req,
      user,
      scopes: info.scopes,
      tokenKind: info.kind,
      now,
      transitionMs: state.transitionMs,
      installation,
    };
    let refused: RestAnswer | null = null;
    for (const check of guards) if ((refused = check(ctx, matched.entry, matched.params))) break;
    answer = refused ?? (await matched.entry.handler(ctx, matched.params));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    answer = { status: error.status, body: errorBody(error.status, error.message, error.extra), headers: error.headers };
  }
  // GitHub names the scopes an endpoint accepts, on its errors too (most usefully on a missing scope).
  if (needs && !installation) answer.acceptedScopes ??= ACCEPTED_SCOPES[needs];

  // 204 No Content: no body, and so no content type.
  const body = answer.status === 204 ? null : answer.body instanceof JsonText ? answer.body.text : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...scopeHeaders, ...answer.headers };
  if (answer.acceptedScopes && info.kind === 'oauth') headers['x-accepted-oauth-scopes'] = answer.acceptedScopes;
  if (answer.link) headers.link = answer.link;
  if (req.method === 'GET' && answer.status === 200 && body !== null) {
    const etag = etagOf(body);
    headers.etag = etag;
    headers['cache-control'] = CACHE_CONTROL;
    // A conditional request that matches costs nothing against the rate limit, as on GitHub.
    if (etagMatches(req.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: notModifiedHeaders(etag, state.rateLimits.headers(user.login), now) });
    }
  }
  state.rateLimits.window(user.login).used += 1;
  const sent = githubHeaders({ ...state.rateLimits.headers(user.login), ...headers });
  if (body === null) delete sent['content-type'];
  return new Response(body, { status: answer.status, headers: sent });
};
