/** Serves an emulator over plain node:http (for `npm run emulator`, tests and benchmarks). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
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

const gzipAsync = promisify(gzip);

/**
 * The last bodies gzipped, found by their ETag and compared byte for byte (a fault may send another
 * body under the same ETag): a page of 100 codespaces read again unchanged is not compressed
 * again. A stand-in's saving: GitHub's CPU is not on the machine that runs Hangar, this emulator's is.
 */
const gzippedBodies = new Map<string, { body: Buffer; compressed: Buffer }>();
/** Enough for an organisation of 10,000 codespaces (101 pages of ~0.9 MB), oldest dropped first. */
const GZIPPED_BODIES_MAX_BYTES = 128 * 1024 * 1024;
let gzippedBytes = 0;

async function gzipped(body: Buffer, etag: string | undefined): Promise<Buffer> {
  const kept = etag ? gzippedBodies.get(etag) : undefined;
  if (kept?.body.equals(body)) return kept.compressed;
  const compressed = await gzipAsync(body);
  if (etag && body.length < GZIPPED_BODIES_MAX_BYTES / 16) {
    const size = (entry: { body: Buffer; compressed: Buffer }) => entry.body.length + entry.compressed.length;
    const replaced = gzippedBodies.get(etag);
    if (replaced) gzippedBytes -= size(replaced);
    gzippedBodies.delete(etag);
    gzippedBodies.set(etag, { body, compressed });
    gzippedBytes += body.length + compressed.length;
    for (const [oldest, entry] of gzippedBodies) {
      if (gzippedBytes <= GZIPPED_BODIES_MAX_BYTES) break;
      gzippedBodies.delete(oldest);
      gzippedBytes -= size(entry);
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
