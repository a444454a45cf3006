import type { z } from 'zod';
import type { HttpMethod, Operation } from '@/lib/github/operation';
import { compareRouteSpecificity } from '@/lib/github/route-specificity';
import type { AnswerReader } from '@/lib/github/upstream.server';

/**
 * How the proxy holds GitHub operations to their input rules: each slice gives its operations'
 * rules (lib/<feature>/operations.server.ts), lib/operations joins them into the allowlist, and
 * this matches a request against it, most specific route first. Pure (no I/O).
 */

/** What an operation's path parameters, query and body must look like before anything goes upstream. */
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
  /** How GitHub's successful answer is read before it is passed on (the slice's operations.server.ts). */
  answer?: AnswerReader;
  /**
   * An operation that changes an organisation's codespaces or settings: once GitHub has answered,
   * the proxy records it in the organisation's audit log (lib/audit), as the signed-in person's.
   */
  audit?: AuditDeclaration;
}

/** What the audit log says of an audited operation: its action (lib/audit's AUDIT_ACTIONS), and what else identifies the change. */
export interface AuditDeclaration {
  action: string;
  /** E.g. a secret's name, a visibility: from the validated path parameters and body. Never a secret's value. */
  details?: (input: { params: Record<string, string | number>; body: unknown }) => Record<string, string | number | boolean | null>;
}

/** A slice's rules: one for each of its operations, and no other. */
export type OperationRules<Operations> = Record<keyof Operations, Validation>;

export interface AllowedOperation extends Validation {
  name: string;
  method: HttpMethod;
  route: string;
}

/** Bodies of the Codespaces API are a few hundred bytes (a list of ids at most): anything near this is not one. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** The operations with their rules, most specific route first (a literal segment beats a parameter). */
export function allowlistOf<Name extends string>(
  operations: Record<Name, Operation>,
  rules: Record<Name, Validation>,
): readonly AllowedOperation[] {
  return (Object.entries(operations) as [Name, Operation][])
    .map(([name, { method, route }]) => ({ name, method, route, ...rules[name] }))
    .sort((a, b) => compareRouteSpecificity(a.route, b.route));
}

/** The most the proxy reads of this operation's request body. */
export function maxBodyBytesOf(operation: Validation): number {
  return operation.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

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
  table: readonly AllowedOperation[],
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
  // No prototype: a key such as `__proto__` is then a key like any other, which the query's strict rules refuse.
  const values: Record<string, string> = Object.create(null);
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

function firstIssue(error: z.ZodError): string {
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
