import 'server-only';
import { RequestError } from '@octokit/request-error';
import { upstreamLimits } from '@/lib/config';
import { githubClient, githubReader, UPSTREAM_TIMEOUT_MS, type GitHubClient, type GitHubReader } from '@/lib/github/client.server';
import { KeyedGate } from '@/lib/github/gate';
import { processWide } from '@/lib/github/process-wide';
import { expandRoute } from '@/lib/github/operation';
import { headersAfterNotModified, storableHeaders } from '@/lib/github/conditional';
import { blockedAnswer, isBlocked, nextRateLimitState, rateLimitChanged } from '@/lib/github/rate-limit';
import {
  accountKeyOfToken,
  githubStore,
  resourceKey,
  userKeyOf,
  type AccountKey,
  type AnswerKey,
  type CachedAnswer,
  type GithubStateStore,
  type RateLimitState,
} from '@/lib/github/store.server';
import { SingleFlight } from '@/lib/github/single-flight';
import { brokenAnswer, brokenAnswerMessage, brokenAnswerStatus, checkAnswer } from '@/lib/github/broken-answers';
import { logEvent } from '@/lib/server/log.server';
import { readCapped } from '@/lib/server/read-capped';

/** One call to GitHub's REST API on behalf of a signed-in user (already validated against the allowlist). */
export interface GithubCall {
  method: string;
  /** GitHub's route template, e.g. `/user/codespaces/{codespace_name}`. */
  route: string;
  params: Record<string, string | number>;
  query: Record<string, string | number>;
  /** The JSON body of a mutation. */
  body?: unknown;
  /** The browser's own `If-None-Match`, used upstream when the server has no ETag of its own. */
  ifNoneMatch?: string | null;
  /**
   * Whether the server keeps this read's answer to revalidate it (default: yes). Only reads the
   * page polls gain from it; for the others an entry would only take room from everyone else's.
   */
  cacheable?: boolean;
  /**
   * The GitHub account the token acts for (the session's user id), whose cache quota a kept read
   * counts against, all its tokens together. Without it the token is its own account.
   */
  account?: AccountKey;
  /**
   * Reads a successful answer as the operation's (lib/github/answers.ts): a problem makes it a
   * broken answer (502, retried like a 5xx); a `body` replaces GitHub's text (items left out).
   */
  readAnswer?: AnswerReader;
  /**
   * The store keeps `readAnswer`'s body under its own entry, named so (e.g. `summaries`), apart
   * from GitHub's own answer to the same read: a list read for Hangar's own routes keeps only the
   * projection it streams (a tenth of GitHub's bytes), and the proxy still serves GitHub's shapes.
   */
  storedAs?: string;
  /**
   * A limit of the caller's on requests in flight (a list's per-organisation gate), held, like the
   * user's read gate, only while the request is out and GitHub's bytes come in: reading them
   * (parsing, validating, `readAnswer`) happens after both are released, so the next request is
   * already on its way while this one's answer is read. Taken before the user's gate.
   */
  inFlight?: <T>(request: () => Promise<T>) => Promise<T>;
}

/**
 * `body` replaces GitHub's text in the answer, and `stored` (when given) is what the store keeps
 * of it instead (e.g. the same text compressed): the fresh answer is not unpacked again.
 */
export type AnswerReader = (json: unknown) => { ok: true; body?: string; stored?: string } | { ok: false; problem: string };

export interface GithubAnswer {
  status: number;
  /** JSON text to send, or null for none. */
  body: string | null;
  /** GitHub's headers, lower-case (the proxy picks what the browser may see). */
  headers: Record<string, string>;
  /**
   * Who wrote the body: GitHub just now, GitHub earlier (a 304 upstream, served from the store),
   * or Hangar itself (`{ message, status }`: GitHub unreachable, or the user is rate limited).
   */
  from: 'github' | 'cache' | 'hangar';
  /** The same body as UTF-8 bytes, when already at hand: a stored body is encoded once, not per answer. */
  bodyBytes?: Uint8Array<ArrayBuffer>;
}

export interface UpstreamDeps {
  store: GithubStateStore;
  /** Octokit for GETs (no plugins) and for writes (retry and throttling plugins). */
  reader: (token: string) => GitHubReader;
  writer: (token: string) => GitHubClient;
  now: () => number;
}

const defaultDeps = (): UpstreamDeps => ({ store: githubStore(), reader: githubReader, writer: githubClient, now: Date.now });

/**
 * The most of one GitHub answer Hangar will read and hold: GitHub's largest pages are a few MB (a
 * page of 100 codespaces is under 1 MB); anything far past that is not an answer worth holding.
 */
export const MAX_GITHUB_BODY_BYTES = upstreamLimits().maxBodyBytes;

/** GitHub sent something that cannot be passed on as its answer (broken-answers.ts). */
class BrokenAnswer extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly problem: string,
    /** Whether asking again may help: a broken page from a struggling edge may; an oversized body will not. */
    readonly retryable = true,
  ) {
    super(`GitHub answered ${status} with ${problem}`);
    this.name = 'BrokenAnswer';
  }
}

/** Concurrent reads per user, as Octokit's throttling allowed (its global group): GitHub asks for restraint. */
const readGate = processWide('read-gate', () => new KeyedGate(10));
/** Reads that fail on GitHub's side (5xx, connection) are tried again this often, after 1 s, then 4 s. */
const READ_RETRIES = 2;
const RETRY_BASE_MS = upstreamLimits().retryBaseMs;

function retryable(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return false;
  if (error instanceof BrokenAnswer) return error.retryable;
  if (!(error instanceof RequestError)) return false;
  if ((error as Error).name === 'AbortError') return false;
  return error.status >= 500;
}

/**
 * A GET, tried again on server errors like Octokit's retry plugin would. Only `request` (until
 * GitHub's bytes are in) holds the gates; `readBytes` runs after they are released, so CPU spent
 * on one answer overlaps the next request's round trip instead of adding to it. The gates are not
 * held while waiting to try again either.
 */
async function read<R, T>(
  user: string,
  signal: AbortSignal,
  request: () => Promise<R>,
  readBytes: (response: R) => T,
  inFlight: <U>(request: () => Promise<U>) => Promise<U> = (task) => task(),
): Promise<T> {
  for (let retries = 0; ; retries++) {
    try {
      return readBytes(await inFlight(() => readGate.run(user, request)));
    } catch (error) {
      if (retries >= READ_RETRIES || !retryable(error, signal)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * (retries + 1) ** 2));
    }
  }
}

function hangarAnswer(status: number, message: string, headers: Record<string, string> = {}): GithubAnswer {
  return { status, body: JSON.stringify({ message, status }), headers, from: 'hangar' };
}

/** A body as text, read no further than the cap (its stream is cancelled there). */
async function readCappedText(stream: ReadableStream<Uint8Array>, status: number, headers: Record<string, string>): Promise<string> {
  const declared = Number(headers['content-length']);
  if (declared > MAX_GITHUB_BODY_BYTES) {
    await stream.cancel();
    throw new BrokenAnswer(status, headers, 'a body larger than Hangar holds', false);
  }
  const bytes = await readCapped(stream, MAX_GITHUB_BODY_BYTES);
  if (!bytes) throw new BrokenAnswer(status, headers, 'a body larger than Hangar holds', false);
  return new TextDecoder().decode(bytes);
}

function stringHeaders(headers: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = String(value);
  return out;
}

/**
 * Calls GitHub for one user, economically:
 * - every GET is conditional: the last ETag the server saw for this token and resource goes
 *   upstream as If-None-Match, and GitHub's 304 (free against the rate limit) is answered with the
 *   stored body and headers, as an HTTP cache would (RFC 9111 §4.3.4): the stored 200's headers
 *   (`Link`, `X-GitHub-SSO`, …) with the 304's own (a newer `ETag`, the rate limit) over them, and
 *   the stored entry freshened with them; Octokit reports a 304 by throwing, which is caught here;
 * - a user GitHub has rate limited is answered at once until the limit lifts, by every instance.
 * A `from: 'cache'` answer is a 200 whose body GitHub has just confirmed as current.
 */
export async function callGithub(token: string, call: GithubCall, deps: UpstreamDeps = defaultDeps()): Promise<GithubAnswer> {
  const { store } = deps;
  const isGet = call.method === 'GET';
  const cacheable = isGet && call.cacheable !== false;
  const key = answerKeyOf(token, call);
  const { user, resource } = key;
  const [cached, limit] = await Promise.all([cacheable ? store.getAnswer(key) : undefined, store.getRateLimit(user)]);

  if (isBlocked(limit, deps.now())) {
    const blocked = blockedAnswer(limit, deps.now());
    return { status: blocked.status, body: JSON.stringify(blocked.body), headers: blocked.headers, from: 'hangar' };
  }

  // The server's own ETag first: with it a 304 can be answered with a body. Failing that, the
  // browser's: a 304 then tells the browser its copy is current.
  const ifNoneMatch = isGet ? (cached?.etag ?? call.ifNoneMatch ?? undefined) : undefined;
  const exchange = () => exchangeWithGithub(token, call, { key, ifNoneMatch, limit, cacheable }, deps);
  // The same GET of the same user, in flight already (several tabs, a burst): one request upstream.
  const answer = isGet ? await sharedReads.run(`${user} ${resource} ${ifNoneMatch ?? ''}`, exchange) : await exchange();

  if (isGet && answer.status === 304 && cached) {
    const headers = headersAfterNotModified(cached.headers, answer.headers);
    const etag = headers.etag ?? cached.etag;
    await store.freshenAnswer(key, { revalidated: cached.etag, etag, headers });
    return { status: 200, body: cached.body, bodyBytes: encodedBody(cached), headers: { ...headers, etag }, from: 'cache' };
  }
  return answer;
}

/** Where a call's answer is stored: per token and resource (a GET's; none for a write). */
function answerKeyOf(token: string, call: Pick<GithubCall, 'method' | 'route' | 'params' | 'query' | 'account' | 'storedAs'>): AnswerKey {
  const resource =
    call.method === 'GET'
      ? resourceKey(expandRoute(call.route, call.params), call.query) + (call.storedAs ? ` as ${call.storedAs}` : '')
      : '';
  return { user: userKeyOf(token), account: call.account ?? accountKeyOfToken(token), resource };
}

/**
 * What the store holds for a read, without asking GitHub: a first paint that may show it at
 * once, saying how old it is (its `date`), and revalidate it right after.
 */
export function storedAnswer(
  token: string,
  call: Pick<GithubCall, 'route' | 'params' | 'query' | 'account' | 'storedAs'>,
  deps: Pick<UpstreamDeps, 'store'> = defaultDeps(),
): Promise<CachedAnswer | undefined> {
  return deps.store.getAnswer(answerKeyOf(token, { ...call, method: 'GET' }));
}

/**
 * Stored bodies as bytes, made on first use and dropped with the stored answer (the memory store
 * hands out the same object each time, and counts this copy in its cap). Encoding a list of 30
 * codespaces (~250 KB) for every poll was a twentieth of the server's time under load.
 */
const encodedBodies = new WeakMap<CachedAnswer, Uint8Array<ArrayBuffer>>();
function encodedBody(answer: CachedAnswer): Uint8Array<ArrayBuffer> {
  let bytes = encodedBodies.get(answer);
  if (!bytes) {
    bytes = new TextEncoder().encode(answer.body);
    encodedBodies.set(answer, bytes);
  }
  return bytes;
}

const sharedReads = processWide('shared-reads', () => new SingleFlight<GithubAnswer>());

/**
 * GitHub's error answer, when its body is not GitHub's JSON: Octokit hands over an HTML page or a
 * cut-off body as a string (it parses only what it can), and nothing for an empty one.
 */
function brokenError(error: unknown): BrokenAnswer | null {
  if (!(error instanceof RequestError && error.response) || error.status === 304) return null;
  const headers = stringHeaders(error.response.headers);
  const data: unknown = error.response.data;
  const text =
    typeof data === 'string'
      ? data
      : data instanceof ArrayBuffer
        ? new TextDecoder().decode(data)
        : data === undefined || data === null
          ? null
          : JSON.stringify(data);
  const problem = brokenAnswer(error.status, headers['content-type'], text);
  return problem ? new BrokenAnswer(error.status, headers, problem) : null;
}

/**
 * One request to GitHub and what it teaches: the user's rate-limit state, and for a GET with an
 * ETag, the answer to revalidate next time (stored before anyone is answered, so another
 * instance sharing the store can use it at once).
 */
async function exchangeWithGithub(
  token: string,
  call: GithubCall,
  {
    key,
    ifNoneMatch,
    limit,
    cacheable,
  }: { key: AnswerKey; ifNoneMatch: string | undefined; limit: RateLimitState | undefined; cacheable: boolean },
  deps: UpstreamDeps,
): Promise<GithubAnswer> {
  const { store } = deps;
  const { user } = key;
  const isGet = call.method === 'GET';
  const operation = `${call.method} ${call.route}`;
  let status: number;
  let headers: Record<string, string>;
  let body: string | null;
  let stored: string | undefined;
  const signal = AbortSignal.timeout(UPSTREAM_TIMEOUT_MS);
  const parameters = {
    ...call.params,
    ...call.query,
    ...(call.body !== undefined ? { data: call.body } : {}),
    headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
    // GitHub's JSON passes through as text: parsing and serialising it again would only cost time.
    request: { signal, parseSuccessResponseBody: false },
  };
  // One exchange: the request and its bytes (the part that holds the gates), then the bytes
  // checked and read; a broken answer throws, so a GET tries again as for a 5xx.
  const received = async (response: { status: number; headers: Record<string, string | number | undefined>; data: unknown }) => {
    const answerHeaders = stringHeaders(response.headers);
    const data = response.data;
    const text =
      data instanceof ReadableStream
        ? await readCappedText(data, response.status, answerHeaders)
        : data === undefined || data === ''
          ? null
          : JSON.stringify(data);
    return { status: response.status, headers: answerHeaders, text };
  };
  const checked = ({ status, headers: answerHeaders, text }: { status: number; headers: Record<string, string>; text: string | null }) => {
    const answer = checkAnswer(status, answerHeaders['content-type'], text);
    if ('problem' in answer) throw new BrokenAnswer(status, answerHeaders, answer.problem);
    if (call.readAnswer && status === 200 && answer.json !== undefined) {
      const read = call.readAnswer(answer.json);
      if (!read.ok) throw new BrokenAnswer(status, answerHeaders, `JSON of the wrong shape (${read.problem})`);
      if (read.body !== undefined) return { status, headers: answerHeaders, body: read.body, stored: read.stored };
    }
    return { status, headers: answerHeaders, body: text === '' ? null : text };
  };
  try {
    const answer = isGet
      ? await read(user, signal, async () => received(await deps.reader(token).request(operation, parameters)), checked, call.inFlight)
      : // A mutation is never repeated automatically: a create must not happen twice.
        checked(
          await received(await deps.writer(token).request(operation, { ...parameters, request: { ...parameters.request, retries: 0 } })),
        );
    ({ status, headers, body } = answer);
    if ('stored' in answer) stored = answer.stored;
  } catch (error) {
    const broken = error instanceof BrokenAnswer ? error : brokenError(error);
    if (broken) {
      const learned = nextRateLimitState(broken.status, broken.headers, deps.now());
      if (learned && rateLimitChanged(limit, learned)) await store.putRateLimit(user, learned);
      logEvent('warn', 'github.broken-answer', {
        operation,
        status: broken.status,
        problem: broken.problem,
        contentType: broken.headers['content-type'] ?? null,
      });
      const answered = brokenAnswerStatus(broken.status);
      return hangarAnswer(answered, brokenAnswerMessage(broken.status, broken.problem));
    }
    if (!(error instanceof RequestError && error.response)) {
      return hangarAnswer(504, 'GitHub is not answering. Hangar will keep trying.');
    }
    status = error.status;
    headers = stringHeaders(error.response.headers);
    const data: unknown = error.response.data;
    body = status === 304 || data === undefined || data === '' ? null : JSON.stringify(data);
  }

  const learned = nextRateLimitState(status, headers, deps.now());
  if (learned && rateLimitChanged(limit, learned)) await store.putRateLimit(user, learned);
  if (cacheable && status === 200 && headers.etag && body !== null) {
    await store.putAnswer(key, { etag: headers.etag, body: stored ?? body, headers: storableHeaders(headers) });
  }
  return { status, body, headers, from: 'github' };
}
