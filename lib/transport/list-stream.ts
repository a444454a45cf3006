import { ApiError, apiErrorOf, toApiError } from './errors';

/**
 * The browser's reader of Hangar's own streamed lists (`/api/lists/...`): one JSON object a line
 * (NDJSON), read as the bytes arrive, each line handed over as a page as soon as it is whole.
 * The last line gives the whole list's validator: the next read of the same list asks with it, and
 * an unchanged list (304, no body) gives back the very same pages, so nothing downstream is parsed
 * or re-rendered. Bounded; cleared at sign-out with the proxy's memo (client.ts).
 */

/** What a line of a streamed list says: a page, GitHub's refusal (the list ends), or the end with its validator. */
export type StreamLine<Page> =
  { page: Page } | { refused: { status: number; message?: string; headers: Record<string, string> } } | { end: true; etag: string | null };

const wholeLists = new Map<string, { etag: string; pages: readonly unknown[] }>();
const REMEMBERED_LISTS = 20;

export function clearStreamedLists() {
  wholeLists.clear();
}

/** Text lines of a body as they arrive (a line split across chunks is joined first). */
async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let held = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      held += decoder.decode(value, { stream: true });
      let end = held.indexOf('\n');
      while (end >= 0) {
        const line = held.slice(0, end);
        held = held.slice(end + 1);
        if (line.trim()) yield line;
        end = held.indexOf('\n');
      }
    }
    held += decoder.decode();
    if (held.trim()) yield held;
  } finally {
    reader.releaseLock();
  }
}

/**
 * Every page of the streamed list at `url`, in order, as they arrive. Refusals (of the whole list,
 * or of a later page) are thrown as `ApiError`s with GitHub's words and headers, as the proxy's are;
 * a stream cut before its last line is an error too (a list is never taken as whole when it is not).
 */
export async function* streamedPages<Page>(
  url: string,
  readLine: (text: string) => StreamLine<Page>,
  signal?: AbortSignal,
): AsyncGenerator<Page> {
  const known = wholeLists.get(url);
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: known ? { accept: 'text/x-ndjson', 'if-none-match': known.etag } : { accept: 'text/x-ndjson' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error', method: 'GET' });
  }
  if (response.status === 304 && known) {
    wholeLists.delete(url);
    wholeLists.set(url, known);
    yield* known.pages as Page[];
    return;
  }
  if (!response.ok || !response.body) {
    throw await toApiError(response, 'GET');
  }
  const pages: Page[] = [];
  for await (const text of linesOf(response.body)) {
    const line = readLine(text);
    if ('page' in line) {
      pages.push(line.page);
      yield line.page;
    } else if ('refused' in line) {
      const { status, message, headers } = line.refused;
      throw apiErrorOf(status, message, new Headers(headers), 'GET');
    } else {
      wholeLists.delete(url);
      if (line.etag) wholeLists.set(url, { etag: line.etag, pages });
      if (wholeLists.size > REMEMBERED_LISTS) wholeLists.delete(wholeLists.keys().next().value!);
      return;
    }
  }
  throw new ApiError({ status: 502, message: 'The list was cut off before its last page.', method: 'GET' });
}
