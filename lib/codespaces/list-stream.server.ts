import 'server-only';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NextRequest } from 'next/server';
import { expectedOrigin } from '@/lib/auth/origin';
import { withGithubSession } from '@/lib/auth/request-session.server';
import { serverConfig } from '@/lib/config';
import { accountOfSession } from '@/lib/github/account.server';
import { KeyedGate } from '@/lib/github/gate';
import { processWide } from '@/lib/github/process-wide';
import { githubResponse, hangarError, withApiHeaders } from '@/lib/github/proxy.server';
import { userKeyOf, type AccountKey } from '@/lib/github/store.server';
import { callGithub, storedAnswer, type AnswerReader, type GithubAnswer, type GithubCall } from '@/lib/github/upstream.server';
import { logEvent } from '@/lib/server/log.server';
import { ApiError } from '@/lib/transport/api-error';
import { inOrder, MAX_PLANNED_PAGES, PAGE_CONCURRENCY } from '@/lib/transport/pagination';
import type { ListPage } from '@/lib/transport/transport';
import { readCodespaceSummaryPage } from './domain/read-schemas';
import type { CodespaceListLine } from './domain/list-lines';
import type { CodespaceSummary } from './domain/types';
import { operations } from './operations';

/**
 * A list of codespaces assembled on the server and streamed to the page as summaries: Hangar reads
 * GitHub's pages (conditionally, through the same store as the proxy, a few at a time), keeps of
 * each codespace only what the lists show (domain/summary.ts, a tenth of GitHub's bytes), and sends
 * one NDJSON line per page, in order, each as soon as it and those before it are in. The browser
 * never parses GitHub's full objects for a list, and the first rows go out before the last page
 * is asked for. The lines are in domain/list-lines.ts.
 */

/** Whose list: the signed-in user's (`/user/codespaces`) or an organisation's (`/orgs/{org}/codespaces`, for owners). */
type CodespaceListSource = { kind: 'mine' } | { kind: 'organization'; org: string };

/** What a list is read with: the session's token and the account its stored answers count against. */
interface ListReader {
  accessToken: string;
  account: AccountKey;
}

const PER_PAGE = 100;

/**
 * GitHub's page as the lists keep it, `{ total_count, codespaces }` of summaries, gzipped: what
 * the store keeps for these reads (~75 bytes a codespace instead of GitHub's ~8 KB, so a
 * 10,000-codespace organisation's pages fit an account's quota, and a poll is all 304s) and
 * what the stream sends, without parsing again. A codespace that cannot be read is left out.
 */
const summaryPageAnswer: AnswerReader = (json) => {
  const page = readCodespaceSummaryPage(json);
  if (!page.ok) return { ok: false, problem: page.message };
  const text = JSON.stringify({ total_count: page.value.totalCount, codespaces: page.value.codespaces });
  // The store keeps it packed; this answer goes on as the text it is, not unpacked again.
  return { ok: true, body: text, stored: `${PACKED}${gzipSync(text).toString('base64')}` };
};

/** The mark of a packed (gzipped, base64) summary page: the store keeps text. */
const PACKED = 'gzip:';

/** A stored summary page as JSON text again (its other answers, GitHub's refusals, are as GitHub wrote them). */
function unpacked(answer: GithubAnswer): GithubAnswer {
  if (!answer.body?.startsWith(PACKED)) return answer;
  return { ...answer, body: gunzipSync(Buffer.from(answer.body.slice(PACKED.length), 'base64')).toString('utf8'), bodyBytes: undefined };
}

/**
 * Requests for one organisation's list in flight at once, whoever asks (every owner's tabs
 * together), and for one account's own list: GitHub asks integrations not to send many requests at once.
 */
const listGate = processWide('list-gate', () => new KeyedGate(PAGE_CONCURRENCY));
const gateKey = (reader: ListReader, source: CodespaceListSource) =>
  source.kind === 'organization' ? `org:${source.org.toLowerCase()}` : `account:${reader.account}`;

/** One token's reading of one list: what is read ahead or worked out for it is kept under this (the store's answers are per token too). */
const listKeyOf = (reader: ListReader, source: CodespaceListSource) => `${userKeyOf(reader.accessToken)} ${gateKey(reader, source)}`;

/** The read of one page of the list, kept in the store under its own entry (`as summaries`). */
function summaryPageCall(reader: ListReader, source: CodespaceListSource, page: number): GithubCall {
  const operation = source.kind === 'mine' ? operations.listMyCodespaces : operations.listOrgCodespaces;
  return {
    method: 'GET',
    route: operation.route,
    params: source.kind === 'mine' ? {} : { org: source.org },
    // Page one as every other reader of the list asks for it (no `page`), so GitHub sees one URL.
    query: page === 1 ? { per_page: PER_PAGE } : { per_page: PER_PAGE, page },
    account: reader.account,
    cacheable: true,
    readAnswer: summaryPageAnswer,
    storedAs: 'summaries',
    // At most PAGE_CONCURRENCY of the list's pages out to GitHub at once, whoever reads them; each
    // slot is freed once its bytes are in, so the next page is asked for while this one is read.
    // Page one (what a page paints first) waits ahead of later pages, e.g. those read ahead for
    // an earlier paint of the same account.
    inFlight: (request) => listGate.run(gateKey(reader, source), request, { first: page === 1 }),
  };
}

/** One page of the list, read through the conditional store. */
async function readSummaryPage(reader: ListReader, source: CodespaceListSource, page: number): Promise<GithubAnswer> {
  return unpacked(await callGithub(reader.accessToken, summaryPageCall(reader, source, page)));
}

/** A stored summary page as the lists keep it. */
function summaryListPage(answer: GithubAnswer): ListPage<CodespaceSummary> {
  const list = JSON.parse(answer.body ?? '') as { total_count: number; codespaces: CodespaceSummary[] };
  const sso = answer.headers['x-github-sso'];
  return { items: list.codespaces, total: list.total_count, ...(sso ? { sso } : {}) };
}

/**
 * The most pages a first paint carries from the store: 2,000 codespaces are ~1.7 MB of summaries in
 * the page (~150 KB gzipped); a longer list paints its first page and streams the rest.
 */
const STORED_FIRST_PAINT_PAGES = 20;

/** The stored answers of every page of a list, or null when one is missing or the list is longer than a first paint carries. */
async function storedPageAnswers(
  reader: ListReader,
  source: CodespaceListSource,
): Promise<{ answers: GithubAnswer[]; etags: string[]; asOf: number } | null> {
  const stored = (page: number) => storedAnswer(reader.accessToken, summaryPageCall(reader, source, page));
  const first = await stored(1);
  if (!first) return null;
  // Its count, from the packed page's own text: not unpacked unless needed.
  const last = lastPageOf(totalOf(unpacked({ status: 200, body: first.body, headers: first.headers, from: 'cache' })));
  if (last > STORED_FIRST_PAINT_PAGES) return null;
  const rest = await Promise.all(Array.from({ length: last - 1 }, (_, i) => stored(i + 2)));
  const all = [first, ...rest];
  if (all.some((answer) => !answer)) return null;
  const dates = all.map((answer) => Date.parse(answer!.headers.date ?? ''));
  if (dates.some(Number.isNaN)) return null;
  return {
    answers: all.map((answer) => ({ status: 200, body: answer!.body, headers: answer!.headers, from: 'cache' as const })),
    etags: all.map((answer) => answer!.etag),
    asOf: Math.min(...dates),
  };
}

/**
 * The whole list as the store holds it, without asking GitHub, when it holds every page (a
 * returning user): the pages, and when GitHub last vouched for the oldest of them (its `Date`),
 * so the page can say how old what it shows is while it asks again. Null when a page is missing,
 * or the list is longer than a first paint should carry.
 */
export async function storedSummaryList(
  reader: ListReader,
  source: CodespaceListSource,
): Promise<{ pages: ListPage<CodespaceSummary>[]; asOf: number } | null> {
  const stored = await storedPageAnswers(reader, source);
  return stored && { pages: stored.answers.map((answer) => summaryListPage(unpacked(answer))), asOf: stored.asOf };
}

/**
 * What `project` makes of the whole stored list (as storedSummaryList has it), worked out once per
 * version of the list: while no page of it changed (the same ETags), the last result is given again
 * without unpacking and reading the pages (up to 20 gzipped pages, ~2,000 summaries). For a page
 * that needs a little of the whole list on every render, e.g. a codespace's cost this month.
 * Kept per token and `name`, the most recent PROJECTIONS_KEPT.
 */
export async function storedListProjection<T>(
  reader: ListReader,
  source: CodespaceListSource,
  name: string,
  project: (pages: ListPage<CodespaceSummary>[]) => T,
): Promise<{ value: T; asOf: number } | null> {
  const stored = await storedPageAnswers(reader, source);
  if (!stored) return null;
  const key = `${name} ${listKeyOf(reader, source)} ${stored.etags.join(' ')}`;
  let value = projections.get(key) as T | undefined;
  if (value === undefined) value = project(stored.answers.map((answer) => summaryListPage(unpacked(answer))));
  // Most recently used last.
  projections.delete(key);
  projections.set(key, value);
  if (projections.size > PROJECTIONS_KEPT) projections.delete(projections.keys().next().value!);
  // As of GitHub's latest word on it: an unchanged list checked again (304s) is the same value, newer.
  return { value, asOf: stored.asOf };
}

const PROJECTIONS_KEPT = 32;
const projections = processWide('list-projections', () => new Map<string, unknown>());

const TOTAL = /^\{"total_count":(\d+)/;
/** How many codespaces a summary page says there are (its text starts so: summaryPageAnswer wrote it). */
function totalOf(answer: GithubAnswer): number {
  const match = TOTAL.exec(answer.body ?? '');
  return match ? Number(match[1]) : 0;
}

const lastPageOf = (total: number) => Math.min(MAX_PLANNED_PAGES, Math.max(1, Math.ceil(total / PER_PAGE)));

/** Where the stream starts: page one, or a later page when the page already holds those before it (with GitHub's count). */
type ListStart = { from: 1 } | { from: number; total: number };

/**
 * Pages being read at once, in flight to GitHub or being read once in: twice the requests the list
 * gate lets out, so that while one page's answer is parsed and summarised, the gate's slots are
 * already taken by the next pages' requests (the gate, not this, is what GitHub sees).
 */
const PAGES_AHEAD = 2 * PAGE_CONCURRENCY;

/**
 * The pages' answers in order, PAGES_AHEAD at a time (of which the list gate lets PAGE_CONCURRENCY
 * be out to GitHub): page one alone first when it says how many there are, otherwise the planned pages.
 */
export async function* listAnswers(
  start: ListStart,
  readPage: (page: number) => Promise<GithubAnswer>,
): AsyncGenerator<{ page: number; answer: GithubAnswer }> {
  const read = (page: number) => readPage(page).then((answer) => ({ page, answer }));
  let from = start.from;
  let last: number;
  if ('total' in start) last = lastPageOf(start.total);
  else {
    const first = await read(1);
    yield first;
    if (first.answer.status !== 200) return;
    from = 2;
    last = lastPageOf(totalOf(first.answer));
  }
  const planned = Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i);
  for await (const read_ of inOrder(planned, read, PAGES_AHEAD)) {
    yield read_;
    if (read_.answer.status !== 200) return;
  }
}

/**
 * Pages read ahead for a page's first paint: as soon as page one says how many there are, pages 2
 * on are asked for (through the list gate: still PAGE_CONCURRENCY out at once), without waiting for
 * the page to reach the browser, load and ask for them (~0.5–1 s of GitHub's time otherwise idle).
 * They are kept for that page's own request for the rest (`?from=2&total=…`), taken once, and
 * dropped after READ_AHEAD_KEPT_MS; a poll of the whole list never takes them (it revalidates).
 * Per token, as the store's answers are; in this instance's memory only (another instance
 * answering the page's request reads the pages itself).
 */
const readAheads = processWide('list-read-aheads', () => new Map<string, Map<number, Promise<GithubAnswer>>>());
/** Long enough for a slow page to load and ask; short enough that nothing read ahead passes for current. */
const READ_AHEAD_KEPT_MS = 20_000;
/** The most pages read ahead of a page: what a stored first paint carries too (2,000 codespaces). */
const READ_AHEAD_PAGES = 20;

function readAheadOf(reader: ListReader, source: CodespaceListSource, total: number) {
  const key = listKeyOf(reader, source);
  const last = Math.min(lastPageOf(total), READ_AHEAD_PAGES);
  if (readAheads.has(key) || last < 2) return;
  const pages = new Map<number, Promise<GithubAnswer>>();
  for (let page = 2; page <= last; page++) {
    const read = readSummaryPage(reader, source, page);
    // Held for the page's request; a failure is its to see, not an unhandled rejection here.
    read.catch(() => undefined);
    pages.set(page, read);
  }
  readAheads.set(key, pages);
  setTimeout(() => readAheads.get(key) === pages && readAheads.delete(key), READ_AHEAD_KEPT_MS).unref?.();
}

/** A page read ahead for this reader's list, taken (once), or undefined. */
function takeReadAhead(reader: ListReader, source: CodespaceListSource, page: number): Promise<GithubAnswer> | undefined {
  const key = listKeyOf(reader, source);
  const pages = readAheads.get(key);
  const read = pages?.get(page);
  if (!pages || !read) return undefined;
  pages.delete(page);
  if (pages.size === 0) readAheads.delete(key);
  return read;
}

/**
 * The list's pages as the lists keep them, read on the server for a first paint (the same reads,
 * and store entries, as the stream's), the pages after the first read ahead for the page's own
 * request for them as soon as the first says how many there are. A refusal is thrown: the page's
 * own query asks again and says why in words.
 */
export async function* summaryPages(reader: ListReader, source: CodespaceListSource): AsyncGenerator<ListPage<CodespaceSummary>> {
  const readPage = (page: number) => takeReadAhead(reader, source, page) ?? readSummaryPage(reader, source, page);
  for await (const { page, answer } of listAnswers({ from: 1 }, readPage)) {
    if (answer.status !== 200 || answer.body === null) throw new ApiError({ status: answer.status, method: 'GET' });
    if (page === 1) readAheadOf(reader, source, totalOf(answer));
    yield summaryListPage(answer);
  }
}

// text/x-ndjson, not application/x-ndjson: Next gzips only types its list calls compressible
// (text/*, +json, …), and the lines shrink to a tenth.
const LIST_HEADERS = { 'content-type': 'text/x-ndjson; charset=utf-8', 'cache-control': 'private, no-cache' };

/** GitHub's refusal headers a failed page carries to the page (read there by lib/github/refusals.ts). */
const REFUSAL_HEADERS = ['x-github-sso', 'x-accepted-github-permissions', 'retry-after', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/** One NDJSON line for a page's answer: the summaries as stored (no parsing), or the refusal. */
function lineOf(page: number, answer: GithubAnswer): string {
  if (answer.status === 200 && answer.body !== null) {
    const sso = answer.headers['x-github-sso'];
    // By hand: the stored summaries are already JSON text, and are not parsed to be written again.
    return `{"page":${page},"sso":${JSON.stringify(sso ?? null)},"list":${answer.body}}\n`;
  }
  let message: string | undefined;
  try {
    message = (JSON.parse(answer.body ?? '') as { message?: string }).message;
  } catch {
    // The status says enough.
  }
  const headers = Object.fromEntries(REFUSAL_HEADERS.flatMap((name) => (answer.headers[name] ? [[name, answer.headers[name]]] : [])));
  const line: CodespaceListLine = { page, error: { status: answer.status, ...(message ? { message } : {}), headers } };
  return `${JSON.stringify(line)}\n`;
}

/** A validator for the whole list: GitHub's ETags of every page, in order. Null when a page had none. */
function listEtag(start: ListStart, etags: readonly (string | undefined)[]): string | null {
  if (etags.length === 0 || etags.some((etag) => !etag)) return null;
  const hash = createHash('sha256')
    .update(JSON.stringify([start, etags]))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${hash}"`;
}

interface StreamOptions {
  start: ListStart;
  /** The browser's validator from the last whole list: an unchanged list is answered 304, without a body. */
  ifNoneMatch: string | null;
  /** Answers a failed first page as the proxy would (status, GitHub's body, refusal headers). */
  refused: (answer: GithubAnswer) => Response;
}

/**
 * The list as an HTTP answer: the first page read before answering (a refusal is answered with
 * GitHub's status and words, as the proxy would), then a stream of NDJSON lines, one per page in
 * order and a last one with the list's validator; a later page's refusal is its line, and ends it.
 */
async function codespaceListResponse(reader: ListReader, source: CodespaceListSource, options: StreamOptions): Promise<Response> {
  const started = performance.now();
  // Going on from a first paint: the pages it read ahead are this request's. (A whole list, a poll, is read afresh.)
  const readPage =
    'total' in options.start
      ? (page: number) => takeReadAhead(reader, source, page) ?? readSummaryPage(reader, source, page)
      : (page: number) => readSummaryPage(reader, source, page);
  // Read ahead of the browser: its pace (a tab busy rendering) must not hold up GitHub's pages.
  const answers = readAhead(listAnswers(options.start, readPage));
  const first = await answers.next();
  // Nothing after the pages the browser holds (GitHub's count said so): the list is whole as it is.
  if (first.done) return streamed(new Headers(LIST_HEADERS), linesOf([], options.start));
  if (first.value.answer.status !== 200) {
    await answers.return(undefined);
    return options.refused(first.value.answer);
  }
  const headers = new Headers(LIST_HEADERS);
  const sso = first.value.answer.headers['x-github-sso'];
  if (sso) headers.set('x-github-sso', sso);

  // A poll: read every page first (they are 304s upstream when nothing changed), and say "not
  // modified" when the whole list is as the browser has it: no body to send, parse or render.
  if (options.ifNoneMatch) {
    const all = [first.value];
    for await (const next of answers) all.push(next);
    const etag = complete(all, options.start);
    log(source, all, started);
    if (etag && etag === options.ifNoneMatch) {
      headers.delete('content-type');
      headers.set('etag', etag);
      return new Response(null, { status: 304, headers });
    }
    return streamed(headers, linesOf(all, options.start));
  }

  async function* lines() {
    const all = [first.value!];
    yield lineOf(first.value!.page, first.value!.answer);
    for await (const next of answers) {
      all.push(next);
      yield lineOf(next.page, next.answer);
    }
    log(source, all, started);
    yield endLine(complete(all, options.start));
  }
  return streamed(headers, lines());
}

/**
 * The same items, read from `source` as fast as it gives them rather than as fast as they are
 * taken, kept until taken (a list's summaries: a few MB at most). Stopping the reader stops the reading.
 */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  const held: IteratorResult<T>[] = [];
  let failure: { error: unknown } | null = null;
  let wake = null as (() => void) | null;
  let stopped = false;
  void (async () => {
    try {
      for (;;) {
        const next = await source.next();
        held.push(next);
        wake?.();
        if (next.done || stopped) return;
      }
    } catch (error) {
      failure = { error };
      wake?.();
    }
  })();
  try {
    for (;;) {
      const next = held.shift();
      if (next) {
        if (next.done) return;
        yield next.value;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    stopped = true;
    if (!held.at(-1)?.done) void source.return(undefined as never).catch(() => undefined);
  }
}

/** The whole list's validator when every page came (and none was refused). */
function complete(all: readonly { answer: GithubAnswer }[], start: ListStart): string | null {
  if (all.some((read) => read.answer.status !== 200)) return null;
  return listEtag(
    start,
    all.map((read) => read.answer.headers.etag),
  );
}

function endLine(etag: string | null): string {
  const line: CodespaceListLine = { end: true, etag };
  return `${JSON.stringify(line)}\n`;
}

async function* linesOf(all: readonly { page: number; answer: GithubAnswer }[], start: ListStart) {
  for (const read of all) yield lineOf(read.page, read.answer);
  yield endLine(complete(all, start));
}

function log(source: CodespaceListSource, all: readonly { answer: GithubAnswer }[], started: number) {
  logEvent('info', 'lists.codespaces', {
    list: source.kind,
    pages: all.length,
    fromStore: all.filter((read) => read.answer.from === 'cache').length,
    status: all.at(-1)?.answer.status ?? null,
    ms: Math.round(performance.now() - started),
  });
}

/**
 * The lines as a response body, one chunk a page. Next compresses it for browsers that take gzip
 * and flushes the compressor after each chunk, so the first rows are not held back.
 */
function streamed(headers: Headers, lines: AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel: () => void lines.return(undefined),
  });
  return new Response(body, { status: 200, headers });
}

/**
 * Serves one list route for the request's session: 401 without one (GitHub not called), then the
 * list, refusals answered as the proxy answers them, with the API's security headers (the
 * middleware does not run for these routes, as for the proxy's).
 */
export async function serveCodespaceList(req: NextRequest, source: CodespaceListSource, start: ListStart): Promise<Response> {
  const response = await withGithubSession(
    req,
    (accessToken, jwt) =>
      codespaceListResponse({ accessToken, account: accountOfSession(jwt, accessToken) }, source, {
        start,
        ifNoneMatch: req.headers.get('if-none-match'),
        refused: (answer) => githubResponse(answer, null, expectedOrigin(serverConfig(), req.headers, req.url) ?? serverConfig().appOrigin),
      }),
    (message) => hangarError(401, message),
  );
  return withApiHeaders(req, response);
}

/** A request Hangar refuses itself (a name that is not GitHub's, a bad query), with the API's headers. */
export function refuseListRequest(req: NextRequest, status: number, message: string): Response {
  return withApiHeaders(req, hangarError(status, message));
}
