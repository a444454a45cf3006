/** Small helpers for answering like api.github.com. */
import { createHash, randomBytes } from 'node:crypto';

const DOCS = 'https://docs.github.com/rest';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Requires authentication',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reason(status: number) {
  return REASONS[status] ?? 'Error';
}

/** GitHub's error body: `status` is a string there. */
export function errorBody(status: number, message = reason(status), extra: Record<string, unknown> = {}) {
  return { message, documentation_url: DOCS, status: String(status), ...extra };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message = reason(status),
    readonly extra: Record<string, unknown> = {},
    /** Headers GitHub sends with this refusal (e.g. `x-accepted-github-permissions`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const fail = (status: number, message?: string, extra?: Record<string, unknown>): never => {
  throw new HttpError(status, message, extra);
};

/**
 * An answer's body already written as JSON text (a list of codespaces assembled from each one's
 * kept JSON, render.ts): sent as it is, byte for byte what `JSON.stringify` of the same value gives.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Weak ETag over the exact body, as GitHub sends for JSON resources: opaque to clients (RFC 9110
 * §8.8.3), so any digest of the body does. SHA-1 (40 hex digits, the length these ETags always had):
 * SHA-256 took ~2.4 ms of each ~0.9 MB page of an organisation's codespaces, SHA-1 ~0.9 ms, on the
 * cores the benchmark shares with Hangar and the browser.
 */
export function etagOf(body: string) {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

export function etagMatches(ifNoneMatch: string | null, etag: string) {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/** What api.github.com's answers vary on. */
export const VARY = 'Accept, Authorization, Cookie, X-GitHub-OTP';

/** The headers api.github.com sends with every JSON answer (`extra` adds to or replaces them). */
export function githubHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': requestId(),
    vary: VARY,
    ...extra,
  };
}

/** A JSON answer as api.github.com writes it; no body for 204. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), { status, headers: githubHeaders(headers) });
}

export function requestId() {
  return randomBytes(8)
    .toString('hex')
    .toUpperCase()
    .replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4');
}

/** Pages a list like GitHub: `per_page` (default 30, at most 100) and `page`, with a `Link` header. */
export function paginate<T>(url: URL, items: readonly T[]): { page: T[]; link: string | null } {
  const perPageRaw = Number.parseInt(url.searchParams.get('per_page') ?? '', 10);
  const pageRaw = Number.parseInt(url.searchParams.get('page') ?? '', 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);

  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.delete('page');
    target.searchParams.delete('per_page');
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return `<${target.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) rels.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) rels.push(`${at(1)}; rel="first"`);
  return { page: slice, link: rels.length ? rels.join(', ') : null };
}

/**
 * The most a request body may hold: a thousand times what the Codespaces API's largest body
 * takes (a 48 KB secret, sealed and base64-encoded, is ~66 KB). Beyond it the emulator answers
 * 413 Content Too Large (RFC 9110 §15.5.14) without reading further, as GitHub does past its
 * limits, so no client can make it hold an arbitrary amount in memory.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A request's body, read up to `limit` bytes: null when it is longer (its Content-Length says so,
 * or the stream goes past the limit without one), and the reading stops there.
 */
export async function readBounded(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) {
    await req.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(400, 'Problems parsing JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail(400, 'Body should be a JSON object');
  return parsed as Record<string, unknown>;
}

export function html(body: string, status = 200, headers: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'",
      ...headers,
    },
  });
}

export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
