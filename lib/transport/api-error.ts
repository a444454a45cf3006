/**
 * An error answer from the proxy (Hangar's own or GitHub's, passed through), as the facts it came
 * with: what code decides by (its status, a rate limit, whether it passes by itself). What it
 * means in words is errors.ts's, loaded where an error is shown: every first load carries this
 * module, and an error's words only the pages that show one (issue 26).
 */

export interface ErrorFacts {
  status: number;
  /** GitHub's or Hangar's `message`, when there was one. */
  message?: string;
  /** Seconds, from `retry-after` (secondary rate limits). */
  retryAfter?: number;
  /** Epoch seconds, from `x-ratelimit-reset`. */
  rateLimitReset?: number;
  rateLimitRemaining?: number;
  /** The HTTP method asked: what a timeout means depends on whether it was a change. */
  method?: string;
  /** GitHub's `X-GitHub-SSO`, as it came (untrusted: read by lib/github/refusals.ts). */
  sso?: string;
  /** GitHub's `X-Accepted-GitHub-Permissions`, as it came (untrusted). */
  acceptedPermissions?: string;
}

export class ApiError extends Error {
  readonly facts: ErrorFacts;
  constructor(facts: ErrorFacts) {
    // For logs and tests: a person reads errors.ts's words (describeFailure), not this.
    super(`HTTP ${facts.status}${facts.message ? `: ${facts.message}` : ''}`);
    this.name = 'ApiError';
    this.facts = facts;
  }
  get status() {
    return this.facts.status;
  }
}

/** GitHub is limiting this account's requests (a 429, or a 403 that says so). */
export function isRateLimited(facts: ErrorFacts): boolean {
  return (
    facts.status === 429 ||
    (facts.status === 403 && (facts.rateLimitRemaining === 0 || facts.retryAfter !== undefined || /rate limit/i.test(facts.message ?? '')))
  );
}

/**
 * A failure that may pass by itself soon (the network, a timeout, a conflicting operation, GitHub's
 * 5xx), not a rate limit (asking again early spends it) nor a refusal.
 */
export function passesSoon(facts: ErrorFacts): boolean {
  if (isRateLimited(facts)) return false;
  return facts.status === 0 || facts.status === 409 || facts.status >= 500;
}

/** The refusal headers of a proxy answer, for `ErrorFacts` (the proxy passes them through as GitHub wrote them). */
export function refusalFacts(headers: { get(name: string): string | null }): Pick<ErrorFacts, 'sso' | 'acceptedPermissions'> {
  const sso = headers.get('x-github-sso');
  const acceptedPermissions = headers.get('x-accepted-github-permissions');
  return { ...(sso ? { sso } : {}), ...(acceptedPermissions ? { acceptedPermissions } : {}) };
}

/** A header as a number, when it is one. */
function numberHeader(headers: { get(name: string): string | null }, name: string): number | undefined {
  const value = headers.get(name);
  return value === null || value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
}

/** The error an answer means: its status, message and GitHub's refusal and rate-limit headers. */
export function apiErrorOf(status: number, message: string | undefined, headers: { get(name: string): string | null }, method: string) {
  return new ApiError({
    status,
    message,
    retryAfter: numberHeader(headers, 'retry-after'),
    rateLimitReset: numberHeader(headers, 'x-ratelimit-reset'),
    rateLimitRemaining: numberHeader(headers, 'x-ratelimit-remaining'),
    method,
    ...refusalFacts(headers),
  });
}

/** The error a failed answer of the proxy (or of a list route) means, its JSON `message` read. */
export async function toApiError(response: Response, method: string): Promise<ApiError> {
  let message: string | undefined;
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return apiErrorOf(response.status, message, response.headers, method);
}

/** GitHub no longer accepts the session (401): the page gives way to "sign in again" (components/layout/session-ended). */
export function endsSession(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
