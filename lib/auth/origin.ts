/**
 * Hangar's own origin for one request: the configured one (AUTH_URL), or in demo mode without
 * AUTH_URL, the address the browser used. Pure, so the CSRF check's expectation is unit tested.
 */

type HeaderSource = { get(name: string): string | null };

/** The first value of a header a proxy may have written as a list (`a, b`). */
function first(value: string | null): string | null {
  const item = value?.split(',')[0]?.trim();
  return item ? item : null;
}

/**
 * The origin the browser addressed: the Host (or, behind a proxy such as a forwarded port, the
 * X-Forwarded-Host and -Proto it adds; Next fills both from the request when absent). Null when
 * the request names no host.
 */
export function requestOrigin(headers: HeaderSource, fallbackUrl?: string): string | null {
  const host = first(headers.get('x-forwarded-host')) ?? first(headers.get('host'));
  const proto = first(headers.get('x-forwarded-proto'));
  if (!host) return fallbackUrl ? new URL(fallbackUrl).origin : null;
  const scheme = proto === 'https' || proto === 'http' ? proto : fallbackUrl ? new URL(fallbackUrl).protocol.slice(0, -1) : 'http';
  try {
    const url = new URL(`${scheme}://${host}`);
    // A host header with a path, credentials or other junk names no origin.
    const junk = url.username || url.password || url.pathname !== '/' || url.search || url.hash;
    return junk ? null : url.origin;
  } catch {
    return null;
  }
}

/** What a mutation's Origin must equal exactly. */
export function expectedOrigin(
  config: { appOrigin: string; originFollowsRequest: boolean },
  headers: HeaderSource,
  requestUrl?: string,
): string | null {
  return config.originFollowsRequest ? requestOrigin(headers, requestUrl) : config.appOrigin;
}

/**
 * Whether Hangar is served over https for this request: its configured origin's scheme, or in
 * demo mode without AUTH_URL, the scheme the browser used. Decides the session cookie's name.
 */
export function servedOverHttps(
  config: { appOrigin: string; originFollowsRequest: boolean },
  headers: HeaderSource,
  requestUrl?: string,
): boolean {
  return (expectedOrigin(config, headers, requestUrl) ?? config.appOrigin).startsWith('https:');
}
