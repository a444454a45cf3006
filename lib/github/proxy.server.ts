import 'server-only';
import type { NextRequest } from 'next/server';
import { serverConfig } from '@/lib/config';
import { apiSecurityHeaders } from '@/lib/security-headers';
import { expectedOrigin } from '@/lib/auth/origin';
import { withGithubSession } from '@/lib/auth/request-session.server';
import { accountOfSession } from '@/lib/github/account.server';
import { etagMatches } from '@/lib/github/conditional';
import type { AccountKey } from '@/lib/github/store.server';
import { callGithub, type GithubAnswer } from '@/lib/github/upstream.server';
import { logEvent } from '@/lib/server/log.server';
import { readCapped } from '@/lib/server/read-capped';
import {
  matchOperation,
  maxBodyBytesOf,
  rawGithubPath,
  validateBody,
  type AllowedOperation,
  type AuditDeclaration,
  type MatchedOperation,
} from '@/lib/github/allowlist.server';

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
  // GitHub's reasons for a refusal, passed as written (untrusted; read by lib/github/refusals.ts).
  'x-github-sso',
  'x-accepted-github-permissions',
];

/** An error Hangar answers itself: `{ message, status }`. */
export function hangarError(status: number, message: string): Response {
  return Response.json({ message, status }, { status, headers: { 'cache-control': 'no-store' } });
}

// The middleware (proxy.ts at the root) does not run for the proxy, so its answers carry the
// security headers themselves; HSTS only where the app is served over https.
const SECURITY_HEADERS = apiSecurityHeaders(false);
const SECURITY_HEADERS_HTTPS = apiSecurityHeaders(true);

/** An audited operation GitHub answered, for the audit log: who, what, with which inputs, and GitHub's answer. */
export interface AuditedCall {
  audit: AuditDeclaration;
  login: string;
  params: Record<string, string | number>;
  body: unknown;
  status: number;
  /** GitHub's `message`, or the gist of a success. */
  message: string;
}

export interface ProxyOptions {
  /** Records an audited operation (lib/operations wires lib/audit). A failure is logged; the person's request is answered as GitHub answered it. */
  recordAudit?: (call: AuditedCall) => Promise<void>;
}

/** Serves `/api/github/<GitHub path>` for one operation of the allowlist (lib/operations), with the user's token. */
export async function proxyGithubRequest(
  req: NextRequest,
  allowlist: readonly AllowedOperation[],
  options: ProxyOptions = {},
): Promise<Response> {
  return withApiHeaders(req, await answer(req, allowlist, options));
}

/** An API answer with the security headers (HSTS only over https); also Hangar's own list routes'. */
export function withApiHeaders(req: NextRequest, response: Response): Response {
  const https = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  for (const [name, value] of Object.entries(https ? SECURITY_HEADERS_HTTPS : SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

async function answer(req: NextRequest, allowlist: readonly AllowedOperation[], options: ProxyOptions): Promise<Response> {
  const method = req.method.toUpperCase();
  const rawPath = rawGithubPath(req.url);
  if (!rawPath) return hangarError(404, 'Not Found');

  const matched = matchOperation(method, rawPath, new URL(req.url).searchParams, allowlist);
  if ('status' in matched) return hangarError(matched.status, matched.message);

  // Hangar's own origin (in demo mode without AUTH_URL, the address the browser used).
  const origin = expectedOrigin(serverConfig(), req.headers, req.url);
  if (MUTATING.has(method) && (!origin || req.headers.get('origin') !== origin)) {
    return hangarError(403, 'Cross-origin request refused');
  }

  const body = await readBody(req, matched);
  if (body instanceof Response) return body;

  // The last answer GitHub gave (a request refused with 401 is renewed and made again: that one counts).
  let answered: { answer: GithubAnswer; login: string | undefined } | null = null;
  const response = await withGithubSession(
    req,
    async (token, jwt) => {
      const forwarded = await forward(
        token,
        accountOfSession(jwt, token),
        matched,
        body,
        req.headers.get('if-none-match'),
        origin ?? serverConfig().appOrigin,
      );
      answered = { answer: forwarded.answer, login: jwt.login };
      return forwarded.response;
    },
    (message) => hangarError(401, message),
  );
  const audit = matched.operation.audit;
  if (audit && answered && options.recordAudit) await recordAudit(options.recordAudit, audit, matched, body, answered);
  return response;
}

/** The gist of GitHub's answer: its `message`, or what a success status says. */
function answerMessage({ status, body }: GithubAnswer): string {
  try {
    const message = (JSON.parse(body ?? '') as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    // No JSON body (204, 202): the status says it.
  }
  return status === 202 ? 'Accepted' : status === 204 ? 'No Content' : status < 300 ? 'OK' : `HTTP ${status}`;
}

/** Records an audited call GitHub answered; a failure to record is logged, never the person's failure. */
async function recordAudit(
  record: NonNullable<ProxyOptions['recordAudit']>,
  audit: AuditDeclaration,
  { operation, params }: MatchedOperation,
  body: { value?: unknown },
  { answer, login }: { answer: GithubAnswer; login: string | undefined },
) {
  // Hangar answered itself (GitHub unreachable, the person rate limited): GitHub changed nothing.
  if (answer.from === 'hangar' || !login) return;
  try {
    await record({ audit, login, params, body: body.value, status: answer.status, message: answerMessage(answer) });
  } catch (error) {
    logEvent('error', 'audit.write-failed', {
      operation: `${operation.method} ${operation.route}`,
      action: audit.action,
      status: answer.status,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

async function readBody(req: NextRequest, matched: MatchedOperation): Promise<{ value?: unknown } | Response> {
  // Each operation's own bound, declared with its input rules (lib/<feature>/operations.server.ts).
  const cap = maxBodyBytesOf(matched.operation);
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > cap) return hangarError(413, 'Request body too large');
  const bytes = req.body ? await readCapped(req.body, cap) : new Uint8Array();
  if (bytes === null) return hangarError(413, 'Request body too large');
  const text = new TextDecoder().decode(bytes);

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

async function forward(
  token: string,
  account: AccountKey,
  { operation, params, query }: MatchedOperation,
  body: { value?: unknown },
  ifNoneMatch: string | null,
  appOrigin: string,
): Promise<{ response: Response; answer: GithubAnswer }> {
  const started = performance.now();
  const answer = await callGithub(token, {
    method: operation.method,
    route: operation.route,
    params,
    query,
    body: body.value,
    ifNoneMatch,
    account,
    cacheable: Boolean(operation.polled),
    readAnswer: operation.answer,
  });
  logRequest(operation.route, operation.method, answer, started);
  const response = githubResponse(answer, operation.method === 'GET' ? ifNoneMatch : null, appOrigin);
  // How long GitHub (and the store) took, for anyone asking why a request was slow.
  response.headers.set('server-timing', `github;dur=${(performance.now() - started).toFixed(1)}`);
  return { response, answer };
}

/** GitHub's answer as the browser gets it: its status and body, the headers it may see, `Link` through the proxy. */
export function githubResponse(answer: GithubAnswer, ifNoneMatch: string | null, appOrigin: string): Response {
  if (answer.from === 'hangar') {
    return new Response(answer.body, {
      status: answer.status,
      headers: { ...answer.headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const headers = new Headers({ 'cache-control': 'private, no-cache', vary: 'Cookie' });
  for (const name of FORWARDED_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) headers.set(name, value);
  }
  const link = answer.headers.link;
  if (link) headers.set('link', rewriteLink(link, serverConfig().apiUrl, appOrigin));

  // The browser's copy is current: say so without a body (its own cache serves it).
  const notModified = answer.status === 304 || (answer.status === 200 && etagMatches(ifNoneMatch, answer.headers.etag));
  if (notModified) return new Response(null, { status: 304, headers });
  const empty = answer.status === 204 || answer.body === null;
  if (!empty) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(empty ? null : (answer.bodyBytes ?? answer.body), { status: answer.status, headers });
}

/** Points GitHub's pagination links at the proxy, so the browser can follow them. */
function rewriteLink(link: string, apiUrl = serverConfig().apiUrl, appOrigin = serverConfig().appOrigin): string {
  return link.replace(/<([^>]*)>/g, (whole, url: string) =>
    url.startsWith(`${apiUrl}/`) ? `<${appOrigin}/api/github${url.slice(apiUrl.length)}>` : whole,
  );
}

/** One JSON line per proxied request: never a token, never a body. */
function logRequest(route: string, method: string, answer: GithubAnswer, started: number) {
  const remaining = answer.headers['x-ratelimit-remaining'];
  logEvent('info', 'github.proxy', {
    operation: `${method} ${route}`,
    status: answer.status,
    // cache: GitHub answered 304 and the stored body was served; hangar: Hangar answered itself.
    from: answer.from,
    ms: Math.round(performance.now() - started),
    rateLimitRemaining: remaining === undefined ? null : Number(remaining),
  });
}
