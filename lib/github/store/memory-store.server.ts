import {
  answerBytes,
  headerBytes,
  type AccountKey,
  type AnswerKey,
  type CachedAnswer,
  type Freshening,
  type GithubStateStore,
  type RateLimitState,
  type UserKey,
} from './types.server';

export interface MemoryStoreOptions {
  /** Total bytes of cached answers, across all accounts; least recently used go first. */
  maxBytes?: number;
  /** Bytes of cached answers one GitHub account may hold, all its tokens together; its own least recently used go first. */
  maxAccountBytes?: number;
  /** Users whose rate-limit state is remembered; least recently seen go first. */
  maxRateLimitUsers?: number;
}

/** 64 MB holds the full list of a few hundred users with large fleets; a small share of a server. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * 2 MB an account: a list of 100 codespaces is ~800 KB of JSON (held twice, as text and as bytes),
 * plus the pages a user has open. An account past it keeps its most recent answers; the browser's
 * own ETag still makes its other reads free 304s.
 */
export const DEFAULT_MAX_ACCOUNT_BYTES = 2 * 1024 * 1024;

interface Entry {
  account: AccountKey;
  answer: CachedAnswer;
  bytes: number;
}

interface AccountShare {
  bytes: number;
  /** This account's keys (of all its tokens), least recently used first (Map order, re-inserted on use). */
  keys: Map<string, true>;
}

/**
 * The default store: one process's memory, nothing on disk. Answers live in one LRU shared by all
 * (keyed by token and resource, so never served to another token) under a byte cap, and each
 * GitHub account under a quota of its own, however many tokens it signs in with: one account's
 * reads, however many or large, evict only its own answers, never another account's, and cannot
 * grow the server without bound.
 */
export class MemoryStore implements GithubStateStore {
  readonly kind = 'memory';
  readonly maxBytes: number;
  readonly maxAccountBytes: number;
  private readonly maxRateLimitUsers: number;
  /** Map iteration order is insertion order: re-inserting on use makes the first key the LRU one. */
  private readonly answers = new Map<string, Entry>();
  private readonly accounts = new Map<AccountKey, AccountShare>();
  private readonly rateLimits = new Map<UserKey, RateLimitState>();
  private usedBytes = 0;

  constructor({
    maxBytes = DEFAULT_MAX_BYTES,
    maxAccountBytes = DEFAULT_MAX_ACCOUNT_BYTES,
    maxRateLimitUsers = 10_000,
  }: MemoryStoreOptions = {}) {
    this.maxBytes = maxBytes;
    this.maxAccountBytes = Math.min(maxAccountBytes, maxBytes);
    this.maxRateLimitUsers = maxRateLimitUsers;
  }

  /** Bytes held now (never above `maxBytes`). */
  get bytes(): number {
    return this.usedBytes;
  }

  get size(): number {
    return this.answers.size;
  }

  /** Bytes held now for one account, all its tokens together (never above `maxAccountBytes`). */
  bytesOf(account: AccountKey): number {
    return this.accounts.get(account)?.bytes ?? 0;
  }

  async getAnswer({ user, resource }: AnswerKey): Promise<CachedAnswer | undefined> {
    const key = entryKey(user, resource);
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    this.touch(key, entry);
    return entry.answer;
  }

  async putAnswer({ user, account, resource }: AnswerKey, answer: CachedAnswer): Promise<void> {
    const key = entryKey(user, resource);
    const bytes = answerBytes(resource, answer);
    this.delete(key);
    // One answer bigger than an eighth of the cache, or than the account's whole quota, would flush
    // everyone else's or all of the account's own: not kept.
    if (bytes > this.maxBytes / 8 || bytes > this.maxAccountBytes) return;
    this.answers.set(key, { account, answer, bytes });
    this.usedBytes += bytes;
    let share = this.accounts.get(account);
    if (!share) this.accounts.set(account, (share = { bytes: 0, keys: new Map() }));
    share.bytes += bytes;
    share.keys.set(key, true);
    this.evict(share);
  }

  async freshenAnswer({ user, resource }: AnswerKey, { revalidated, etag, headers }: Freshening): Promise<void> {
    const key = entryKey(user, resource);
    const entry = this.answers.get(key);
    // Another body was stored since this one was sent upstream: it keeps its own headers.
    if (!entry || entry.answer.etag !== revalidated) return;
    // In place: the same object stays, and with it the body's bytes already encoded (upstream.ts).
    const delta = headerBytes(headers) - headerBytes(entry.answer.headers) + (etag.length - entry.answer.etag.length);
    entry.answer.etag = etag;
    entry.answer.headers = headers;
    entry.bytes += delta;
    this.usedBytes += delta;
    const share = this.accounts.get(entry.account)!;
    share.bytes += delta;
    this.touch(key, entry);
    this.evict(share);
  }

  async getRateLimit(user: UserKey): Promise<RateLimitState | undefined> {
    return this.rateLimits.get(user);
  }

  async putRateLimit(user: UserKey, state: RateLimitState): Promise<void> {
    this.rateLimits.delete(user);
    this.rateLimits.set(user, state);
    if (this.rateLimits.size > this.maxRateLimitUsers) {
      const oldest = this.rateLimits.keys().next().value;
      if (oldest !== undefined) this.rateLimits.delete(oldest);
    }
  }

  /** Memory is always there. */
  async available(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.answers.clear();
    this.accounts.clear();
    this.rateLimits.clear();
    this.usedBytes = 0;
  }

  /** Makes an entry the most recently used, in the whole store and in its account. */
  private touch(key: string, entry: Entry) {
    this.answers.delete(key);
    this.answers.set(key, entry);
    const share = this.accounts.get(entry.account)!;
    share.keys.delete(key);
    share.keys.set(key, true);
  }

  /** The account's least recently used first, down to its quota; then anyone's, down to the cap. */
  private evict(share: AccountShare) {
    for (const [oldest] of share.keys) {
      if (share.bytes <= this.maxAccountBytes) break;
      this.delete(oldest);
    }
    for (const [oldest] of this.answers) {
      if (this.usedBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    this.usedBytes -= entry.bytes;
    const share = this.accounts.get(entry.account)!;
    share.keys.delete(key);
    share.bytes -= entry.bytes;
    if (share.keys.size === 0) this.accounts.delete(entry.account);
  }
}

function entryKey(user: UserKey, resource: string): string {
  return `${user}\0${resource}`;
}
