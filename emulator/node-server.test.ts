/** The emulator over HTTP compresses as api.github.com does: gzip for clients that ask, from 1 KB up. */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startEmulatorServer, type RunningEmulator } from './node-server';
import { caseOf } from './test-helpers';

let running: RunningEmulator;
let token: string;
beforeAll(async () => {
  running = await startEmulatorServer();
  token = running.emulator.issueToken('mona');
});
afterAll(() => running.close());

/** A raw request (fetch would undo the compression and hide it). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `token ${token}` };
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    request(`${running.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compression over HTTP', () => {
  it('gzips a list for a client that accepts gzip, and the bytes are the same JSON', async () => {
    caseOf('http.gzip');
    const plain = await get('/api/user/codespaces');
    const zipped = await get('/api/user/codespaces', 'gzip, deflate, br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
  });

  it('serves an unchanged list read again with the same bytes, and a body cut off under the same ETag as itself', async () => {
    caseOf('http.gzip');
    const plain = await get('/api/user/codespaces');
    const first = await get('/api/user/codespaces', 'gzip');
    const again = await get('/api/user/codespaces', 'gzip');
    expect(again.body.equals(first.body)).toBe(true);
    // A fault keeps the status and headers (the ETag) and cuts the body: it is never answered with the whole body's gzip.
    running.emulator.faults.add({ path: '^/user/codespaces$', kind: 'truncated' });
    const cut = await get('/api/user/codespaces', 'gzip');
    expect(cut.headers.etag).toBe(plain.headers.etag);
    const read = gunzipSync(cut.body);
    expect(read.length).toBeLessThan(plain.body.length);
    expect(plain.body.subarray(0, read.length).equals(read)).toBe(true);
  });

  it('sends small answers and refused encodings as they are', async () => {
    caseOf('http.gzip');
    const small = await get('/api/user/codespaces/no-such-codespace', 'gzip');
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
    const refused = await get('/api/user/codespaces', 'gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString()).total_count).toBeGreaterThan(0);
  });

  it('reads Accept-Encoding as HTTP defines it', () => {
    caseOf('http.gzip');
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
