import { answerBytes, type CachedAnswer, type GithubStateStore, type RateLimitState, type UserKey } from './types';

export interface MemoryStoreOptions {
  /** Total bytes of cached answers, across all users; least recently used go first. */
  maxBytes?: number;
  /** Bytes of cached answers one user may hold; their own least recently used go first. */
  maxUserBytes?: number;
  /** Users whose rate-limit state is remembered; least recently seen go first. */
  maxRateLimitUsers?: number;
}

/** 64 MB holds the full list of a few hundred users with large fleets; a small share of a server. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * 2 MB a user: a list of 100 codespaces is ~800 KB of JSON (held twice, as text and as bytes),
 * plus the pages a user has open. A user past it keeps their most recent answers; the browser's
 * own ETag still makes their other reads free 304s.
 */
export const DEFAULT_MAX_USER_BYTES = 2 * 1024 * 1024;

interface Entry {
  user: UserKey;
  answer: CachedAnswer;
  bytes: number;
}

interface UserShare {
  bytes: number;
  /** This user's keys, least recently used first (Map order, re-inserted on use). */
  keys: Map<string, true>;
}

/**
 * The default store: one process's memory, nothing on disk. Answers live in one LRU shared by all
 * users (keyed by user and resource, so never served across users) under a byte cap, and each
 * user under a quota of their own: one user's reads, however many or large, evict only their own
 * answers, never everyone else's, and cannot grow the server without bound.
 */
export class MemoryStore implements GithubStateStore {
  readonly kind = 'memory';
  readonly maxBytes: number;
  readonly maxUserBytes: number;
  private readonly maxRateLimitUsers: number;
  /** Map iteration order is insertion order: re-inserting on use makes the first key the LRU one. */
  private readonly answers = new Map<string, Entry>();
  private readonly users = new Map<UserKey, UserShare>();
  private readonly rateLimits = new Map<UserKey, RateLimitState>();
  private usedBytes = 0;

  constructor({
    maxBytes = DEFAULT_MAX_BYTES,
    maxUserBytes = DEFAULT_MAX_USER_BYTES,
    maxRateLimitUsers = 10_000,
  }: MemoryStoreOptions = {}) {
    this.maxBytes = maxBytes;
    this.maxUserBytes = Math.min(maxUserBytes, maxBytes);
    this.maxRateLimitUsers = maxRateLimitUsers;
  }

  /** Bytes held now (never above `maxBytes`). */
  get bytes(): number {
    return this.usedBytes;
  }

  get size(): number {
    return this.answers.size;
  }

  /** Bytes held now for one user (never above `maxUserBytes`). */
  bytesOf(user: UserKey): number {
    return this.users.get(user)?.bytes ?? 0;
  }

  async getAnswer(user: UserKey, resource: string): Promise<CachedAnswer | undefined> {
    const key = `${user}\0${resource}`;
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    this.answers.delete(key);
    this.answers.set(key, entry);
    const share = this.users.get(user)!;
    share.keys.delete(key);
    share.keys.set(key, true);
    return entry.answer;
  }

  async putAnswer(user: UserKey, resource: string, answer: CachedAnswer): Promise<void> {
    const key = `${user}\0${resource}`;
    const bytes = answerBytes(resource, answer);
    this.delete(key);
    // One answer bigger than an eighth of the cache, or than the user's whole quota, would flush
    // everyone else's or all of the user's own: not kept.
    if (bytes > this.maxBytes / 8 || bytes > this.maxUserBytes) return;
    this.answers.set(key, { user, answer, bytes });
    this.usedBytes += bytes;
    let share = this.users.get(user);
    if (!share) this.users.set(user, (share = { bytes: 0, keys: new Map() }));
    share.bytes += bytes;
    share.keys.set(key, true);
    for (const [oldest] of share.keys) {
      if (share.bytes <= this.maxUserBytes) break;
      this.delete(oldest);
    }
    for (const [oldest] of this.answers) {
      if (this.usedBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
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
    this.users.clear();
    this.rateLimits.clear();
    this.usedBytes = 0;
  }

  private delete(key: string) {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    this.usedBytes -= entry.bytes;
    const share = this.users.get(entry.user)!;
    share.keys.delete(key);
    share.bytes -= entry.bytes;
    if (share.keys.size === 0) this.users.delete(entry.user);
  }
}
