import 'server-only';
import { answerStoreSettings } from '@/lib/config';
import { DEFAULT_MAX_ACCOUNT_BYTES, DEFAULT_MAX_BYTES, MemoryStore } from './store/memory-store.server';
import type { RedisConnection } from './store/redis-connection.server';
import { RedisStore } from './store/redis-store.server';
import type { GithubStateStore } from './store/types.server';

export type { AccountKey, AnswerKey, CachedAnswer, Freshening, GithubStateStore, RateLimitState, UserKey } from './store/types.server';
export { accountKeyOfInstallation, accountKeyOfToken, accountKeyOfUser, resourceKey, userKeyOf } from './store/types.server';

// On globalThis: the proxy route and server-rendered pages are bundled apart, and must share one store.
const holder = globalThis as typeof globalThis & { __hangarGithubStore?: GithubStateStore };

/**
 * The server's store for conditional requests and rate limits, chosen when the server starts:
 * Redis when `REDIS_URL` is set (several instances share it), otherwise this process's memory,
 * capped at `HANGAR_CACHE_MAX_BYTES` (default 64 MB). Either way each GitHub account holds at most
 * `HANGAR_CACHE_USER_MAX_BYTES` (default 2 MB), all its tokens together.
 */
export function githubStore(): GithubStateStore {
  const settings = answerStoreSettings();
  const maxAccountBytes = settings.maxAccountBytes || DEFAULT_MAX_ACCOUNT_BYTES;
  holder.__hangarGithubStore ??= settings.redisUrl
    ? new RedisStore(settings.redisUrl, { maxAccountBytes })
    : new MemoryStore({ maxBytes: settings.maxBytes || DEFAULT_MAX_BYTES, maxAccountBytes });
  return holder.__hangarGithubStore;
}

/** Replaces the store (tests). */
export function setGithubStore(store: GithubStateStore | undefined) {
  holder.__hangarGithubStore = store;
}

/** The Redis connection of the shared store, when there is one (`REDIS_URL`): renewals use it too. */
export function sharedRedis(): RedisConnection | null {
  const store = githubStore();
  // By kind, not instanceof: route handlers and pages are bundled apart, each with its own copy of
  // the class, and the store on globalThis was made by whichever asked first.
  return store.kind === 'redis' ? (store as RedisStore).connection : null;
}
