import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { describeError } from './errors';
import { clearStreamedLists, streamedPages, type StreamLine } from './list-stream';
import { mergePages, type ListPage } from './transport';

type Page = ListPage<{ name: string }>;

const pageLine = (page: number, names: string[], total = 300, sso: string | null = null) =>
  JSON.stringify({ page, sso, list: { total_count: total, codespaces: names.map((name) => ({ name })) } });
const endLine = (etag: string | null) => JSON.stringify({ end: true, etag });

function readLine(text: string): StreamLine<Page> {
  const line = JSON.parse(text);
  if (line.end) return line;
  if (line.error) return { refused: line.error };
  return { page: { items: line.list.codespaces, total: line.list.total_count, ...(line.sso ? { sso: line.sso } : {}) } };
}

/** A streamed answer whose chunks arrive when the test says. */
function controlledAnswer() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/x-ndjson' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  clearStreamedLists();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function collect(pages: AsyncGenerator<Page>) {
  const out: Page[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('a streamed list, read by the page', () => {
  it('hands the first page over at once, and pages that arrived together as one, in order', async () => {
    const answer = controlledAnswer();
    fetchMock.mockResolvedValueOnce(answer.response);
    const pages = streamedPages('/api/lists/x', readLine, mergePages);
    answer.send(`${pageLine(1, ['a', 'b'])}\n${pageLine(2, ['c'])}`.slice(0, 30));
    answer.send(`${pageLine(1, ['a', 'b'])}\n${pageLine(2, ['c'])}\n`.slice(30));
    const first = await pages.next();
    expect(first.value).toEqual({ items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], total: 300, pages: 2 });
    answer.send(`${pageLine(3, ['d'])}\n${pageLine(4, ['e'])}\n${endLine('W/"v1"')}\n`);
    answer.close();
    const rest = await collect(pages);
    expect(rest.flatMap((page) => page.items.map((c) => c.name))).toEqual(['d', 'e']);
    expect(rest.reduce((sum, page) => sum + (page.pages ?? 1), 0)).toBe(2);
  });

  it('GitHub’s refusal of a later page is thrown in its words, with its single sign-on header', async () => {
    const answer = controlledAnswer();
    fetchMock.mockResolvedValueOnce(answer.response);
    answer.send(`${pageLine(1, ['a'])}\n`);
    answer.send(
      `${JSON.stringify({ page: 2, error: { status: 403, message: 'Resource protected by organization SAML enforcement.', headers: { 'x-github-sso': 'required; url=https://github.com/orgs/x/sso' } } })}\n`,
    );
    answer.close();
    const error = await collect(streamedPages('/api/lists/x', readLine, mergePages)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).facts.sso).toBe('required; url=https://github.com/orgs/x/sso');
    expect(describeError((error as ApiError).facts).kind).toBe('sso');
  });

  it('a list cut off before its last line is an error, never a whole list', async () => {
    const answer = controlledAnswer();
    fetchMock.mockResolvedValueOnce(answer.response);
    answer.send(`${pageLine(1, ['a'])}\n`);
    answer.close();
    await expect(collect(streamedPages('/api/lists/x', readLine, mergePages))).rejects.toThrow(ApiError);
  });

  it('asks again with the whole list’s validator; unchanged (304), the very same pages come back', async () => {
    const answer = controlledAnswer();
    fetchMock.mockResolvedValueOnce(answer.response);
    answer.send(`${pageLine(1, ['a'])}\n${endLine('W/"v1"')}\n`);
    answer.close();
    const [first] = await collect(streamedPages('/api/lists/x', readLine, mergePages));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 304 }));
    const [again] = await collect(streamedPages('/api/lists/x', readLine, mergePages));
    expect(new Headers(fetchMock.mock.calls[1]![1]!.headers).get('if-none-match')).toBe('W/"v1"');
    expect(again!.items[0]).toBe(first!.items[0]);
  });

  it('a refusal of the whole list is GitHub’s status and words', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ message: 'Must be an organization owner.' }, { status: 403 }));
    const error = (await collect(streamedPages('/api/lists/x', readLine, mergePages)).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.facts.message).toBe('Must be an organization owner.');
  });
});

describe('a long list streaming in', () => {
  it('is handed over a few times, not once a page, and the last pages as soon as the list ends', async () => {
    const answer = controlledAnswer();
    fetchMock.mockResolvedValueOnce(answer.response);
    const handed: number[] = [];
    const reading = (async () => {
      for await (const page of streamedPages('/api/lists/x', readLine, mergePages)) handed.push(page.items.length);
    })();
    // 101 pages, one every 40 ms (about four seconds, as an organisation of 10,000 streams from GitHub 150 ms away).
    for (let page = 1; page <= 101; page++) {
      answer.send(`${pageLine(page, [`c${page}`], 101)}\n`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const beforeEnd = handed.length;
    answer.send(`${endLine('W/"v1"')}\n`);
    answer.close();
    await reading;
    expect(handed.reduce((sum, n) => sum + n, 0)).toBe(101);
    expect(handed[0]).toBe(1);
    expect(handed.length).toBeLessThanOrEqual(9);
    expect(handed.length).toBeGreaterThan(beforeEnd);
  }, 15_000);
});
