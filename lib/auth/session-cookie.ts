/**
 * The session cookie exactly as next-auth v4 writes it, for the places that renew or create a
 * session outside next-auth's own routes (the proxy after a token renewal, local mode's sign-in
 * link): same name (`__Secure-` prefixed over https), same attributes (HttpOnly, SameSite=Lax,
 * Path=/, Secure over https), and the same chunking (`.0`, `.1`… past 4 KB) so either side reads
 * what the other wrote. Pure string work; the JWT itself is next-auth's `encode`.
 */

const SESSION_COOKIE = 'next-auth.session-token';
/** next-auth's: a cookie of at most 4096 bytes, less what its name and attributes take. */
const CHUNK_SIZE = 4096 - 163;

function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
}

type Cookie = { name: string; value: string };

/** Whether a cookie is part of a session cookie: the cookie itself or one of its chunks. */
function belongsTo(name: string, cookieName: string): boolean {
  return name === cookieName || new RegExp(`^${cookieName.replace(/[.]/g, '\\.')}\\.\\d+$`).test(name);
}

/** Every cookie of the request that holds part of a session (either name, whole or chunked). */
export function sessionCookieNames(cookies: Cookie[]): string[] {
  return cookies.map((c) => c.name).filter((name) => belongsTo(name, sessionCookieName(true)) || belongsTo(name, sessionCookieName(false)));
}

/**
 * The session JWT the request carries, chunks joined in order, under the one name next-auth
 * writes for how Hangar is served: over https only the `__Secure-` cookie, which a browser takes
 * from a secure page of this host alone. A plain-named one there could have been planted by a
 * sibling subdomain or by anyone on the network over http (login fixation), so it is ignored.
 * Null without a session cookie.
 */
export function readSessionCookie(cookies: Cookie[], https: boolean): { value: string; secure: boolean } | null {
  const name = sessionCookieName(https);
  const whole = cookies.find((c) => c.name === name);
  const chunks = cookies
    .filter((c) => belongsTo(c.name, name) && c.name !== name)
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  if (chunks.length) return { value: chunks.map((c) => c.value).join(''), secure: https };
  if (whole) return { value: whole.value, secure: https };
  return null;
}

function attributes(name: string, expires: Date, secure: boolean): string {
  return `Path=/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax${secure || name.startsWith('__Secure-') ? '; Secure' : ''}`;
}

/** Set-Cookie values that expire a cookie now. */
function expired(name: string): string {
  return `${name}=; ${attributes(name, new Date(0), false)}; Max-Age=0`;
}

/**
 * Set-Cookie values that store `jwt` as the session (chunked if it is long), and expire whatever
 * else of a session the request carried under other names (old chunks, the other prefix).
 */
export function sessionCookieHeaders(jwt: string, { secure, expires, carried }: { secure: boolean; expires: Date; carried: string[] }) {
  const name = sessionCookieName(secure);
  const written: [string, string][] = [];
  if (jwt.length <= CHUNK_SIZE) written.push([name, jwt]);
  else for (let i = 0; i * CHUNK_SIZE < jwt.length; i++) written.push([`${name}.${i}`, jwt.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)]);
  const names = new Set(written.map(([n]) => n));
  return [
    ...written.map(([n, value]) => `${n}=${value}; ${attributes(n, expires, secure)}`),
    ...carried.filter((n) => !names.has(n)).map(expired),
  ];
}

/** Set-Cookie values that end the session in this browser: every session cookie it sent expires. */
export function clearSessionCookieHeaders(carried: string[]): string[] {
  return carried.map(expired);
}
