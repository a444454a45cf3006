import { describeError, type ErrorDescription, type ErrorFacts } from './errors';

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
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
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

/** The `rel="next"` target of a Link header, as a same-origin proxy path. */
export function nextPageLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) {
      const url = new URL(match[1], 'http://hangar.invalid');
      return url.pathname.startsWith(`${PROXY}/`) ? `${url.pathname}${url.search}` : null;
    }
  }
  return null;
}

/** Follows every page of a GitHub list, so nothing is silently left out. */
export async function fetchAllPages<Page, Item>(
  firstPath: string,
  itemsOf: (page: Page) => Item[],
  signal?: AbortSignal,
): Promise<Item[]> {
  const items: Item[] = [];
  let path: string | null = firstPath;
  // A bound in case a broken upstream links pages in a loop.
  for (let pages = 0; path && pages < 1000; pages++) {
    const response: ApiResponse<Page> = await githubApi<Page>(path, { signal });
    items.push(...itemsOf(response.data));
    path = nextPageLink(response.headers.get('link'));
  }
  return items;
}

/** Title and detail of any thrown error, in words for the user. */
export function describeFailure(error: unknown, fallbackTitle = 'Something went wrong'): { title: string; detail: string } {
  if (error instanceof ApiError) return { title: error.description.title, detail: error.description.detail };
  return { title: fallbackTitle, detail: error instanceof Error ? error.message : String(error) };
}
