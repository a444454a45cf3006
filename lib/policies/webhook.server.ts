import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressVerdict } from './address-guard.server';
import { parseIp, webhookUrlProblem } from './domain/private-networks';
import type { Webhook } from './ports';

/**
 * Posting a run's summary to an organisation's webhook (Slack and Microsoft Teams incoming
 * webhooks take `{ "text": … }`), without letting the URL reach into Hangar's own network:
 *
 * 1. the URL's syntax (https, no credentials, no loopback or private host written into it);
 * 2. the host name is resolved once, and **every** address it resolves to must be public: a name
 *    resolving to 127.0.0.1 or 169.254.169.254 is refused, as is one resolving to a mix;
 * 3. the connection goes to the address that was checked: `lookup` hands the socket that
 *    address, so a second DNS answer (DNS rebinding) cannot switch it. TLS still verifies the
 *    certificate against the host name (`servername`), so this is the same request, to the host
 *    the URL names, at the address Hangar vetted;
 * 4. no redirect is followed (a 3xx is reported, not obeyed), no connection is reused
 *    (`agent: false`), and the whole post, DNS included, has one deadline (5 s by default).
 *
 * Private addresses are allowed only when the deployment sets HANGAR_WEBHOOK_ALLOW_PRIVATE=1,
 * passed in here as `allowPrivate` (this module reads no environment).
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Every address a host name resolves to. Tests inject their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export interface WebhookOptions {
  /** HANGAR_WEBHOOK_ALLOW_PRIVATE=1: loopback and private addresses are allowed. */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** The whole post, DNS included. */
  timeoutMs?: number;
  /** The HTTP client (`https.request`). Tests pass `http.request` to talk to a plain local server. */
  request?: typeof https.request;
  /** Extra TLS options, e.g. a test's own certificate authority. */
  tls?: Pick<https.RequestOptions, 'ca'>;
}

const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;
/** Enough of an error answer to say what went wrong, never a whole page. */
const MAX_ANSWER_CHARS = 300;

export type WebhookTarget = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; message: string };
type WebhookResult = { ok: true; status: number } | { ok: false; status?: number; message: string };

class Timeout extends Error {}

function withDeadline<T>(work: Promise<T>, deadline: Promise<never>): Promise<T> {
  return Promise.race([work, deadline]);
}

/**
 * Where a webhook URL may be posted: the URL and the one address to connect to, or why not. Also
 * what the policies page's save action calls, so an owner hears of a private target at once.
 */
export async function vetWebhookTarget(text: string, options: Pick<WebhookOptions, 'allowPrivate' | 'resolve'>): Promise<WebhookTarget> {
  const problem = webhookUrlProblem(text, { allowPrivate: options.allowPrivate });
  if (problem) return { ok: false, message: problem };
  const url = new URL(text);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');

  let addresses: ResolvedAddress[];
  const literal = parseIp(host);
  if (literal) addresses = [{ address: host, family: literal.family === 'ipv4' ? 4 : 6 }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch (error) {
      return { ok: false, message: `${host} could not be resolved (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (addresses.length === 0) return { ok: false, message: `${host} resolves to no address` };
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const verdict = addressVerdict(address);
      if (!verdict.allowed)
        return { ok: false, message: `${host} resolves to ${address}, ${verdict.why}; webhooks go to public addresses only` };
    }
  }
  return { ok: true, url, address: addresses[0]! };
}

/** A `lookup` that answers every query with the vetted address, in either calling convention. */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (err: null, addresses: ResolvedAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** Posts `{ text }` to the webhook URL, once. Never throws: the result says what happened. */
async function postWebhook(urlText: string, text: string, options: WebhookOptions): Promise<WebhookResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), timeoutMs);
  });
  let abort: (() => void) | undefined;
  try {
    const target = await withDeadline(vetWebhookTarget(urlText, options), deadline);
    if (!target.ok) return { ok: false, message: target.message };
    const { url, address } = target;
    const body = JSON.stringify({ text });
    const hostIsName = !parseIp(url.hostname.replace(/^\[(.*)\]$/, '$1'));

    const answer = new Promise<WebhookResult>((resolve, reject) => {
      const request = (options.request ?? https.request)(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Hangar' },
          lookup: pinnedLookup(address),
          // TLS checks the certificate against the name in the URL, not the address connected to.
          ...(hostIsName ? { servername: url.hostname } : {}),
          agent: false,
          ...options.tls,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          let answerText = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (answerText.length < MAX_ANSWER_CHARS) answerText += chunk;
          });
          response.on('error', reject);
          response.on('end', () => {
            const said = answerText.trim().slice(0, MAX_ANSWER_CHARS);
            if (status >= 200 && status < 300) resolve({ ok: true, status });
            else if (status >= 300 && status < 400)
              resolve({
                ok: false,
                status,
                message: `Answered ${status}, a redirect${response.headers.location ? ` to ${response.headers.location}` : ''}, which Hangar does not follow`,
              });
            else resolve({ ok: false, status, message: `Answered ${status}${said ? `: ${said}` : ''}` });
          });
        },
      );
      abort = () => request.destroy();
      request.on('error', reject);
      request.end(body);
    });
    return await withDeadline(answer, deadline);
  } catch (error) {
    abort?.();
    if (error instanceof Timeout) return { ok: false, message: `No answer within ${timeoutMs / 1000} seconds` };
    return { ok: false, message: `Could not post: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The runner's `Webhook` port: `postWebhook` with the deployment's settings. */
export function createWebhookPoster(options: WebhookOptions): Webhook {
  return { post: (url, text) => postWebhook(url, text, options) };
}
