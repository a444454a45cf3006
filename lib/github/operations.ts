import type { paths } from '@octokit/openapi-types';

/**
 * Every GitHub operation Hangar uses, defined once: its method and GitHub's route template, typed
 * from GitHub's OpenAPI description (`@octokit/openapi-types`), so the route must exist with that
 * method and every call's parameters, query, body and answer are GitHub's own types.
 *
 * From these entries come the proxy's allowlist (lib/github/allowlist.ts adds each one's input
 * schemas; the type checker refuses an operation without them), the browser's typed functions
 * (lib/api/*), and the server's reads for first paints (lib/github/server-transport.ts). No
 * other file spells a GitHub path.
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
function op<R extends GithubRoute, M extends LowerMethod & keyof paths[R]>(method: M, route: R): Operation<R, M> {
  return { method: method.toUpperCase() as Uppercase<M>, route };
}

export const operations = {
  // The signed-in user's codespaces
  listMyCodespaces: op('get', '/user/codespaces'),
  createMyCodespace: op('post', '/user/codespaces'),
  getMyCodespace: op('get', '/user/codespaces/{codespace_name}'),
  updateMyCodespace: op('patch', '/user/codespaces/{codespace_name}'),
  deleteMyCodespace: op('delete', '/user/codespaces/{codespace_name}'),
  startMyCodespace: op('post', '/user/codespaces/{codespace_name}/start'),
  stopMyCodespace: op('post', '/user/codespaces/{codespace_name}/stop'),
  listMachinesForMyCodespace: op('get', '/user/codespaces/{codespace_name}/machines'),
  exportMyCodespace: op('post', '/user/codespaces/{codespace_name}/exports'),
  getMyCodespaceExport: op('get', '/user/codespaces/{codespace_name}/exports/{export_id}'),
  publishMyCodespace: op('post', '/user/codespaces/{codespace_name}/publish'),

  // The user, and what they can create codespaces from
  getMe: op('get', '/user'),
  listMyRepositories: op('get', '/user/repos'),
  getRepository: op('get', '/repos/{owner}/{repo}'),
  listBranches: op('get', '/repos/{owner}/{repo}/branches'),
  listPullRequests: op('get', '/repos/{owner}/{repo}/pulls'),
  getPullRequest: op('get', '/repos/{owner}/{repo}/pulls/{pull_number}'),

  // Codespaces of a repository
  listMyCodespacesInRepository: op('get', '/repos/{owner}/{repo}/codespaces'),
  createCodespaceInRepository: op('post', '/repos/{owner}/{repo}/codespaces'),
  listDevcontainers: op('get', '/repos/{owner}/{repo}/codespaces/devcontainers'),
  listRepositoryMachines: op('get', '/repos/{owner}/{repo}/codespaces/machines'),
  getCodespaceDefaults: op('get', '/repos/{owner}/{repo}/codespaces/new'),
  checkDevcontainerPermissions: op('get', '/repos/{owner}/{repo}/codespaces/permissions_check'),
  createCodespaceFromPullRequest: op('post', '/repos/{owner}/{repo}/pulls/{pull_number}/codespaces'),

  // Organisations, for their owners (GitHub requires admin rights and the admin:org scope)
  listMyOrganizations: op('get', '/user/orgs'),
  listOrgCodespaces: op('get', '/orgs/{org}/codespaces'),
  listMemberCodespaces: op('get', '/orgs/{org}/members/{username}/codespaces'),
  stopMemberCodespace: op('post', '/orgs/{org}/members/{username}/codespaces/{codespace_name}/stop'),
  deleteMemberCodespace: op('delete', '/orgs/{org}/members/{username}/codespaces/{codespace_name}'),
  getOrgBillingUsage: op('get', '/organizations/{org}/settings/billing/usage'),
  listOrgMembers: op('get', '/orgs/{org}/members'),
  listOrgRepositories: op('get', '/orgs/{org}/repos'),

  // The signed-in user's own billing, where GitHub's current billing platform has it
  getMyBillingUsage: op('get', '/users/{username}/settings/billing/usage'),
  getMyBillingUsageSummary: op('get', '/users/{username}/settings/billing/usage/summary'),

  // Codespaces secrets: the user's, a repository's (its administrators), an organisation's (its owners)
  listMySecrets: op('get', '/user/codespaces/secrets'),
  getMySecretsPublicKey: op('get', '/user/codespaces/secrets/public-key'),
  getMySecret: op('get', '/user/codespaces/secrets/{secret_name}'),
  putMySecret: op('put', '/user/codespaces/secrets/{secret_name}'),
  deleteMySecret: op('delete', '/user/codespaces/secrets/{secret_name}'),
  listMySecretRepositories: op('get', '/user/codespaces/secrets/{secret_name}/repositories'),
  setMySecretRepositories: op('put', '/user/codespaces/secrets/{secret_name}/repositories'),
  addMySecretRepository: op('put', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
  removeMySecretRepository: op('delete', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
  listRepositorySecrets: op('get', '/repos/{owner}/{repo}/codespaces/secrets'),
  getRepositorySecretsPublicKey: op('get', '/repos/{owner}/{repo}/codespaces/secrets/public-key'),
  getRepositorySecret: op('get', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),
  putRepositorySecret: op('put', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),
  deleteRepositorySecret: op('delete', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),
  listOrgSecrets: op('get', '/orgs/{org}/codespaces/secrets'),
  getOrgSecretsPublicKey: op('get', '/orgs/{org}/codespaces/secrets/public-key'),
  getOrgSecret: op('get', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  putOrgSecret: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  deleteOrgSecret: op('delete', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  listOrgSecretRepositories: op('get', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories'),
  setOrgSecretRepositories: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories'),
  addOrgSecretRepository: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
  removeOrgSecretRepository: op('delete', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}'),

  // Who may use Codespaces billed to an organisation (its owners)
  setCodespacesAccess: op('put', '/orgs/{org}/codespaces/access'),
  addCodespacesAccessUsers: op('post', '/orgs/{org}/codespaces/access/selected_users'),
  removeCodespacesAccessUsers: op('delete', '/orgs/{org}/codespaces/access/selected_users'),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

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
