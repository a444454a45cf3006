import { z } from 'zod';
import {
  codespaceName,
  createForUserBody,
  createFromPullRequestBody,
  createInRepositoryBody,
  emptyBody,
  exportId,
  gitRef,
  devcontainerPath,
  location,
  ownerName,
  publishCodespaceBody,
  repoName,
  updateCodespaceBody,
} from '@/lib/codespaces/schemas';

/**
 * The proxy's allowlist: the only GitHub operations the browser can reach through
 * `/api/github/...`. Each entry validates path parameters, query and body before anything
 * goes upstream. Pure (no I/O), so it is unit tested on its own.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Operation {
  method: HttpMethod;
  /** GitHub's route template, e.g. `/user/codespaces/{codespace_name}/start`. */
  route: string;
  params: z.ZodType<Record<string, string | number>>;
  query: z.ZodType<Record<string, string | number | undefined>>;
  /** Absent for GET and DELETE: any body is refused. */
  body?: z.ZodType;
}

/** A decimal query number in [min, max], refusing forms like `1e3` or `0x10` that Number() accepts. */
const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'Expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const pageQuery = { per_page: queryInt(1, 100).optional(), page: queryInt(1, 1_000_000).optional() };
const noQuery = z.strictObject({});
const positiveInt = queryInt(1, Number.MAX_SAFE_INTEGER);

const codespaceParams = z.strictObject({ codespace_name: codespaceName });
const repoParams = z.strictObject({ owner: ownerName, repo: repoName });
const orgParams = z.strictObject({ org: ownerName });
const memberCodespaceParams = z.strictObject({ org: ownerName, username: ownerName, codespace_name: codespaceName });

export const operations: readonly Operation[] = [
  // Codespaces of the signed-in user
  {
    method: 'GET',
    route: '/user/codespaces',
    params: noQuery,
    query: z.strictObject({ ...pageQuery, repository_id: positiveInt.optional() }),
  },
  { method: 'POST', route: '/user/codespaces', params: noQuery, query: noQuery, body: createForUserBody },
  { method: 'GET', route: '/user/codespaces/{codespace_name}', params: codespaceParams, query: noQuery },
  {
    method: 'PATCH',
    route: '/user/codespaces/{codespace_name}',
    params: codespaceParams,
    query: noQuery,
    body: updateCodespaceBody,
  },
  { method: 'DELETE', route: '/user/codespaces/{codespace_name}', params: codespaceParams, query: noQuery },
  { method: 'POST', route: '/user/codespaces/{codespace_name}/start', params: codespaceParams, query: noQuery, body: emptyBody },
  { method: 'POST', route: '/user/codespaces/{codespace_name}/stop', params: codespaceParams, query: noQuery, body: emptyBody },
  { method: 'GET', route: '/user/codespaces/{codespace_name}/machines', params: codespaceParams, query: noQuery },
  { method: 'POST', route: '/user/codespaces/{codespace_name}/exports', params: codespaceParams, query: noQuery, body: emptyBody },
  {
    method: 'GET',
    route: '/user/codespaces/{codespace_name}/exports/{export_id}',
    params: z.strictObject({ codespace_name: codespaceName, export_id: exportId }),
    query: noQuery,
  },
  {
    method: 'POST',
    route: '/user/codespaces/{codespace_name}/publish',
    params: codespaceParams,
    query: noQuery,
    body: publishCodespaceBody,
  },

  // The user and what they can create codespaces from
  { method: 'GET', route: '/user', params: noQuery, query: noQuery },
  {
    method: 'GET',
    route: '/user/repos',
    params: noQuery,
    query: z.strictObject({
      ...pageQuery,
      sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional(),
      direction: z.enum(['asc', 'desc']).optional(),
      affiliation: z
        .string()
        .regex(/^(owner|collaborator|organization_member)(,(owner|collaborator|organization_member))*$/)
        .optional(),
      visibility: z.enum(['all', 'public', 'private']).optional(),
    }),
  },
  { method: 'GET', route: '/repos/{owner}/{repo}', params: repoParams, query: noQuery },
  { method: 'GET', route: '/repos/{owner}/{repo}/branches', params: repoParams, query: z.strictObject({ ...pageQuery }) },
  {
    method: 'GET',
    route: '/repos/{owner}/{repo}/pulls',
    params: repoParams,
    query: z.strictObject({
      ...pageQuery,
      state: z.enum(['open', 'closed', 'all']).optional(),
      sort: z.enum(['created', 'updated', 'popularity', 'long-running']).optional(),
      direction: z.enum(['asc', 'desc']).optional(),
    }),
  },

  // Codespaces of a repository
  { method: 'GET', route: '/repos/{owner}/{repo}/codespaces', params: repoParams, query: z.strictObject({ ...pageQuery }) },
  { method: 'POST', route: '/repos/{owner}/{repo}/codespaces', params: repoParams, query: noQuery, body: createInRepositoryBody },
  {
    method: 'GET',
    route: '/repos/{owner}/{repo}/codespaces/devcontainers',
    params: repoParams,
    query: z.strictObject({ ...pageQuery }),
  },
  {
    method: 'GET',
    route: '/repos/{owner}/{repo}/codespaces/machines',
    params: repoParams,
    query: z.strictObject({ location: location.optional(), client_ip: z.ipv4().optional(), ref: gitRef.optional() }),
  },
  {
    method: 'GET',
    route: '/repos/{owner}/{repo}/codespaces/new',
    params: repoParams,
    query: z.strictObject({ ref: gitRef.optional(), client_ip: z.ipv4().optional() }),
  },
  {
    method: 'GET',
    route: '/repos/{owner}/{repo}/codespaces/permissions_check',
    params: repoParams,
    query: z.strictObject({ ref: gitRef, devcontainer_path: devcontainerPath }),
  },
  {
    method: 'POST',
    route: '/repos/{owner}/{repo}/pulls/{pull_number}/codespaces',
    params: z.strictObject({ owner: ownerName, repo: repoName, pull_number: positiveInt }),
    query: noQuery,
    body: createFromPullRequestBody,
  },

  // Organisations, for their admins (GitHub requires the admin:org scope and admin rights)
  { method: 'GET', route: '/user/orgs', params: noQuery, query: z.strictObject({ ...pageQuery }) },
  { method: 'GET', route: '/orgs/{org}/codespaces', params: orgParams, query: z.strictObject({ ...pageQuery }) },
  {
    method: 'GET',
    route: '/orgs/{org}/members/{username}/codespaces',
    params: z.strictObject({ org: ownerName, username: ownerName }),
    query: z.strictObject({ ...pageQuery }),
  },
  {
    method: 'POST',
    route: '/orgs/{org}/members/{username}/codespaces/{codespace_name}/stop',
    params: memberCodespaceParams,
    query: noQuery,
    body: emptyBody,
  },
  { method: 'DELETE', route: '/orgs/{org}/members/{username}/codespaces/{codespace_name}', params: memberCodespaceParams, query: noQuery },
  {
    method: 'GET',
    route: '/organizations/{org}/settings/billing/usage',
    params: orgParams,
    query: z.strictObject({
      year: queryInt(2000, 2100).optional(),
      month: queryInt(1, 12).optional(),
      day: queryInt(1, 31).optional(),
      hour: queryInt(0, 23).optional(),
    }),
  },
];

export type Rejection = { status: 400 | 404; message: string };

export interface MatchedOperation {
  operation: Operation;
  params: Record<string, string | number>;
  query: Record<string, string | number>;
}

/** One raw path segment: plain URL-safe characters only. Anything percent-encoded is refused
 * outright, so `%2F`, `%2e%2e` or encoded unicode can never become a different path upstream. */
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Matches a raw (undecoded) GitHub path and its query against the allowlist.
 * Returns the operation with validated parameters, or why it is refused.
 */
export function matchOperation(method: string, rawPath: string, search: URLSearchParams): MatchedOperation | Rejection {
  const segments = rawPath.replace(/^\/+/, '').split('/');
  if (rawPath === '' || rawPath === '/') return { status: 404, message: 'Not Found' };
  for (const segment of segments) {
    if (!SAFE_SEGMENT.test(segment) || segment === '.' || segment === '..') {
      return { status: 400, message: 'Invalid path' };
    }
  }

  let pathMatched = false;
  for (const operation of operations) {
    const captured = matchRoute(operation.route, segments);
    if (!captured) continue;
    pathMatched = true;
    if (operation.method !== method) continue;

    const params = operation.params.safeParse(captured);
    if (!params.success) return { status: 400, message: `Invalid path parameter: ${firstIssue(params.error)}` };

    const rawQuery: Record<string, string> = {};
    for (const key of new Set(search.keys())) {
      const values = search.getAll(key);
      if (values.length > 1) return { status: 400, message: `Query parameter "${key}" given more than once` };
      rawQuery[key] = values[0] ?? '';
    }
    const query = operation.query.safeParse(rawQuery);
    if (!query.success) return { status: 400, message: `Invalid query: ${firstIssue(query.error)}` };

    return {
      operation,
      params: params.data,
      query: Object.fromEntries(Object.entries(query.data).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    };
  }
  // GitHub answers 404 for a known path with another method; so does the proxy.
  return { status: 404, message: pathMatched ? 'Not Found (method not allowed here)' : 'Not Found' };
}

function matchRoute(route: string, segments: string[]): Record<string, string> | null {
  const parts = route.slice(1).split('/');
  if (parts.length !== segments.length) return null;
  const captured: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith('{')) captured[part.slice(1, -1)] = segment;
    else if (part !== segment) return null;
  }
  return captured;
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** Validates a mutation's body against its operation. */
export function validateBody(operation: Operation, body: unknown): { ok: true; data: unknown } | Rejection {
  if (!operation.body) return { status: 400, message: 'This operation takes no body' };
  const parsed = operation.body.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { status: 400, message: `Invalid body: ${firstIssue(parsed.error)}` };
}

/** Extracts the path after `/api/github` from a request URL without decoding or normalising it. */
export function rawGithubPath(requestUrl: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)/i.exec(requestUrl);
  const path = match?.[1];
  if (!path || !path.startsWith('/api/github/')) return null;
  return path.slice('/api/github'.length);
}
