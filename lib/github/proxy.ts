import 'server-only';
import type { NextRequest } from 'next/server';
import { RequestError } from '@octokit/request-error';
import { serverConfig } from '@/lib/config';
import { accessTokenFromRequest } from '@/lib/auth/token';
import { githubClient, UPSTREAM_TIMEOUT_MS, withDeadline } from '@/lib/github/client';
import { logEvent } from '@/lib/server/log';
import { matchOperation, rawGithubPath, validateBody, type MatchedOperation } from '@/lib/github/operations';

/** Request bodies of the Codespaces API are a few hundred bytes; anything near this is not one. */
export const MAX_BODY_BYTES = 16 * 1024;

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Upstream headers the browser may see. Nothing else (cookies, scopes, server details) passes. */
const FORWARDED_HEADERS = [
  'etag',
  'last-modified',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-used',
  'x-ratelimit-resource',
];

/** An error Hangar answers itself: `{ message, status }`. */
export function hangarError(status: number, message: string): Response {
  return Response.json({ message, status }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Serves `/api/github/<GitHub path>` for one allowlisted operation, with the user's token. */
export async function proxyGithubRequest(req: NextRequest): Promise<Response> {
  const method = req.method.toUpperCase();
  const rawPath = rawGithubPath(req.url);
  if (!rawPath) return hangarError(404, 'Not Found');

  const matched = matchOperation(method, rawPath, new URL(req.url).searchParams);
  if ('status' in matched) return hangarError(matched.status, matched.message);

  if (MUTATING.has(method) && req.headers.get('origin') !== serverConfig().appOrigin) {
    return hangarError(403, 'Cross-origin request refused');
  }

  const body = await readBody(req, matched);
  if (body instanceof Response) return body;

  const token = await accessTokenFromRequest(req);
  if (!token) return hangarError(401, 'Sign in to continue');

  return forward(token, matched, body, req.headers.get('if-none-match'));
}

async function readBody(req: NextRequest, matched: MatchedOperation): Promise<{ value?: unknown } | Response> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return hangarError(413, 'Request body too large');
  const text = req.body ? await readCapped(req.body, MAX_BODY_BYTES) : '';
  if (text === null) return hangarError(413, 'Request body too large');

  if (!matched.operation.body) {
    return text.trim() === '' ? {} : hangarError(400, 'This operation takes no body');
  }
  if (text.trim() !== '' && !/^application\/json\b/i.test(req.headers.get('content-type') ?? '')) {
    return hangarError(400, 'Body must be JSON (Content-Type: application/json)');
  }
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      return hangarError(400, 'Body is not valid JSON');
    }
  }
  const valid = validateBody(matched.operation, json);
  return 'ok' in valid ? { value: valid.data } : hangarError(valid.status, valid.message);
}

/** Reads at most `cap` bytes; null when the body is longer (a missing or lying Content-Length too). */
async function readCapped(stream: ReadableStream<Uint8Array>, cap: number): Promise<string | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function forward(
  token: string,
  { operation, params, query }: MatchedOperation,
  body: { value?: unknown },
  ifNoneMatch: string | null,
): Promise<Response> {
  const started = performance.now();
  const isGet = operation.method === 'GET';
  let status = 0;
  let upstreamHeaders: Record<string, string | number | undefined> = {};
  let data: unknown;
  try {
    const response = await withDeadline(UPSTREAM_TIMEOUT_MS, (signal) =>
      githubClient(token).request(`${operation.method} ${operation.route}`, {
        ...params,
        ...query,
        ...(body.value !== undefined ? { data: body.value } : {}),
        headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
        // A mutation is never repeated automatically: a create must not happen twice.
        request: { retries: isGet ? undefined : 0, signal },
      }),
    );
    ({ status, data } = response);
    upstreamHeaders = response.headers;
  } catch (error) {
    if (error instanceof RequestError && error.response) {
      status = error.status;
      data = error.response.data;
      upstreamHeaders = error.response.headers;
    } else {
      status = 504;
      logRequest(operation.route, operation.method, status, started, undefined);
      return hangarError(504, 'GitHub is not answering. Hangar will keep trying.');
    }
  }
  logRequest(operation.route, operation.method, status, started, upstreamHeaders['x-ratelimit-remaining']);
  return githubResponse(status, data, upstreamHeaders);
}

function githubResponse(status: number, data: unknown, upstream: Record<string, string | number | undefined>): Response {
  const headers = new Headers({ 'cache-control': 'private, no-cache', vary: 'Cookie' });
  for (const name of FORWARDED_HEADERS) {
    const value = upstream[name];
    if (value !== undefined) headers.set(name, String(value));
  }
  const link = upstream.link;
  if (typeof link === 'string') headers.set('link', rewriteLink(link));

  const empty = status === 204 || status === 304 || data === undefined || data === '';
  if (!empty) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(empty ? null : JSON.stringify(data), { status, headers });
}

/** Points GitHub's pagination links at the proxy, so the browser can follow them. */
export function rewriteLink(link: string, apiUrl = serverConfig().apiUrl, appOrigin = serverConfig().appOrigin): string {
  return link.replace(/<([^>]*)>/g, (whole, url: string) =>
    url.startsWith(`${apiUrl}/`) ? `<${appOrigin}/api/github${url.slice(apiUrl.length)}>` : whole,
  );
}

/** One JSON line per proxied request: never a token, never a body. */
function logRequest(route: string, method: string, status: number, started: number, rateLimitRemaining: unknown) {
  logEvent('info', 'github.proxy', {
    operation: `${method} ${route}`,
    status,
    ms: Math.round(performance.now() - started),
    rateLimitRemaining: rateLimitRemaining === undefined ? null : Number(rateLimitRemaining),
  });
}
