import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookPoster, vetWebhookTarget, type ResolvedAddress, type Resolver, type WebhookOptions } from './webhook.server';

/** A post as the policy runner makes it: through the webhook port built with these settings. */
const postWebhook = (url: string, text: string, options: WebhookOptions) => createWebhookPoster(options).post(url, text);

/**
 * A real HTTPS server on 127.0.0.1 with a certificate for `hooks.test`, a name no real resolver
 * answers: a post that arrives proves the connection went to the address Hangar's own resolver
 * gave, and TLS checked the certificate against the name in the URL.
 */
let dir: string;
let ca: string;
let key: string;

interface Received {
  method: string;
  host: string | undefined;
  servername: string | false | null;
  contentType: string | undefined;
  body: string;
}

function makeCertificate(name: string) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, `${name}.key`),
      '-out',
      path.join(dir, `${name}.pem`),
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name}`,
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(path.join(dir, `${name}.pem`), 'utf8'), key: readFileSync(path.join(dir, `${name}.key`), 'utf8') };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hangar-webhook-'));
  ({ cert: ca, key } = makeCertificate('hooks.test'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A webhook receiver answering each request with `answer`; it records what it received. */
async function receiver(answer: (res: import('node:http').ServerResponse) => void, certificate = { cert: ca, key }) {
  const received: Received[] = [];
  const server = https.createServer(certificate, (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        host: req.headers.host,
        servername: (req.socket as TLSSocket).servername,
        contentType: req.headers['content-type'],
        body,
      });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://hooks.test:${port}/services/T1/B2`, received, close: () => new Promise((r) => server.close(r)), server };
}

/** A resolver that answers `addresses` and counts how often it was asked. */
function resolverOf(...addresses: string[]): Resolver & { calls: number } {
  const resolve = Object.assign(
    async (): Promise<ResolvedAddress[]> => {
      resolve.calls++;
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return resolve;
}

describe('posting a run summary to a webhook', () => {
  it('posts { text } as JSON once, to the address it checked, with TLS verified against the URL’s host name', async () => {
    const hook = await receiver((res) => res.writeHead(200).end('ok'));
    const resolve = resolverOf('127.0.0.1');
    try {
      const result = await postWebhook(hook.url, 'Quiet hours stopped 3 codespaces', { allowPrivate: true, resolve, tls: { ca } });
      expect(result).toEqual({ ok: true, status: 200 });
      expect(hook.received).toEqual([
        {
          method: 'POST',
          host: hook.url.slice('https://'.length).split('/')[0],
          servername: 'hooks.test',
          contentType: 'application/json',
          body: '{"text":"Quiet hours stopped 3 codespaces"}',
        },
      ]);
      expect(resolve.calls).toBe(1);
    } finally {
      await hook.close();
    }
  });

  it('refuses a certificate made for another name, even at the vetted address', async () => {
    const other = makeCertificate('elsewhere.test');
    const hook = await receiver((res) => res.writeHead(200).end(), other);
    try {
      const result = await postWebhook(hook.url, 'hi', { allowPrivate: true, resolve: resolverOf('127.0.0.1'), tls: { ca: other.cert } });
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.message).toMatch(/^Could not post: .*hooks\.test/);
      expect(hook.received).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it('does not follow a redirect: it reports it', async () => {
    const hook = await receiver((res) => res.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data' }).end());
    try {
      const result = await postWebhook(hook.url, 'hi', { allowPrivate: true, resolve: resolverOf('127.0.0.1'), tls: { ca } });
      expect(result).toEqual({
        ok: false,
        status: 302,
        message: 'Answered 302, a redirect to https://169.254.169.254/latest/meta-data, which Hangar does not follow',
      });
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('reports an error answer with the start of what the receiver said', async () => {
    const hook = await receiver((res) => res.writeHead(404).end('no_service'));
    try {
      expect(await postWebhook(hook.url, 'hi', { allowPrivate: true, resolve: resolverOf('127.0.0.1'), tls: { ca } })).toEqual({
        ok: false,
        status: 404,
        message: 'Answered 404: no_service',
      });
    } finally {
      await hook.close();
    }
  });

  it('gives up after the timeout when the receiver never answers', async () => {
    const hook = await receiver(() => {
      /* never answers */
    });
    try {
      const started = Date.now();
      const result = await postWebhook(hook.url, 'hi', {
        allowPrivate: true,
        resolve: resolverOf('127.0.0.1'),
        tls: { ca },
        timeoutMs: 300,
      });
      expect(result).toEqual({ ok: false, message: 'No answer within 0.3 seconds' });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      hook.server.closeAllConnections();
      await hook.close();
    }
  });

  it('gives up after the timeout when DNS never answers', async () => {
    const never: Resolver = () => new Promise(() => {});
    expect(await postWebhook('https://hooks.example.com/x', 'hi', { allowPrivate: false, resolve: never, timeoutMs: 200 })).toEqual({
      ok: false,
      message: 'No answer within 0.2 seconds',
    });
  });

  it('posts nothing to a name that resolves to loopback', async () => {
    const hook = await receiver((res) => res.writeHead(200).end());
    try {
      const result = await postWebhook(hook.url, 'hi', { allowPrivate: false, resolve: resolverOf('127.0.0.1'), tls: { ca } });
      expect(result).toEqual({
        ok: false,
        message: 'hooks.test resolves to 127.0.0.1, loopback (127.0.0.0/8, RFC 1122); webhooks go to public addresses only',
      });
      expect(hook.received).toEqual([]);
    } finally {
      await hook.close();
    }
  });
});

describe('where a webhook may go, after DNS', () => {
  const vet = (url: string, ...addresses: string[]) => vetWebhookTarget(url, { allowPrivate: false, resolve: resolverOf(...addresses) });

  it('allows a name whose every address is public, and pins the first', async () => {
    expect(await vet('https://hooks.slack.com/services/x', '52.1.2.3', '2600:1f18::1')).toMatchObject({
      ok: true,
      address: { address: '52.1.2.3', family: 4 },
    });
  });

  it.each([
    ['127.0.0.1', 'loopback (127.0.0.0/8, RFC 1122)'],
    ['127.8.9.10', 'loopback (127.0.0.0/8, RFC 1122)'],
    ['0.0.0.0', '“this network” (0.0.0.0/8, RFC 1122)'],
    ['10.0.0.5', 'a private network (10.0.0.0/8, RFC 1918)'],
    ['172.31.255.255', 'a private network (172.16.0.0/12, RFC 1918)'],
    ['192.168.0.1', 'a private network (192.168.0.0/16, RFC 1918)'],
    ['169.254.169.254', 'link-local space, where cloud metadata lives (169.254.0.0/16, RFC 3927)'],
    ['100.100.100.200', 'carrier-grade NAT space (100.64.0.0/10, RFC 6598)'],
    ['239.255.255.250', 'multicast (224.0.0.0/4, RFC 5771)'],
    ['255.255.255.255', 'reserved space and broadcast (240.0.0.0/4, RFC 1112)'],
    ['::1', 'loopback (::1, RFC 4291)'],
    ['::', 'the unspecified address (::, RFC 4291)'],
    ['fc00::1', 'a unique local (private) network (fc00::/7, RFC 4193)'],
    ['fd00:ec2::254', 'a unique local (private) network (fc00::/7, RFC 4193)'],
    ['fe80::1', 'link-local space (fe80::/10, RFC 4291)'],
    ['ff02::1', 'multicast (ff00::/8, RFC 4291)'],
    ['::ffff:127.0.0.1', 'loopback (127.0.0.0/8, RFC 1122)'],
    ['::ffff:a9fe:a9fe', 'link-local space, where cloud metadata lives (169.254.0.0/16, RFC 3927)'],
    ['64:ff9b::7f00:1', 'NAT64, which may carry any IPv4 address (64:ff9b::/96, RFC 6052)'],
  ])('refuses a name resolving to %s', async (address, why) => {
    expect(await vet('https://hooks.example.com/x', address)).toEqual({
      ok: false,
      message: `hooks.example.com resolves to ${address}, ${why}; webhooks go to public addresses only`,
    });
  });

  it('checks every address: one private address among public ones is refused', async () => {
    expect(await vet('https://hooks.example.com/x', '52.1.2.3', '10.0.0.7')).toMatchObject({
      ok: false,
      message: expect.stringContaining('10.0.0.7'),
    });
  });

  it('refuses a name that resolves to nothing, or does not resolve', async () => {
    expect(await vet('https://hooks.example.com/x')).toEqual({ ok: false, message: 'hooks.example.com resolves to no address' });
    const failing: Resolver = async () => {
      throw new Error('getaddrinfo ENOTFOUND hooks.example.com');
    };
    expect(await vetWebhookTarget('https://hooks.example.com/x', { allowPrivate: false, resolve: failing })).toEqual({
      ok: false,
      message: 'hooks.example.com could not be resolved (getaddrinfo ENOTFOUND hooks.example.com)',
    });
  });

  it('checks the URL before asking DNS: a private IP literal never reaches the resolver', async () => {
    const resolve = resolverOf('52.1.2.3');
    expect(await vetWebhookTarget('https://[::ffff:127.0.0.1]/x', { allowPrivate: false, resolve })).toMatchObject({ ok: false });
    expect(await vetWebhookTarget('http://hooks.example.com/x', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      message: 'Must start with https://',
    });
    expect(resolve.calls).toBe(0);
  });

  it('allows private addresses when the deployment says so', async () => {
    expect(
      await vetWebhookTarget('https://hooks.internal.example/x', { allowPrivate: true, resolve: resolverOf('10.0.0.7') }),
    ).toMatchObject({ ok: true, address: { address: '10.0.0.7' } });
  });
});
