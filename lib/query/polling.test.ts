import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/transport/api-error';
import { POLL_IDLE_MS, POLL_RECOVERY_MS, POLL_TRANSITIONAL_MS, pollInterval, shouldRetry } from './polling';

describe('how often a live page asks GitHub again', () => {
  it('polls quickly while a codespace is changing state', () => {
    expect(pollInterval(true, null)).toBe(POLL_TRANSITIONAL_MS);
    expect(pollInterval(true, new ApiError({ status: 504 }))).toBe(POLL_TRANSITIONAL_MS);
  });

  it('polls slowly when nothing is changing', () => {
    expect(pollInterval(false, null)).toBe(POLL_IDLE_MS);
  });

  it.each([504, 502, 500, 0])('looks again soon after a passing failure (%i), so the page recovers by itself', (status) => {
    expect(pollInterval(false, new ApiError({ status }))).toBe(POLL_RECOVERY_MS);
  });

  it('does not spend a rate limit or repeat a refusal by asking early', () => {
    expect(pollInterval(false, new ApiError({ status: 403, rateLimitRemaining: 0, rateLimitReset: 1 }))).toBe(POLL_IDLE_MS);
    expect(pollInterval(false, new ApiError({ status: 429, retryAfter: 30 }))).toBe(POLL_IDLE_MS);
    expect(pollInterval(false, new ApiError({ status: 401 }))).toBe(POLL_IDLE_MS);
    expect(pollInterval(false, new ApiError({ status: 404 }))).toBe(POLL_IDLE_MS);
  });
});

describe('when a failed read is tried again', () => {
  it('never repeats a refusal: a session that ended, a permission, something gone', () => {
    for (const status of [400, 401, 403, 404, 422]) expect(shouldRetry(0, new ApiError({ status }))).toBe(false);
  });

  it('tries twice more after GitHub trouble or a lost connection', () => {
    for (const error of [new ApiError({ status: 502 }), new ApiError({ status: 0 }), new Error('boom')]) {
      expect([0, 1, 2].map((failures) => shouldRetry(failures, error))).toEqual([true, true, false]);
    }
  });
});
