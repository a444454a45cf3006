import { ApiError } from '@/lib/api/client';
import { POLL_IDLE_MS, POLL_TRANSITIONAL_MS } from './keys';

/** While GitHub is failing in a way that may pass (5xx, timeouts, network), look again soon. */
export const POLL_RECOVERY_MS = 10_000;

/**
 * How long until a live query asks again: quickly while something is changing state, soon after
 * a passing failure so the page recovers by itself, slowly otherwise. A rate limit or a refusal
 * is not asked again early: that would only spend the limit or repeat the refusal.
 */
export function pollInterval(busy: boolean, lastError: unknown): number {
  if (busy) return POLL_TRANSITIONAL_MS;
  if (lastError instanceof ApiError && lastError.description.retryable && lastError.description.kind !== 'rateLimit') {
    return POLL_RECOVERY_MS;
  }
  return POLL_IDLE_MS;
}
