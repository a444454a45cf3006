import { expandRoute, queryString, type Operation, type ResponseOf } from '@/lib/github/operations';
import { describeError, refusalFacts, type ErrorDescription, type ErrorFacts } from './errors';
import { linkRelations } from './pagination';
import type { CallArgs, GithubResult, GithubTransport, Reader } from './transport';

/**
 * The browser's only way to GitHub: Hangar's proxy at `/api/github/...`, one typed operation at a
 * time. It never sees a token; the session cookie travels with the request.
 */

export class ApiError extends Error {
  readonly facts: ErrorFacts;
  readonly description: ErrorDescription;
  constructor(facts: ErrorFacts) {
    const description = describeError(facts);
    super(description.title);
    this.name = 'ApiError';
    this.facts = facts;
    this.description = description;
  }
  get status() {
    return this.facts.status;
  }
}

const PROXY = '/api/github';

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value === null || value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
}

async function toApiError(response: Response, method: string): Promise<ApiError> {
  let message: string | undefined;
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return new ApiError({
    status: response.status,
    message,
    retryAfter: numberHeader(response.headers, 'retry-after'),
    rateLimitReset: numberHeader(response.headers, 'x-ratelimit-reset'),
    rateLimitRemaining: numberHeader(response.headers, 'x-ratelimit-remaining'),
    method,
    ...refusalFacts(response.headers),
  });
}

/** A URL from a Link header as a same-origin proxy path; null when it leaves the proxy (never followed). */
function asProxyPath(url: string): string | null {
  const parsed = new URL(url, 'http://hangar.invalid');
  return parsed.pathname.startsWith(`${PROXY}/`) ? `${parsed.pathname}${parsed.search}` : null;
}

/** The `rel="next"` target of a Link header, as a same-origin proxy path. */
export function nextPageLink(link: string | null): string | null {
  const next = linkRelations(link).next;
  return next ? asProxyPath(next) : null;
}

/** A Link header with only the relations that stay in the proxy, as proxy paths. */
function proxyLinks(link: string | null): string | null {
  const kept = Object.entries(linkRelations(link)).flatMap(([rel, url]) => {
    const path = asProxyPath(url);
    return path ? [`<${path}>; rel="${rel}"`] : [];
  });
  return kept.length ? kept.join(', ') : null;
}

interface Remembered {
  etag: string;
  /** The reader that made `data`: another reader of the same URL gets its own reading. */
  reader: unknown;
  data: unknown;
  link: string | null;
}

/**
 * What each GET last read, with its ETag: the next request for the URL is conditional, and an
 * unchanged answer (304, no body) costs neither transfer nor parsing, and gives back the very same
 * objects, so nothing downstream re-renders. Bounded; cleared at sign-out with everything else.
 */
const remembered = new Map<string, Remembered>();
const REMEMBERED_URLS = 200;

export function clearPageMemo() {
  remembered.clear();
}

const identity = <T>(data: T) => data;

async function send(url: string, method: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, method, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error', method });
  }
}

async function request<O extends Operation, T = ResponseOf<O>>(
  operation: O,
  args: CallArgs<O> = {},
  read: Reader<O, T> = identity as Reader<O, T>,
): Promise<GithubResult<T>> {
  const { method } = operation;
  const url = `${PROXY}${expandRoute(operation.route, args.params as Record<string, string | number>)}${queryString(args.query as Record<string, string | number | undefined>)}`;

  if (method !== 'GET') {
    const response = await send(url, method, {
      headers:
        args.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: args.body === undefined ? undefined : JSON.stringify(args.body),
      signal: args.signal,
    });
    if (!response.ok) throw await toApiError(response, method);
    const text = await response.text();
    return {
      data: read((text ? JSON.parse(text) : undefined) as ResponseOf<O>),
      status: response.status,
      header: (name) => response.headers.get(name),
    };
  }

  const known = remembered.get(url);
  const memo = known?.reader === read ? known : undefined;
  const response = await send(url, method, {
    // Conditional by hand, so a 304 reaches this code (and the HTTP cache keeps no second copy).
    cache: 'no-store',
    headers: memo ? { accept: 'application/json', 'if-none-match': memo.etag } : { accept: 'application/json' },
    signal: args.signal,
  });
  if (response.status === 304 && memo) {
    remembered.delete(url);
    remembered.set(url, memo);
    return {
      data: memo.data as T,
      status: 200,
      header: (name) => (name.toLowerCase() === 'link' ? memo.link : response.headers.get(name)),
    };
  }
  if (!response.ok) throw await toApiError(response, method);
  const data = read(JSON.parse(await response.text()) as ResponseOf<O>);
  const link = proxyLinks(response.headers.get('link'));
  const etag = response.headers.get('etag');
  remembered.delete(url);
  if (etag) remembered.set(url, { etag, reader: read, data, link });
  if (remembered.size > REMEMBERED_URLS) remembered.delete(remembered.keys().next().value!);
  return { data, status: response.status, header: (name) => (name.toLowerCase() === 'link' ? link : response.headers.get(name)) };
}

/** The browser's transport: every operation through `/api/github/...`. */
export const browserTransport: GithubTransport = { request };

/** Title and detail of any thrown error, in words for the user. */
export function describeFailure(error: unknown, fallbackTitle = 'Something went wrong'): { title: string; detail: string } {
  if (error instanceof ApiError) return { title: error.description.title, detail: error.description.detail };
  return { title: fallbackTitle, detail: error instanceof Error ? error.message : String(error) };
}
