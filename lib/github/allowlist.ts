import { z } from 'zod';
import {
  codespaceName,
  createForUserBody,
  createFromPullRequestBody,
  createInRepositoryBody,
  devcontainerPath,
  emptyBody,
  exportId,
  gitRef,
  location,
  ownerName,
  publishCodespaceBody,
  repoName,
  updateCodespaceBody,
} from '@/lib/codespaces/schemas';
import { decimal, nothing, organizationParams, pageFields, pageQuery, repositoryParams } from '@/lib/github/params';
import { codespaceAnswer, codespaceListAnswer } from '@/lib/github/answers';
import { compareRouteSpecificity } from '@/lib/github/route-specificity';
import type { AnswerReader } from '@/lib/github/upstream.server';
import * as secrets from '@/lib/secrets/schemas';
import { operations, type HttpMethod, type Operation, type OperationName } from '@/lib/github/operations';

/**
 * The proxy's allowlist: the operations of lib/github/operations.ts, each with what its path
 * parameters, query and body must look like before anything goes upstream. Pure (no I/O).
 */

export interface Validation {
  params: z.ZodType<Record<string, string | number>>;
  query: z.ZodType<Record<string, string | number | undefined>>;
  /** Absent for GET and DELETE: any body is refused. */
  body?: z.ZodType;
  /** The most the proxy reads of the request body (413 beyond); DEFAULT_MAX_BODY_BYTES unless said. */
  maxBodyBytes?: number;
  /**
   * A read the pages poll: its ETag and body are kept (per user, under a quota) so the next poll is
   * a free 304. Other reads are asked afresh: keeping them would only crowd the store.
   */
  polled?: true;
  /** How GitHub's successful answer is read before it is passed on (lib/github/answers.ts). */
  answer?: AnswerReader;
}

export interface AllowedOperation extends Validation {
  name: OperationName;
  method: HttpMethod;
  route: string;
}

const positiveInt = decimal(1, Number.MAX_SAFE_INTEGER);

/** Bodies of the Codespaces API are a few hundred bytes (a list of ids at most): anything near this is not one. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
/**
 * A secret's body carries its sealed value: the largest the secrets form takes (48 KB, 65,600
 * characters once sealed and base64-encoded) plus the usual room for the rest (key id,
 * repositories), ~80 KB.
 */
export const SECRET_BODY_BYTES = secrets.MAX_ENCRYPTED_VALUE_LENGTH + DEFAULT_MAX_BODY_BYTES;
const secretBody = { maxBodyBytes: SECRET_BODY_BYTES };

const codespace = z.strictObject({ codespace_name: codespaceName });
const memberCodespace = z.strictObject({ org: ownerName, username: ownerName, codespace_name: codespaceName });
const sortDirection = z.enum(['asc', 'desc']).optional();

/** Every operation's input rules. The type demands an entry for each operation, and no other. */
const validations: Record<OperationName, Validation> = {
  listMyCodespaces: {
    answer: codespaceListAnswer,
    polled: true,
    params: nothing,
    query: z.strictObject({ ...pageFields, repository_id: positiveInt.optional() }),
  },
  createMyCodespace: { params: nothing, query: nothing, body: createForUserBody },
  getMyCodespace: { answer: codespaceAnswer, polled: true, params: codespace, query: nothing },
  updateMyCodespace: { params: codespace, query: nothing, body: updateCodespaceBody },
  deleteMyCodespace: { params: codespace, query: nothing },
  startMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  stopMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  listMachinesForMyCodespace: { params: codespace, query: nothing },
  exportMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  getMyCodespaceExport: { polled: true, params: z.strictObject({ codespace_name: codespaceName, export_id: exportId }), query: nothing },
  publishMyCodespace: { params: codespace, query: nothing, body: publishCodespaceBody },

  getMe: { params: nothing, query: nothing },
  listMyRepositories: {
    params: nothing,
    query: z.strictObject({
      ...pageFields,
      sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional(),
      direction: sortDirection,
      affiliation: z
        .string()
        .regex(/^(owner|collaborator|organization_member)(,(owner|collaborator|organization_member))*$/)
        .optional(),
      visibility: z.enum(['all', 'public', 'private']).optional(),
    }),
  },
  getRepository: { params: repositoryParams, query: nothing },
  listBranches: { params: repositoryParams, query: pageQuery },
  listPullRequests: {
    params: repositoryParams,
    query: z.strictObject({
      ...pageFields,
      state: z.enum(['open', 'closed', 'all']).optional(),
      sort: z.enum(['created', 'updated', 'popularity', 'long-running']).optional(),
      direction: sortDirection,
    }),
  },
  getPullRequest: { params: z.strictObject({ owner: ownerName, repo: repoName, pull_number: positiveInt }), query: nothing },

  listMyCodespacesInRepository: { answer: codespaceListAnswer, polled: true, params: repositoryParams, query: pageQuery },
  createCodespaceInRepository: { params: repositoryParams, query: nothing, body: createInRepositoryBody },
  listDevcontainers: { params: repositoryParams, query: pageQuery },
  listRepositoryMachines: {
    params: repositoryParams,
    query: z.strictObject({ location: location.optional(), client_ip: z.ipv4().optional(), ref: gitRef.optional() }),
  },
  getCodespaceDefaults: { params: repositoryParams, query: z.strictObject({ ref: gitRef.optional(), client_ip: z.ipv4().optional() }) },
  checkDevcontainerPermissions: { params: repositoryParams, query: z.strictObject({ ref: gitRef, devcontainer_path: devcontainerPath }) },
  createCodespaceFromPullRequest: {
    params: z.strictObject({ owner: ownerName, repo: repoName, pull_number: positiveInt }),
    query: nothing,
    body: createFromPullRequestBody,
  },

  listMyOrganizations: { params: nothing, query: pageQuery },
  listOrgCodespaces: { answer: codespaceListAnswer, polled: true, params: organizationParams, query: pageQuery },
  listMemberCodespaces: { answer: codespaceListAnswer, params: z.strictObject({ org: ownerName, username: ownerName }), query: pageQuery },
  stopMemberCodespace: { params: memberCodespace, query: nothing, body: emptyBody },
  deleteMemberCodespace: { params: memberCodespace, query: nothing },
  getOrgBillingUsage: {
    params: organizationParams,
    query: z.strictObject({
      year: decimal(2000, 2100).optional(),
      month: decimal(1, 12).optional(),
      day: decimal(1, 31).optional(),
      hour: decimal(0, 23).optional(),
    }),
  },
  listOrgMembers: { params: organizationParams, query: secrets.orgMembersQuery },
  listOrgRepositories: { params: organizationParams, query: secrets.orgReposQuery },

  getMyBillingUsage: { params: secrets.usernameParams, query: secrets.userBillingUsageQuery },
  getMyBillingUsageSummary: { params: secrets.usernameParams, query: secrets.userBillingSummaryQuery },

  listMySecrets: { params: nothing, query: pageQuery },
  getMySecretsPublicKey: { params: nothing, query: nothing },
  getMySecret: { params: secrets.userSecretParams, query: nothing },
  putMySecret: { params: secrets.userSecretParams, query: nothing, body: secrets.userSecretBody, ...secretBody },
  deleteMySecret: { params: secrets.userSecretParams, query: nothing },
  listMySecretRepositories: { params: secrets.userSecretParams, query: nothing },
  setMySecretRepositories: { params: secrets.userSecretParams, query: nothing, body: secrets.selectedRepositoriesBody },
  addMySecretRepository: { params: secrets.userSecretRepositoryParams, query: nothing, body: emptyBody },
  removeMySecretRepository: { params: secrets.userSecretRepositoryParams, query: nothing },
  listRepositorySecrets: { params: repositoryParams, query: pageQuery },
  getRepositorySecretsPublicKey: { params: repositoryParams, query: nothing },
  getRepositorySecret: { params: secrets.repoSecretParams, query: nothing },
  putRepositorySecret: { params: secrets.repoSecretParams, query: nothing, body: secrets.repoSecretBody, ...secretBody },
  deleteRepositorySecret: { params: secrets.repoSecretParams, query: nothing },
  listOrgSecrets: { params: organizationParams, query: pageQuery },
  getOrgSecretsPublicKey: { params: organizationParams, query: nothing },
  getOrgSecret: { params: secrets.orgSecretParams, query: nothing },
  putOrgSecret: { params: secrets.orgSecretParams, query: nothing, body: secrets.orgSecretBody, ...secretBody },
  deleteOrgSecret: { params: secrets.orgSecretParams, query: nothing },
  listOrgSecretRepositories: { params: secrets.orgSecretParams, query: pageQuery },
  setOrgSecretRepositories: { params: secrets.orgSecretParams, query: nothing, body: secrets.selectedRepositoriesBody },
  addOrgSecretRepository: { params: secrets.orgSecretRepositoryParams, query: nothing, body: emptyBody },
  removeOrgSecretRepository: { params: secrets.orgSecretRepositoryParams, query: nothing },

  setCodespacesAccess: { params: organizationParams, query: nothing, body: secrets.codespacesAccessBody },
  addCodespacesAccessUsers: { params: organizationParams, query: nothing, body: secrets.selectedUsersBody },
  // GitHub takes the people to remove in the body of this DELETE.
  removeCodespacesAccessUsers: { params: organizationParams, query: nothing, body: secrets.selectedUsersBody },
};

/** The most the proxy reads of this operation's request body. */
export function maxBodyBytesOf(operation: Validation): number {
  return operation.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

/** The allowlist's entry for an operation (the server's own reads go by the same rules). */
export function allowedOperation(method: string, route: string): AllowedOperation | undefined {
  return allowlist.find((op) => op.method === method && op.route === route);
}

/** The allowlist, most specific route first (a literal segment beats a parameter). */
export const allowlist: readonly AllowedOperation[] = (Object.entries(operations) as [OperationName, Operation][])
  .map(([name, { method, route }]) => ({ name, method, route, ...validations[name] }))
  .sort((a, b) => compareRouteSpecificity(a.route, b.route));

export type Rejection = { status: 400 | 404; message: string };

export interface MatchedOperation {
  operation: AllowedOperation;
  params: Record<string, string | number>;
  query: Record<string, string | number>;
}

/** One raw path segment: plain URL-safe characters only. Anything percent-encoded is refused
 * outright, so `%2F`, `%2e%2e` or encoded unicode can never become a different path upstream. */
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Matches a raw (undecoded) GitHub path and its query against the allowlist, most specific route
 * first. An operation whose route fits but whose parameters or query do not is not the end: the
 * next one that fits is tried, and only when nothing takes the request is the first refusal answered.
 */
export function matchOperation(
  method: string,
  rawPath: string,
  search: URLSearchParams,
  table: readonly AllowedOperation[] = allowlist,
): MatchedOperation | Rejection {
  const segments = rawPath.replace(/^\/+/, '').split('/');
  if (rawPath === '' || rawPath === '/') return { status: 404, message: 'Not Found' };
  for (const segment of segments) {
    if (!SAFE_SEGMENT.test(segment) || segment === '.' || segment === '..') {
      return { status: 400, message: 'Invalid path' };
    }
  }

  let pathMatched = false;
  let rawQuery: ReturnType<typeof singleValues> | null = null;
  let refusal: Rejection | null = null;
  for (const operation of table) {
    const captured = captureRoute(operation.route, segments);
    if (!captured) continue;
    pathMatched = true;
    if (operation.method !== method) continue;

    rawQuery ??= singleValues(search);
    if (rawQuery.refused) return rawQuery.refused;
    const params = operation.params.safeParse(captured);
    if (!params.success) {
      refusal ??= { status: 400, message: `Invalid path parameter: ${firstIssue(params.error)}` };
      continue;
    }
    const query = operation.query.safeParse(rawQuery.values);
    if (!query.success) {
      refusal ??= { status: 400, message: `Invalid query: ${firstIssue(query.error)}` };
      continue;
    }
    return {
      operation,
      params: params.data,
      query: Object.fromEntries(Object.entries(query.data).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    };
  }
  if (refusal) return refusal;
  // GitHub answers 404 for a known path with another method; so does the proxy.
  return { status: 404, message: pathMatched ? 'Not Found (method not allowed here)' : 'Not Found' };
}

/** The query as one value per key; GitHub's operations take no repeated keys. */
function singleValues(search: URLSearchParams): { values: Record<string, string>; refused?: Rejection } {
  const values: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    if (all.length > 1) return { values, refused: { status: 400, message: `Query parameter "${key}" given more than once` } };
    values[key] = all[0] ?? '';
  }
  return { values };
}

function captureRoute(route: string, segments: string[]): Record<string, string> | null {
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
export function validateBody(operation: Validation, body: unknown): { ok: true; data: unknown } | Rejection {
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
