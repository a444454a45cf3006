import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * A `fetch` for GitHub's GETs, whose bodies Hangar always reads whole (upstream.server.ts): the
 * compressed bytes are gathered as they come and inflated in one go. The platform's fetch (undici)
 * inflates a body 16 KB at a time through web streams and the thread pool: for a page of 100
 * codespaces (~0.9 MB of JSON, ~65 KB gzipped) that was twice the CPU of reading the bytes this
 * way (measured: 101 pages of an organisation, ~0.85 s against ~0.45 s with the parsing), on the
 * cores that also run the browser's tab.
 *
 * What the caller sees is what the platform's fetch gives: GitHub's status, headers (as sent,
 * `content-encoding` included) and the inflated body; redirects are followed (by handing the
 * request to `fallback`, as is anything but a plain GET); an aborted signal rejects with an
 * AbortError; a network failure with a TypeError, as fetch's do. A body over `maxBodyBytes`,
 * compressed or inflated, is not held: it is answered empty with a `content-length` over the cap,
 * which the reader refuses as too large (`readCappedText`), as it refuses a long body from fetch.
 */
export function wholeBodyFetch({ maxBodyBytes, fallback }: { maxBodyBytes: number; fallback: typeof fetch }): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const plain =
      method === 'GET' &&
      init?.body == null &&
      !(input instanceof Request) &&
      (init?.redirect ?? 'follow') === 'follow' &&
      (url.protocol === 'http:' || url.protocol === 'https:');
    if (!plain) return fallback(input, init);

    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    headers['accept-encoding'] ??= 'gzip, deflate, br';
    const answer = await exchange(url, headers, init?.signal ?? undefined, maxBodyBytes);
    if (REDIRECTS.has(answer.status)) return fallback(input, init);

    const received = new Headers();
    for (let i = 0; i < answer.rawHeaders.length; i += 2) received.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
    if (NULL_BODY.has(answer.status))
      return new Response(null, { status: answer.status, statusText: answer.statusText, headers: received });
    const body = answer.body && inflated(answer.body, received.get('content-encoding'), maxBodyBytes);
    if (!body) {
      // Past the cap: declared too large, and nothing held.
      received.set('content-length', String(maxBodyBytes + 1));
      return new Response(null, { status: answer.status, statusText: answer.statusText, headers: received });
    }
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers: received });
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose answers have no body (a Response with one cannot be made). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** Connections kept open between reads, as the platform's fetch keeps them. */
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

interface Exchanged {
  status: number;
  statusText: string;
  rawHeaders: string[];
  /** The bytes as sent (compressed), or null when there were more than the cap. */
  body: Buffer<ArrayBuffer> | null;
}

function exchange(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined, maxBodyBytes: number): Promise<Exchanged> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(url, { method: 'GET', headers, agent: secure ? agents.https : agents.http, signal });
    request.on('error', (error) => reject(signal?.aborted ? abortError(signal) : new TypeError('fetch failed', { cause: error })));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const answer = (body: Buffer<ArrayBuffer> | null) => {
        settled = true;
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', rawHeaders: response.rawHeaders, body });
      };
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBodyBytes) chunks.push(chunk);
        else {
          // Not read further: the connection goes, as the platform's fetch's does when cancelled.
          answer(null);
          response.destroy();
        }
      });
      response.on('end', () => answer(Buffer.concat(chunks, size)));
      // Cut off (the signal aborted, the connection dropped) before the end.
      response.on('close', () => {
        if (settled) return;
        settled = true;
        reject(
          signal?.aborted
            ? abortError(signal)
            : new TypeError('fetch failed', { cause: new Error('the connection closed before the body ended') }),
        );
      });
    });
    request.end();
  });
}

/** How fetch rejects when its signal aborts: with the signal's reason (an AbortError unless it says otherwise). */
function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** The body as its content coding says, no larger than the cap: null when larger. */
function inflated(body: Buffer<ArrayBuffer>, encoding: string | null, maxBodyBytes: number): Buffer<ArrayBuffer> | null {
  const options = { maxOutputLength: maxBodyBytes };
  try {
    switch (encoding?.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body, options);
      case 'deflate':
        return inflateSync(body, options);
      case 'br':
        return brotliDecompressSync(body, options);
      default:
        return body;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw new TypeError('fetch failed', { cause: error });
  }
}
