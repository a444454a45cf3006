import { describeError, refusalFacts, type ErrorDescription, type ErrorFacts } from './errors';
import { linkRelations, readRemainingPages } from './pagination';

/**
 * The browser's only way to GitHub: Hangar's proxy at `/api/github/...`.
 * It never sees a token; the session cookie travels with the request.
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

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export async function githubApi<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResponse<T>> {
  let response: Response;
  try {
    response = await fetch(path.startsWith(PROXY) ? path : `${PROXY}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers:
        init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error' });
  }
  if (!response.ok) throw await toApiError(response, init.method ?? 'GET');
  const text = await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, status: response.status, headers: response.headers };
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

interface PageMemo {
  etag: string;
  /** The function that read the items: another reader of the same page gets its own reading. */
  reader: unknown;
  items: readonly unknown[];
  link: string | null;
}

/**
 * The items read from each page of a list, with its ETag: the next request for the page is
 * conditional, and an unchanged page (304, no body) costs neither transfer nor parsing, and gives
 * back the very same objects, so nothing downstream re-renders. Bounded; cleared at sign-out with
 * everything else of the user's.
 */
const memo = new Map<string, PageMemo>();
const MEMO_PAGES = 200;

export function clearPageMemo() {
  memo.clear();
}

async function readPage<Page, Item>(
  path: string,
  itemsOf: (page: Page) => Item[],
  signal?: AbortSignal,
): Promise<{ items: readonly Item[]; link: string | null }> {
  const remembered = memo.get(path);
  const known = remembered?.reader === itemsOf ? remembered : undefined;
  let response: Response;
  try {
    response = await fetch(path.startsWith(PROXY) ? path : `${PROXY}${path}`, {
      credentials: 'same-origin',
      // Conditional by hand, so a 304 reaches this code (and the HTTP cache keeps no second copy).
      cache: 'no-store',
      headers: known ? { accept: 'application/json', 'if-none-match': known.etag } : { accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error' });
  }
  if (response.status === 304 && known) {
    memo.delete(path);
    memo.set(path, known);
    return { items: known.items as readonly Item[], link: known.link };
  }
  if (!response.ok) throw await toApiError(response, 'GET');
  const items = itemsOf(JSON.parse(await response.text()) as Page);
  const link = response.headers.get('link');
  const etag = response.headers.get('etag');
  memo.delete(path);
  if (etag) memo.set(path, { etag, reader: itemsOf, items, link });
  if (memo.size > MEMO_PAGES) memo.delete(memo.keys().next().value!);
  return { items, link };
}

/**
 * Every page of a GitHub list, so nothing is silently left out; the pages after the first are asked
 * for together when the first names the last (lib/api/pagination.ts). `itemsOf` should be one
 * function for one kind of list (module-level), so unchanged pages are remembered.
 */
export async function fetchAllPages<Page, Item>(firstPath: string, itemsOf: (page: Page) => Item[], signal?: AbortSignal): Promise<Item[]> {
  const first = await readPage(firstPath, itemsOf, signal);
  const rest = await readRemainingPages(proxyLinks(first.link), async (path) => {
    const page = await readPage(path, itemsOf, signal);
    return { page: page.items, link: proxyLinks(page.link) };
  });
  return [...first.items, ...rest.flat()];
}

/** Title and detail of any thrown error, in words for the user. */
export function describeFailure(error: unknown, fallbackTitle = 'Something went wrong'): { title: string; detail: string } {
  if (error instanceof ApiError) return { title: error.description.title, detail: error.description.detail };
  return { title: fallbackTitle, detail: error instanceof Error ? error.message : String(error) };
}
