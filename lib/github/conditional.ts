/**
 * HTTP validators and cached headers as GitHub, browsers and HTTP caches use them (RFC 9110
 * §13.1.2, RFC 9111 §3 and §4.3.4), without I/O, so the server's conditional flow and the
 * browser's are tested on their own and keep the same rules.
 */

/** The opaque part of an entity tag: `W/"abc"` and `"abc"` compare equal under weak comparison. */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** Whether an `If-None-Match` header matches `etag` (weak comparison, lists and `*` included). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string | null | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const current = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === current);
}

/** Header fields, lower-case name → value, as the store keeps them. */
export type HeaderFields = Record<string, string>;

/**
 * Fields a cache does not keep (RFC 9111 §3.1): the hop-by-hop ones (RFC 9110 §7.6.1), those that
 * describe one message's bytes rather than the representation (its length, its encoding on the
 * wire: the body is kept decoded), and cookies, which belong to one exchange.
 */
const NOT_STORED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authentication-info',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-encoding',
  'set-cookie',
]);

/** The fields of an answer worth storing with its body: all but those above and any the `Connection` field names. */
export function storableHeaders(headers: HeaderFields): HeaderFields {
  const named = new Set((headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  const kept: HeaderFields = {};
  for (const [name, value] of Object.entries(headers)) {
    const field = name.toLowerCase();
    if (!NOT_STORED.has(field) && !named.has(field)) kept[field] = value;
  }
  return kept;
}

/**
 * What a stored answer's headers become when a `304` confirms it (RFC 9111 §4.3.4, §3.2): the
 * stored ones, with every field the `304` carries replacing the stored value. A `304` needs to
 * repeat only a few fields (RFC 9110 §15.4.5), so `Link` and `X-GitHub-SSO` live on from the
 * stored `200`, while the `304`'s newer `ETag`, `Date` and rate-limit figures win.
 */
export function headersAfterNotModified(stored: HeaderFields, notModified: HeaderFields): HeaderFields {
  return { ...stored, ...storableHeaders(notModified) };
}
