import { createHash } from 'node:crypto';
import type { HeaderFields } from '@/lib/github/conditional';

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

/**
 * Whose quota a stored answer counts against: the GitHub account behind the token, however many
 * tokens it has (every sign-in makes one, and a superseded token's answers stay until evicted).
 * `user:<id>` for a person (GitHub's numeric user id: a login can change hands), `installation:<id>`
 * for a GitHub App installation, `token:<hash>` for a token whose account is not known.
 */
export type AccountKey = string & { readonly __brand: 'AccountKey' };

const NUMERIC_ID = /^[1-9][0-9]{0,19}$/;

function accountKey(kind: 'user' | 'installation', id: number | string): AccountKey {
  const text = String(id);
  if (!NUMERIC_ID.test(text)) throw new Error(`A GitHub ${kind} id is a positive integer, not ${JSON.stringify(text)}`);
  return `${kind}:${text}` as AccountKey;
}

/** The account of a person, by GitHub's numeric user id. */
export function accountKeyOfUser(id: number | string): AccountKey {
  return accountKey('user', id);
}

/** The account of a GitHub App installation, by its numeric id. */
export function accountKeyOfInstallation(id: number | string): AccountKey {
  return accountKey('installation', id);
}

/** A token whose account is not known: it is its own account (its quota is its own, as before accounts). */
export function accountKeyOfToken(accessToken: string): AccountKey {
  return `token:${userKeyOf(accessToken)}` as AccountKey;
}

/**
 * Where one stored answer lives: per token (`user`) and resource, so a body fetched with one
 * token's scopes is never served to another token, even of the same person; its bytes count
 * against `account`.
 */
export interface AnswerKey {
  user: UserKey;
  account: AccountKey;
  resource: string;
}

/** A 200 GitHub answered to one GET, kept to revalidate it and to serve it again on a 304. */
export interface CachedAnswer {
  /** The validator sent upstream as `If-None-Match`. */
  etag: string;
  /** GitHub's JSON body, byte for byte as it came (text: serving it again costs no serialisation). */
  body: string;
  /**
   * GitHub's headers of that answer as an HTTP cache keeps them (lib/github/conditional.ts), lower-case:
   * `Link` (as GitHub wrote it; the proxy rewrites it when serving), `X-GitHub-SSO`, `ETag`, ….
   */
  headers: HeaderFields;
}

/** What a `304` changes in a stored answer: its validator and headers (RFC 9111 §4.3.4); the body stays. */
export interface Freshening {
  /** The ETag the stored answer had when it was sent upstream: another body stored since is left alone. */
  revalidated: string;
  etag: string;
  headers: HeaderFields;
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
  /** The stored answer, now the account's most recently used. */
  getAnswer(key: AnswerKey): Promise<CachedAnswer | undefined>;
  /** Stores an answer; the account's least recently used go first when it is past its quota. */
  putAnswer(key: AnswerKey, answer: CachedAnswer): Promise<void>;
  /** A `304` confirmed the stored answer: it takes the merged headers and the newer ETag. */
  freshenAnswer(key: AnswerKey, freshening: Freshening): Promise<void>;
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

/** Fixed cost of one header field beyond its strings (its slot in the object). */
const FIELD_OVERHEAD_BYTES = 16;

/** Approximate bytes a set of header fields holds in memory. */
export function headerBytes(headers: HeaderFields): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) bytes += stringBytes(name) + stringBytes(value) + FIELD_OVERHEAD_BYTES;
  return bytes;
}

/** Approximate bytes an answer holds in memory, used to keep the memory store under its caps. */
export function answerBytes(resource: string, answer: CachedAnswer): number {
  return (
    stringBytes(answer.body) +
    // And once more as UTF-8 bytes, made when the proxy first serves it from the store (upstream.ts).
    answer.body.length +
    stringBytes(answer.etag) +
    headerBytes(answer.headers) +
    // The key: user hash (64) and resource.
    64 +
    stringBytes(resource) +
    ENTRY_OVERHEAD_BYTES
  );
}
