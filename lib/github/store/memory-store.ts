import { answerBytes, type CachedAnswer, type GithubStateStore, type RateLimitState, type UserKey } from './types';

export interface MemoryStoreOptions {
  /** Total bytes of cached answers, across all users; least recently used go first. */
  maxBytes?: number;
  /** Users whose rate-limit state is remembered; least recently seen go first. */
  maxRateLimitUsers?: number;
}

/** 64 MB holds the full list of a few hundred users with large fleets; a small share of a server. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  answer: CachedAnswer;
  bytes: number;
}

/**
 * The default store: one process's memory, nothing on disk. Answers live in one LRU shared by all
 * users (keyed by user and resource, so never served across users) under a byte cap, so a few
 * users with huge fleets cannot grow the server without bound.
 */
export class MemoryStore implements GithubStateStore {
  readonly kind = 'memory';
  readonly maxBytes: number;
  private readonly maxRateLimitUsers: number;
  /** Map iteration order is insertion order: re-inserting on use makes the first key the LRU one. */
  private readonly answers = new Map<string, Entry>();
  private readonly rateLimits = new Map<UserKey, RateLimitState>();
  private usedBytes = 0;

  constructor({ maxBytes = DEFAULT_MAX_BYTES, maxRateLimitUsers = 10_000 }: MemoryStoreOptions = {}) {
    this.maxBytes = maxBytes;
    this.maxRateLimitUsers = maxRateLimitUsers;
  }

  /** Bytes held now (never above `maxBytes`). */
  get bytes(): number {
    return this.usedBytes;
  }

  get size(): number {
    return this.answers.size;
  }

  async getAnswer(user: UserKey, resource: string): Promise<CachedAnswer | undefined> {
    const key = `${user}\0${resource}`;
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    this.answers.delete(key);
    this.answers.set(key, entry);
    return entry.answer;
  }

  async putAnswer(user: UserKey, resource: string, answer: CachedAnswer): Promise<void> {
    const key = `${user}\0${resource}`;
    const bytes = answerBytes(resource, answer);
    this.delete(key);
    // One answer bigger than an eighth of the cache would flush everyone else's: not kept.
    if (bytes > this.maxBytes / 8) return;
    this.answers.set(key, { answer, bytes });
    this.usedBytes += bytes;
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

  async close(): Promise<void> {
    this.answers.clear();
    this.rateLimits.clear();
    this.usedBytes = 0;
  }

  private delete(key: string) {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    this.usedBytes -= entry.bytes;
  }
}
