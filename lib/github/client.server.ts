import 'server-only';
import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { upstreamLimits } from '@/lib/config';
import { serverConfig } from '@/lib/config';
import { octokitLog } from '@/lib/server/log.server';
import { wholeBodyFetch } from './whole-body-fetch.server';

const HangarOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof HangarOctokit>;
export type GitHubReader = InstanceType<typeof Octokit>;

/** Upper bound for one upstream call, retries included, so a hung GitHub never hangs a page. */
export const UPSTREAM_TIMEOUT_MS = upstreamLimits().timeoutMs;

/** Thrown by `withDeadline` when time is up. */
export class UpstreamTimeout extends Error {
  constructor(ms: number) {
    super(`GitHub did not answer within ${ms} ms`);
    this.name = 'UpstreamTimeout';
  }
}

/**
 * Runs one upstream call with a hard deadline. The call is aborted with a plain AbortError, which
 * the retry plugin leaves alone (a TimeoutError would be retried, instantly and uselessly), and the
 * race guarantees the deadline even where a fetch does not honour its signal.
 */
export async function withDeadline<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UpstreamTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits longer than this are not worth holding a request open for: the user is told instead. */
const MAX_RATE_LIMIT_WAIT_S = 5;

/**
 * The platform's fetch, not the one Next wraps inside route handlers and pages (for its data cache
 * and tracing): Hangar keeps its own conditional-request cache, and the wrapper costs time on
 * every call. Looked up per call, since Next installs its wrapper after modules load.
 */
const plainFetch: typeof fetch = (input, init) => {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return (current._nextOriginalFetch ?? current)(input, init);
};

/**
 * An Octokit for one signed-in user's writes (and anything else not on the read path), talking to
 * the configured GitHub API. Built per request: it holds the user's token, which never leaves the
 * server. Its throttling spaces each user's writes as GitHub asks (one a second).
 */
export function githubClient(accessToken: string): GitHubClient {
  return new HangarOctokit({
    ...asUser(accessToken),
    request: { retries: 2, retryAfter: 1, fetch: plainFetch },
    throttle: {
      // GitHub asks for one write per second per user: keep each user's limiter separate.
      id: createHash('sha256').update(accessToken).digest('hex').slice(0, 16),
      onRateLimit: retryShortWaitOnce,
      onSecondaryRateLimit: retryShortWaitOnce,
    } satisfies ThrottlingOptions,
  });
}

/** A rate-limited read is tried again once, when GitHub asks for a short wait; a write never is. */
const retryShortWaitOnce: NonNullable<ThrottlingOptions['onRateLimit']> = (retryAfter, options, _octokit, retryCount) =>
  options.method === 'GET' && retryCount === 0 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;

/** What every Octokit acting for a user starts from: the user's token, the configured GitHub API. */
function asUser(accessToken: string) {
  return { auth: accessToken, baseUrl: serverConfig().apiUrl, userAgent: 'Hangar', log: octokitLog };
}

/** Reads' bodies are read whole: gathered compressed and inflated at once (whole-body-fetch.server.ts). */
const readFetch = wholeBodyFetch({ maxBodyBytes: upstreamLimits().maxBodyBytes, fallback: plainFetch });

/**
 * An Octokit for one user's reads: no retry or throttling plugins. Both queue every request through
 * Bottleneck, whose timers cost ~15 ms a call, several times what the call itself takes; on a
 * dashboard that polls, that is most of the proxy's time. The read path (upstream.ts) retries
 * server errors itself, bounds each user's concurrent reads, and keeps rate-limit bookkeeping.
 */
export function githubReader(accessToken: string): GitHubReader {
  return new Octokit({ ...asUser(accessToken), request: { fetch: readFetch } });
}
