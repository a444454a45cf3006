import { ApiError, apiErrorOf, toApiError } from './api-error';

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

/**
 * How often, at most, pages that arrived together are handed over after the first: each hand-over
 * re-renders the list (its counts, facets and order over everything so far), and a 10,000-codespace
 * organisation's 101 pages arrive faster than 101 renders of it can be made. The wait doubles after
 * each hand-over, up to HAND_OVER_MAX_MS: each render costs more as the list grows, so a long list
 * is rendered ~7 times while it streams instead of ~30 (at 150 ms), and the last pages are handed
 * over as soon as the list ends.
 */
const HAND_OVER_MS = 150;
const HAND_OVER_MAX_MS = 1200;
const handOverWait = (handOvers: number) => Math.min(HAND_OVER_MAX_MS, HAND_OVER_MS * 2 ** Math.max(0, handOvers - 1));

/**
 * Every page of the streamed list at `url`, in order, as they arrive: the first at once, then
 * those that came meanwhile together (`merge`), 150 ms after, then 300, 600 and at most every 1.2 s. Refusals (of the whole
 * list, or of a later page) are thrown as `ApiError`s with GitHub's words and headers, as the
 * proxy's are; a stream cut before its last line is an error too (a list is never taken as whole
 * when it is not).
 */
export async function* streamedPages<Page>(
  url: string,
  readLine: (text: string) => StreamLine<Page>,
  merge: (pages: readonly Page[]) => Page,
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
    yield merge(known.pages as Page[]);
    return;
  }
  if (!response.ok || !response.body) throw await toApiError(response, 'GET');

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const pages: Page[] = [];
  const waiting: Page[] = [];
  let held = '';
  let handedOver = -Infinity;
  let handOvers = 0;
  let ended = false;
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const due = () => handedOver + handOverWait(handOvers) - performance.now();
  try {
    for (;;) {
      reading ??= reader.read();
      // Pages are waiting: hand them over when due, whether or not more bytes have come by then.
      const read = waiting.length
        ? await Promise.race([reading, new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, due())))])
        : await reading;
      if (read === null) {
        handedOver = performance.now();
        handOvers++;
        yield merge(waiting.splice(0));
        continue;
      }
      reading = null;
      if (read.done) break;
      held += decoder.decode(read.value, { stream: true });
      let end = held.indexOf('\n');
      while (end >= 0) {
        const text = held.slice(0, end);
        held = held.slice(end + 1);
        end = held.indexOf('\n');
        if (!text.trim()) continue;
        const line = readLine(text);
        if ('page' in line) {
          pages.push(line.page);
          waiting.push(line.page);
        } else if ('refused' in line) {
          const { status, message, headers } = line.refused;
          throw apiErrorOf(status, message, new Headers(headers), 'GET');
        } else {
          ended = true;
          wholeLists.delete(url);
          if (line.etag) wholeLists.set(url, { etag: line.etag, pages });
          if (wholeLists.size > REMEMBERED_LISTS) wholeLists.delete(wholeLists.keys().next().value!);
        }
      }
      if (waiting.length && (ended || due() <= 0)) {
        handedOver = performance.now();
        handOvers++;
        yield merge(waiting.splice(0));
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (waiting.length) yield merge(waiting.splice(0));
  if (!ended) throw new ApiError({ status: 502, message: 'The list was cut off before its last page.', method: 'GET' });
}
