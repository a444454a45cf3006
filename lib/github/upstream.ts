import 'server-only';
import { RequestError } from '@octokit/request-error';
import { githubClient, UPSTREAM_TIMEOUT_MS, type GitHubClient } from '@/lib/github/client';
import { expandRoute } from '@/lib/github/conditional';
import { blockedAnswer, isBlocked, nextRateLimitState, rateLimitChanged } from '@/lib/github/rate-limit';
import { githubStore, resourceKey, userKeyOf, type GithubStateStore } from '@/lib/github/store';

/** One call to GitHub's REST API on behalf of a signed-in user (already validated against the allowlist). */
export interface GithubCall {
  method: string;
  /** GitHub's route template, e.g. `/user/codespaces/{codespace_name}`. */
  route: string;
  params: Record<string, string | number>;
  query: Record<string, string | number>;
  /** The JSON body of a mutation. */
  body?: unknown;
  /** The browser's own `If-None-Match`, used upstream when the server has no ETag of its own. */
  ifNoneMatch?: string | null;
}

export interface GithubAnswer {
  status: number;
  /** JSON text to send, or null for none. */
  body: string | null;
  /** GitHub's headers, lower-case (the proxy picks what the browser may see). */
  headers: Record<string, string>;
  /**
   * Who wrote the body: GitHub just now, GitHub earlier (a 304 upstream, served from the store),
   * or Hangar itself (`{ message, status }`: GitHub unreachable, or the user is rate limited).
   */
  from: 'github' | 'cache' | 'hangar';
}

export interface UpstreamDeps {
  store: GithubStateStore;
  client: (token: string) => GitHubClient;
  now: () => number;
}

const defaultDeps = (): UpstreamDeps => ({ store: githubStore(), client: githubClient, now: Date.now });

function hangarAnswer(status: number, message: string, headers: Record<string, string> = {}): GithubAnswer {
  return { status, body: JSON.stringify({ message, status }), headers, from: 'hangar' };
}

function stringHeaders(headers: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = String(value);
  return out;
}

/**
 * Calls GitHub for one user, economically:
 * - every GET is conditional: the last ETag the server saw for this user and resource goes
 *   upstream as If-None-Match, and GitHub's 304 (free against the rate limit) is answered with the
 *   stored body; Octokit reports a 304 by throwing, which is caught here;
 * - a user GitHub has rate limited is answered at once until the limit lifts, by every instance.
 * A `from: 'cache'` answer is a 200 whose body GitHub has just confirmed as current.
 */
export async function callGithub(token: string, call: GithubCall, deps: UpstreamDeps = defaultDeps()): Promise<GithubAnswer> {
  const { store } = deps;
  const user = userKeyOf(token);
  const isGet = call.method === 'GET';
  const resource = isGet ? resourceKey(expandRoute(call.route, call.params), call.query) : '';
  const [cached, limit] = await Promise.all([isGet ? store.getAnswer(user, resource) : undefined, store.getRateLimit(user)]);

  if (isBlocked(limit, deps.now())) {
    const blocked = blockedAnswer(limit, deps.now());
    return { status: blocked.status, body: JSON.stringify(blocked.body), headers: blocked.headers, from: 'hangar' };
  }

  // The server's own ETag first: with it a 304 can be answered with a body. Failing that, the
  // browser's: a 304 then tells the browser its copy is current.
  const ifNoneMatch = isGet ? (cached?.etag ?? call.ifNoneMatch ?? undefined) : undefined;
  let status: number;
  let headers: Record<string, string>;
  let body: string | null;
  try {
    const response = await deps.client(token).request(`${call.method} ${call.route}`, {
      ...call.params,
      ...call.query,
      ...(call.body !== undefined ? { data: call.body } : {}),
      headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
      request: {
        // A mutation is never repeated automatically: a create must not happen twice.
        retries: isGet ? undefined : 0,
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        // GitHub's JSON passes through as text: parsing and serialising it again would only cost time.
        parseSuccessResponseBody: false,
      },
    });
    status = response.status;
    headers = stringHeaders(response.headers);
    const data: unknown = response.data;
    body = data instanceof ReadableStream ? await new Response(data).text() : data === undefined || data === '' ? null : JSON.stringify(data);
    if (body === '') body = null;
  } catch (error) {
    if (!(error instanceof RequestError && error.response)) {
      return hangarAnswer(504, 'GitHub is not answering. Hangar will keep trying.');
    }
    status = error.status;
    headers = stringHeaders(error.response.headers);
    const data: unknown = error.response.data;
    body = status === 304 || data === undefined || data === '' ? null : JSON.stringify(data);
  }

  const learned = nextRateLimitState(status, headers, deps.now());
  if (learned && rateLimitChanged(limit, learned)) await store.putRateLimit(user, learned);

  if (!isGet) return { status, body, headers, from: 'github' };
  if (status === 304 && cached) {
    const served: Record<string, string> = { ...headers, etag: cached.etag };
    if (cached.link) served.link = cached.link;
    if (cached.lastModified) served['last-modified'] = cached.lastModified;
    return { status: 200, body: cached.body, headers: served, from: 'cache' };
  }
  if (status === 200 && headers.etag && body !== null) {
    await store.putAnswer(user, resource, { etag: headers.etag, body, link: headers.link, lastModified: headers['last-modified'] });
  }
  return { status, body, headers, from: 'github' };
}
