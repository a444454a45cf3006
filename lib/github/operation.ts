import type { paths } from '@octokit/openapi-types';

/**
 * What a GitHub operation is: its method and GitHub's route template, typed from GitHub's OpenAPI
 * description (`@octokit/openapi-types`), so the route must exist with that method and every
 * call's parameters, query, body and answer are GitHub's own types. Each slice declares its own
 * (lib/<feature>/operations.ts, with `op`); lib/operations holds their union, the proxy's allowlist.
 *
 * Browser-safe and tiny on purpose: the schemas (zod) stay on the server.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type LowerMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type GithubRoute = keyof paths;

export interface Operation<R extends GithubRoute = GithubRoute, M extends LowerMethod = LowerMethod> {
  readonly method: Uppercase<M>;
  /** GitHub's route template, e.g. `/user/codespaces/{codespace_name}/start`. */
  readonly route: R;
}

/** An operation only if GitHub's description has this method on this route. */
export function op<R extends GithubRoute, M extends LowerMethod & keyof paths[R]>(method: M, route: R): Operation<R, M> {
  return { method: method.toUpperCase() as Uppercase<M>, route };
}

// ---------- GitHub's types for each operation ----------

type OperationObject<O> = O extends Operation<infer R, infer M> ? (M extends keyof paths[R] ? paths[R][M] : never) : never;
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;
type Parameters<O> = OperationObject<O> extends { parameters: infer P } ? P : never;

/** The JSON GitHub answers a successful call with (undefined for 204). */
export type ResponseOf<O> = OperationObject<O> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;
/** Path parameters, e.g. `{ codespace_name: string }`. */
export type PathParamsOf<O> = Parameters<O> extends { path: infer P } ? P : Record<string, never>;
/** Query parameters, all optional unless GitHub requires them. */
export type QueryOf<O> = Parameters<O> extends { query?: infer Q } ? NonNullable<Q> : Record<string, never>;
/** The JSON body, for operations that take one. */
export type BodyOf<O> =
  OperationObject<O> extends { requestBody?: infer B }
    ? JsonOf<NonNullable<B>> extends undefined
      ? never
      : JsonOf<NonNullable<B>>
    : never;

// ---------- paths ----------

type ParamValue = string | number;

/** GitHub's path for an operation, each parameter percent-encoded: `/user/codespaces/fluffy-x/start`. */
export function expandRoute(route: string, params: Record<string, ParamValue> = {}): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter ${name} for ${route}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string for a call (leading `?`, or empty), keys sorted, undefined values left out. */
export function queryString(query: Record<string, ParamValue | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
