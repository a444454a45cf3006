import { headersAfterNotModified, storableHeaders, type HeaderFields } from '@/lib/github/conditional';
import { expandRoute, queryString, type Operation, type ResponseOf } from '@/lib/github/operation';
import { ApiError, toApiError } from './api-error';
import { clearStreamedLists } from './list-stream';
import { linkRelations } from './pagination';
import type { CallArgs, GithubResult, GithubTransport, Reader } from './transport';

/**
 * The browser's only way to GitHub: Hangar's proxy at `/api/github/...`, one typed operation at a
 * time. It never sees a token; the session cookie travels with the request.
 */

const PROXY = '/api/github';

/** A URL from a Link header as a same-origin proxy path; null when it leaves the proxy (never followed). */
function asProxyPath(url: string): string | null {
  const parsed = new URL(url, 'http://hangar.invalid');
  return parsed.pathname.startsWith(`${PROXY}/`) ? `${parsed.pathname}${parsed.search}` : null;
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
  /** The answer's headers as a cache keeps them, freshened by each 304 (RFC 9111 §4.3.4). */
  headers: HeaderFields;
  /** Its `Link`, as proxy paths. */
  link: string | null;
}

/**
 * What each GET last read, with its ETag and headers: the next request for the URL is conditional,
 * and an unchanged answer (304, no body) costs neither transfer nor parsing, and gives back the
 * very same objects, so nothing downstream re-renders. A 304 need not repeat the stored answer's
 * headers (RFC 9110 §15.4.5): its own are merged over them, so `Link` and `X-GitHub-SSO` stay.
 * Bounded; cleared at sign-out with everything else.
 */
const remembered = new Map<string, Remembered>();
const REMEMBERED_URLS = 200;

export function clearPageMemo() {
  remembered.clear();
  clearStreamedLists();
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
    const headers = headersAfterNotModified(memo.headers, headerFields(response.headers));
    const freshened: Remembered = { ...memo, etag: headers.etag ?? memo.etag, headers, link: proxyLinks(headers.link ?? null) };
    remembered.delete(url);
    remembered.set(url, freshened);
    return { data: memo.data as T, status: 200, header: headerReader(freshened) };
  }
  if (!response.ok) throw await toApiError(response, method);
  const data = read(JSON.parse(await response.text()) as ResponseOf<O>);
  const headers = storableHeaders(headerFields(response.headers));
  const answer: Remembered = { etag: headers.etag ?? '', reader: read, data, headers, link: proxyLinks(headers.link ?? null) };
  remembered.delete(url);
  if (answer.etag) remembered.set(url, answer);
  if (remembered.size > REMEMBERED_URLS) remembered.delete(remembered.keys().next().value!);
  return { data, status: response.status, header: headerReader(answer) };
}

function headerFields(headers: Headers): HeaderFields {
  return Object.fromEntries(headers.entries());
}

/** An answer's headers by name, `Link` as proxy paths. */
function headerReader({ headers, link }: Remembered): (name: string) => string | null {
  return (name) => {
    const field = name.toLowerCase();
    return field === 'link' ? link : (headers[field] ?? null);
  };
}

/** The browser's transport: every operation through `/api/github/...`. */
export const browserTransport: GithubTransport = { request };
