import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('what an upstream error tells the user', () => {
  it('sends an expired session back to sign-in', () => {
    expect(describeError({ status: 401 }, NOW)).toMatchObject({ kind: 'session', title: 'Your session has ended' });
  });

  it('explains billing limits with GitHub’s own words', () => {
    const d = describeError({ status: 402, message: 'Payment required: spending limit reached' }, NOW);
    expect(d.kind).toBe('billing');
    expect(d.detail).toContain('spending limit');
  });

  it('tells when a primary rate limit lifts', () => {
    const reset = Math.floor(Date.parse('2026-11-24T12:47:00Z') / 1000);
    const d = describeError(
      { status: 403, message: 'API rate limit exceeded for user ID 1.', rateLimitRemaining: 0, rateLimitReset: reset },
      NOW,
    );
    expect(d.kind).toBe('rateLimit');
    expect(d.detail).toContain('12:47 UTC');
  });

  it('tells when a secondary rate limit lifts', () => {
    expect(describeError({ status: 429, retryAfter: 30 }, NOW).detail).toContain('in 30 seconds');
  });

  it('keeps a plain 403 as a permission problem', () => {
    expect(describeError({ status: 403, message: 'Must have admin rights' }, NOW)).toMatchObject({ kind: 'permission', retryable: false });
  });

  it('reads 409 as a conflicting operation, 5xx as GitHub trouble, 504 as no answer', () => {
    expect(describeError({ status: 409 }, NOW)).toMatchObject({ kind: 'conflict', retryable: true });
    expect(describeError({ status: 502 }, NOW)).toMatchObject({ kind: 'upstream', retryable: true });
    expect(describeError({ status: 504 }, NOW)).toMatchObject({ kind: 'timeout', title: 'GitHub is not answering' });
    // A change that timed out may still happen: the user is told to check, not to repeat it.
    expect(describeError({ status: 504, method: 'POST' }, NOW).detail).toMatch(/may still go through/);
    expect(describeError({ status: 504, method: 'GET' }, NOW).detail).not.toMatch(/may still go through/);
  });

  it('passes validation messages through', () => {
    expect(describeError({ status: 422, message: 'Machine type not allowed' }, NOW).detail).toBe('Machine type not allowed');
  });
});
