import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wholeBodyFetch } from './whole-body-fetch.server';

/** A GitHub stand-in on a loopback port: each path answers as its handler says. */
const page = JSON.stringify({ total_count: 2, codespaces: [{ name: 'a' }, { name: 'b' }] });
const handlers: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  '/gzipped': (req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
      etag: 'W/"1"',
      link: '<x>; rel="next"',
    });
    res.end(gzipSync(page));
  },
  '/plain': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(page);
  },
  '/not-modified': (req, res) => {
    res.writeHead(304, { etag: 'W/"1"', 'x-ratelimit-remaining': '4999' });
    res.end();
  },
  '/refused': (req, res) => {
    res.writeHead(404, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify({ message: 'Not Found' })));
  },
  '/huge': (req, res) => {
    // Small on the wire, far larger inflated: the cap is on what Hangar would hold.
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(`[${'0,'.repeat(50_000)}0]`));
  },
  '/moved': (req, res) => {
    res.writeHead(301, { location: '/plain' });
    res.end();
  },
  '/hung': () => {},
  '/echo': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  },
};
const server = http.createServer((req, res) => handlers[new URL(req.url!, 'http://x').pathname]!(req, res));
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const fallback = vi.fn<typeof fetch>((input, init) => fetch(input, init));
const read = wholeBodyFetch({ maxBodyBytes: 10_000, fallback });

describe('reading a GitHub answer whole', () => {
  it('gives what the platform fetch gives for a gzipped page: status, GitHub’s headers, the inflated JSON', async () => {
    const [ours, platform] = await Promise.all([read(`${base}/gzipped`), fetch(`${base}/gzipped`)]);
    expect(ours.status).toBe(200);
    expect(Object.fromEntries(ours.headers)).toEqual(Object.fromEntries(platform.headers));
    expect(await ours.text()).toBe(await platform.text());
    expect(await (await read(`${base}/plain`)).json()).toEqual(JSON.parse(page));
  });

  it('sends the caller’s headers, asking for a compressed answer', async () => {
    const seen = (await (
      await read(`${base}/echo`, { headers: { authorization: 'token t', accept: 'application/vnd.github+json' } })
    ).json()) as Record<string, string>;
    expect(seen).toMatchObject({ authorization: 'token t', accept: 'application/vnd.github+json', 'accept-encoding': 'gzip, deflate, br' });
  });

  it('answers a 304 without a body, with its headers, and a refusal with its words', async () => {
    const unchanged = await read(`${base}/not-modified`, { headers: { 'if-none-match': 'W/"1"' } });
    expect([unchanged.status, unchanged.body, unchanged.headers.get('etag')]).toEqual([304, null, 'W/"1"']);
    const refused = await read(`${base}/refused`);
    expect([refused.status, await refused.json()]).toEqual([404, { message: 'Not Found' }]);
  });

  it('never holds a body that inflates past the cap: it is declared larger than the cap, and empty', async () => {
    const huge = await read(`${base}/huge`);
    expect(Number(huge.headers.get('content-length'))).toBeGreaterThan(10_000);
    expect(await huge.text()).toBe('');
  });

  it('follows a redirect as fetch does, and leaves anything but a plain GET to the platform fetch', async () => {
    fallback.mockClear();
    const moved = await read(`${base}/moved`);
    expect([moved.status, await moved.json()]).toEqual([200, JSON.parse(page)]);
    await read(`${base}/echo`, { method: 'POST', body: '{}' });
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it('rejects with the signal’s reason when it aborts, and with a TypeError when nothing answers', async () => {
    await expect(read(`${base}/hung`, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    const aborted = read(`${base}/hung`, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(read('http://127.0.0.1:1/nothing')).rejects.toBeInstanceOf(TypeError);
  });
});
