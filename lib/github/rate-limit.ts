import type { RateLimitState } from '@/lib/github/store/types.server';

/**
 * Rate-limit bookkeeping, pure: what GitHub's `x-ratelimit-*` and `retry-after` headers say about a
 * user, and when GitHub has said "stop". The proxy keeps the result in the shared store, so every
 * instance stops asking (GitHub may ban integrations that keep calling while limited) and answers
 * at once instead.
 */

type Headers = Record<string, string | number | undefined>;

function numberOf(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The user's rate-limit state after GitHub answered `status` with `headers`; undefined when the
 * answer carries no rate-limit headers (nothing learned). A 403 or 429 is a rate limit when GitHub
 * says so: no requests remaining (primary limit, until `x-ratelimit-reset`) or a `retry-after`
 * (secondary limit, for that many seconds). Any other answer lifts a block.
 */
export function nextRateLimitState(status: number, headers: Headers, now: number): RateLimitState | undefined {
  const limit = numberOf(headers['x-ratelimit-limit']);
  const remaining = numberOf(headers['x-ratelimit-remaining']);
  const reset = numberOf(headers['x-ratelimit-reset']);
  const retryAfter = numberOf(headers['retry-after']);
  const refused = status === 403 || status === 429;
  if (limit === undefined || remaining === undefined || reset === undefined) {
    if (!(refused && retryAfter !== undefined)) return undefined;
  }
  const state: RateLimitState = {
    limit: limit ?? 0,
    remaining: remaining ?? 0,
    reset: reset ?? Math.ceil(now / 1000),
    used: numberOf(headers['x-ratelimit-used']) ?? 0,
    resource: String(headers['x-ratelimit-resource'] ?? 'core'),
  };
  if (refused) {
    const until = retryAfter !== undefined ? now + retryAfter * 1000 : remaining === 0 && reset !== undefined ? reset * 1000 : undefined;
    if (until !== undefined && until > now) {
      state.blockedUntil = until;
      state.blockedStatus = status;
    }
  }
  return state;
}

/** Whether two states differ in anything that matters (the shared store is written only then). */
export function rateLimitChanged(before: RateLimitState | undefined, after: RateLimitState): boolean {
  return (
    !before ||
    before.remaining !== after.remaining ||
    before.reset !== after.reset ||
    before.limit !== after.limit ||
    before.blockedUntil !== after.blockedUntil ||
    before.blockedStatus !== after.blockedStatus
  );
}

/** Whether GitHub is refusing this user now. */
export function isBlocked(state: RateLimitState | undefined, now: number): state is RateLimitState & { blockedUntil: number } {
  return state?.blockedUntil !== undefined && state.blockedUntil > now;
}

/** What Hangar answers for a blocked user without calling GitHub: GitHub's status, and when it lifts. */
export function blockedAnswer(state: RateLimitState & { blockedUntil: number }, now: number) {
  const status = state.blockedStatus ?? 403;
  const seconds = Math.max(1, Math.ceil((state.blockedUntil - now) / 1000));
  return {
    status,
    body: {
      message: `GitHub's rate limit for your account is reached; Hangar holds requests for ${seconds} s, until it lifts.`,
      status,
    },
    headers: {
      'retry-after': String(seconds),
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-reset': String(state.reset),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-resource': state.resource,
    },
  };
}
