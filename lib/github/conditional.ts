/**
 * HTTP validators as GitHub and browsers use them (RFC 9110 §13.1.2), without I/O, so the proxy's
 * conditional flow is tested on its own.
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
