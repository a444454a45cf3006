/** Serves an emulator over plain node:http (for `npm run emulator`, tests and benchmarks). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { constants, crc32, gzip } from 'node:zlib';
import { errorBody, githubHeaders, MAX_BODY_BYTES } from './http';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';
import { withLatency, type Latency } from './latency';

export interface RunningEmulator {
  emulator: Emulator;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** A body past MAX_BODY_BYTES: nothing more of it is read, and the emulator answers 413. */
class TooLarge extends Error {}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(`${origin}${req.url ?? '/'}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/**
 * Gzip at its fastest level: the bytes a client reads back are the same at every level, and a
 * stand-in's CPU is on the machine that runs Hangar, where GitHub's is not (a page of 100
 * codespaces, ~0.8 MB: ~4.7 ms instead of ~10.8 ms at the default level, ~60 KB instead of ~33 KB).
 */
const gzipAsync = (body: Buffer) => promisify(gzip)(body, { level: constants.Z_BEST_SPEED });

/**
 * The last bodies gzipped, found by their ETag, and kept compressed only: a page of 100 codespaces
 * read again unchanged is not compressed again. The body is recognised by its length and CRC-32
 * (a fault may send another body under the same ETag, e.g. cut off half way), not kept: keeping
 * every page's ~0.8 MB body beside the codespaces' own JSON held an organisation of 10,000 twice.
 */
const gzippedBodies = new Map<string, { length: number; crc: number; compressed: Buffer }>();
/** Enough for many organisations of 10,000 codespaces (101 pages of ~60 KB each), oldest dropped first. */
const GZIPPED_BODIES_MAX_BYTES = 32 * 1024 * 1024;
let gzippedBytes = 0;

async function gzipped(body: Buffer, etag: string | undefined): Promise<Buffer> {
  const kept = etag ? gzippedBodies.get(etag) : undefined;
  const crc = etag ? crc32(body) : 0;
  if (kept && kept.length === body.length && kept.crc === crc) {
    // Most recently used last: an LRU.
    gzippedBodies.delete(etag!);
    gzippedBodies.set(etag!, kept);
    return kept.compressed;
  }
  const compressed = await gzipAsync(body);
  if (etag && compressed.length < GZIPPED_BODIES_MAX_BYTES / 16) {
    if (kept) gzippedBytes -= kept.compressed.length;
    gzippedBodies.delete(etag);
    gzippedBodies.set(etag, { length: body.length, crc, compressed });
    gzippedBytes += compressed.length;
    for (const [oldest, entry] of gzippedBodies) {
      if (gzippedBytes <= GZIPPED_BODIES_MAX_BYTES) break;
      gzippedBodies.delete(oldest);
      gzippedBytes -= entry.compressed.length;
    }
  }
  return compressed;
}

/** Whether an `Accept-Encoding` header allows gzip: named or `*`, with a quality above zero. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [coding, ...parameters] = part.split(';').map((s) => s.trim());
    if (!coding) continue;
    const q = parameters.find((p) => p.startsWith('q='));
    quality.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get('gzip') ?? quality.get('*') ?? 0) > 0;
}

export interface EmulatorServerOptions extends EmulatorOptions {
  port?: number;
  host?: string;
  /** GitHub's distance: every request but the test hooks' waits this long (see latency.ts). */
  latency?: Latency;
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', latency, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const handle = withLatency((request) => emulator.handle(request), latency ?? { latencyMs: 0 });
  let origin = '';
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(handle)
      .then(async (response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => (headers[key] = value));
        let body: Buffer = Buffer.from(await response.arrayBuffer());
        // Like api.github.com (and like the embedded emulator, which Next compresses): answers of
        // 1 KB and more are gzipped for clients that accept it.
        if (body.length >= 1024 && !headers['content-encoding'] && acceptsGzip(req.headers['accept-encoding'])) {
          body = await gzipped(body, response.status === 200 ? headers.etag : undefined);
          headers['content-encoding'] = 'gzip';
          headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
          delete headers['content-length'];
        }
        res.writeHead(response.status, headers);
        res.end(body);
      })
      .catch((error) => {
        if (error instanceof TooLarge) {
          // Said at once; the rest of the body is not read (the connection closes after the answer).
          res.writeHead(413, { ...githubHeaders(), connection: 'close' });
          res.end(JSON.stringify(errorBody(413, 'Payload Too Large')));
          return;
        }
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error) }));
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  origin = `http://${host}:${address.port}`;
  return {
    emulator,
    server,
    url: origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
