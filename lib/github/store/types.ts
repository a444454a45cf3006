import { createHash } from 'node:crypto';

/**
 * What the server remembers about GitHub between requests: the last answer to each conditional GET
 * (so the next one can say If-None-Match, and a 304 costs the user nothing against their 5,000
 * requests an hour) and each user's rate-limit state (so every instance knows when GitHub has
 * said "stop"). One small interface, two stores: in memory (one instance) and Redis (several).
 *
 * Pure types and key helpers: no I/O here, so the proxy and the tests share them.
 */

/** A user as the stores know them: a hash of their GitHub token, never the token itself. */
export type UserKey = string & { readonly __brand: 'UserKey' };

/** The body and validators of a 200 GitHub answered to one GET, kept to revalidate it. */
export interface CachedAnswer {
  etag: string;
  /** GitHub's JSON body, byte for byte as it came (text: serving it again costs no serialisation). */
  body: string;
  /** GitHub's `Link` header (pagination), as GitHub wrote it; the proxy rewrites it when serving. */
  link?: string;
  lastModified?: string;
}

/** GitHub's `x-ratelimit-*` headers as last seen for one user, and whether GitHub is refusing them. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  used: number;
  resource: string;
  /**
   * Epoch milliseconds until which GitHub refuses this user's requests (its answer was a primary
   * or secondary rate limit). Absent while requests are allowed.
   */
  blockedUntil?: number;
  /** The status GitHub refused with (403 or 429), answered again while blocked. */
  blockedStatus?: number;
}

export interface GithubStateStore {
  readonly kind: 'memory' | 'redis';
  getAnswer(user: UserKey, resource: string): Promise<CachedAnswer | undefined>;
  putAnswer(user: UserKey, resource: string, answer: CachedAnswer): Promise<void>;
  getRateLimit(user: UserKey): Promise<RateLimitState | undefined>;
  putRateLimit(user: UserKey, state: RateLimitState): Promise<void>;
  /** Whether the store answers now (the health check asks); a store that does not only costs cache misses. */
  available(): Promise<boolean>;
  /** Drops every connection the store holds (tests, shutdown). */
  close(): Promise<void>;
}

/**
 * The store key for a user: SHA-256 of their token, domain-separated so the same hash means
 * nothing elsewhere. Per token rather than per login: a body fetched with one token's scopes is
 * never served to another token, even of the same person.
 */
export function userKeyOf(accessToken: string): UserKey {
  return createHash('sha256').update(`hangar/github-user\0${accessToken}`).digest('hex') as UserKey;
}

/**
 * The store key for one GET: method, expanded path and query with keys sorted, so the same
 * request asked by the proxy, by a server-rendered page or by another instance maps to one entry.
 */
export function resourceKey(path: string, query: Record<string, string | number> = {}): string {
  const search = Object.keys(query)
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(query[key]))}`)
    .join('&');
  return `GET ${path}${search ? `?${search}` : ''}`;
}

/** Bytes a string takes in V8: one per character when all are Latin-1, two otherwise. */
function stringBytes(text: string | undefined): number {
  if (!text) return 0;
  return text.length * (/[^\x00-\xff]/.test(text) ? 2 : 1);
}

/** Fixed cost of one entry beyond its strings: the Map slot, the entry and answer objects. */
const ENTRY_OVERHEAD_BYTES = 256;

/** Approximate bytes an answer holds in memory, used to keep the memory store under its cap. */
export function answerBytes(resource: string, answer: CachedAnswer): number {
  return (
    stringBytes(answer.body) +
    // And once more as UTF-8 bytes, made when the proxy first serves it from the store (upstream.ts).
    answer.body.length +
    stringBytes(answer.etag) +
    stringBytes(answer.link) +
    stringBytes(answer.lastModified) +
    // The key: user hash (64) and resource.
    64 +
    stringBytes(resource) +
    ENTRY_OVERHEAD_BYTES
  );
}
