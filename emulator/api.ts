/**
 * The REST API's route table and what a handler gets. Handlers register here (rest.ts, orgs.ts);
 * dispatch.ts finds the route for a request and runs it.
 */
import type { InstallationGrant } from './github-apps';
import type { UserRecord } from './model';
import type { Urls } from './render';
import { Router } from './router';
import type { World } from './seed';

export interface RestContext {
  world: World;
  urls: Urls;
  url: URL;
  req: Request;
  user: UserRecord;
  scopes: string[];
  /** `oauth`: an OAuth App's token, whose scopes decide; `app`: a GitHub App's user token, whose permissions do. */
  tokenKind: 'oauth' | 'app' | 'installation';
  now: number;
  transitionMs: number;
  /** Set when a GitHub App's installation token makes the request: the app acts on this organisation. */
  installation?: InstallationGrant;
}

export interface RestAnswer {
  status: number;
  body: unknown;
  link?: string | null;
  /** Scopes this endpoint accepts, sent as `x-accepted-oauth-scopes`. */
  acceptedScopes?: string;
  /** More headers GitHub sends with this answer (e.g. `x-github-sso`); a 304 leaves them out (dispatch.ts). */
  headers?: Record<string, string>;
}

/** The OAuth scope an endpoint needs; `null` for none beyond a valid token. */
export type Scope = 'codespace' | 'codespace:secrets' | 'user:email' | 'repo' | 'admin:org' | null;

type Handler = (ctx: RestContext, params: Record<string, string>) => Promise<RestAnswer> | RestAnswer;

export interface RestRoute {
  method: string;
  template: string;
  scope: Scope;
  handler: Handler;
}

/**
 * A check GitHub makes before an operation runs, whatever the operation: an organisation's SAML
 * single sign-on, its OAuth App restrictions, a GitHub App's permissions. An answer refuses the
 * request; null lets it through. Registered with `guard()`, asked in order by dispatch.ts.
 */
export type Guard = (ctx: RestContext, route: { method: string; template: string }, params: Record<string, string>) => RestAnswer | null;

export const guards: Guard[] = [];

export function guard(check: Guard) {
  guards.push(check);
}

/**
 * The token scopes that satisfy each scope an endpoint needs, as GitHub sends them in
 * `x-accepted-oauth-scopes`: a broader scope includes its narrower one (`codespace` holds
 * `codespace:secrets`, `user` holds `user:email`).
 */
const SATISFIED_BY: Record<NonNullable<Scope>, readonly string[]> = {
  codespace: ['codespace'],
  'codespace:secrets': ['codespace', 'codespace:secrets'],
  'user:email': ['user', 'user:email'],
  repo: ['repo'],
  'admin:org': ['admin:org'],
};

export const ACCEPTED_SCOPES = Object.fromEntries(
  Object.entries(SATISFIED_BY).map(([scope, accepted]) => [scope, accepted.join(', ')]),
) as Record<NonNullable<Scope>, string>;

export function hasScope(scopes: readonly string[], needs: Scope) {
  return !needs || SATISFIED_BY[needs].some((scope) => scopes.includes(scope));
}

export const restRoutes = new Router<RestRoute>();

/** Registers one operation: `route('GET', '/user/codespaces/{codespace_name}', 'codespace', handler)`. */
export function route(method: string, template: string, scope: Scope, handler: Handler) {
  restRoutes.add(method, template, { method, template, scope, handler });
}

export const ok = (body: unknown, extra: Partial<RestAnswer> = {}): RestAnswer => ({ status: 200, body, ...extra });
