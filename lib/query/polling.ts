import { ApiError, passesSoon } from '@/lib/transport/api-error';

/** Poll quickly only while something is on its way to another state. */
export const POLL_TRANSITIONAL_MS = 2_000;
export const POLL_IDLE_MS = 60_000;
/** While GitHub is failing in a way that may pass (5xx, timeouts, network), look again soon. */
export const POLL_RECOVERY_MS = 10_000;
/** How long an answer counts as fresh: a page opened twice in a few seconds asks once. */
export const FRESH_MS = 5_000;

/**
 * How long until a live query asks again: quickly while something is changing state, soon after
 * a passing failure so the page recovers by itself, slowly otherwise. A rate limit or a refusal
 * is not asked again early: that would only spend the limit or repeat the refusal.
 */
export function pollInterval(busy: boolean, lastError: unknown): number {
  if (busy) return POLL_TRANSITIONAL_MS;
  if (lastError instanceof ApiError && passesSoon(lastError.facts)) {
    return POLL_RECOVERY_MS;
  }
  return POLL_IDLE_MS;
}

/**
 * The one retry policy of every query: a refusal (400–499: a session that ended, a permission,
 * something gone) will not fix itself by asking again; anything else is tried twice more.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}
