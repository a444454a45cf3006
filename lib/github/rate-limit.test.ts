import { describe, expect, it } from 'vitest';
import { blockedAnswer, isBlocked, nextRateLimitState, rateLimitChanged } from './rate-limit';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const RESET = NOW / 1000 + 1800;
const headers = (remaining: number, extra: Record<string, string> = {}) => ({
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(RESET),
  'x-ratelimit-used': String(5000 - remaining),
  'x-ratelimit-resource': 'core',
  ...extra,
});

describe('rate-limit bookkeeping', () => {
  it('records what GitHub’s headers say, without blocking an ordinary answer', () => {
    expect(nextRateLimitState(200, headers(4321), NOW)).toEqual({
      limit: 5000,
      remaining: 4321,
      reset: RESET,
      used: 679,
      resource: 'core',
    });
    expect(nextRateLimitState(304, headers(4321), NOW)?.blockedUntil).toBeUndefined();
  });

  it('learns nothing from an answer without rate-limit headers', () => {
    expect(nextRateLimitState(200, {}, NOW)).toBeUndefined();
  });

  it('blocks until the reset when GitHub refuses with no requests remaining (primary limit)', () => {
    const state = nextRateLimitState(403, headers(0), NOW)!;
    expect(state.blockedUntil).toBe(RESET * 1000);
    expect(state.blockedStatus).toBe(403);
    expect(isBlocked(state, NOW)).toBe(true);
    expect(isBlocked(state, RESET * 1000)).toBe(false);
  });

  it('blocks for retry-after seconds on a secondary limit, even with requests remaining', () => {
    const state = nextRateLimitState(429, { ...headers(3000), 'retry-after': '60' }, NOW)!;
    expect(state.blockedUntil).toBe(NOW + 60_000);
    expect(state.blockedStatus).toBe(429);
    expect(nextRateLimitState(403, { 'retry-after': '5' }, NOW)?.blockedUntil).toBe(NOW + 5000);
  });

  it('does not block on a 403 that is not a rate limit (a missing permission)', () => {
    expect(nextRateLimitState(403, headers(4000), NOW)?.blockedUntil).toBeUndefined();
  });

  it('writes the shared store only when something changed', () => {
    const state = nextRateLimitState(200, headers(4000), NOW)!;
    expect(rateLimitChanged(undefined, state)).toBe(true);
    expect(rateLimitChanged(state, { ...state })).toBe(false);
    expect(rateLimitChanged(state, { ...state, remaining: 3999 })).toBe(true);
  });

  it('answers a blocked user with GitHub’s status, Hangar’s error shape and when to come back', () => {
    const state = nextRateLimitState(403, headers(0), NOW)!;
    const answer = blockedAnswer(state as typeof state & { blockedUntil: number }, NOW);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ message: expect.stringMatching(/rate limit/), status: 403 });
    expect(answer.headers['retry-after']).toBe('1800');
    expect(answer.headers['x-ratelimit-remaining']).toBe('0');
  });
});
