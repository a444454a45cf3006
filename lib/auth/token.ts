import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { serverConfig } from '@/lib/config';

/** What Hangar keeps in the encrypted session cookie. The access token never leaves the server. */
export interface HangarJwt {
  accessToken?: string;
  scope?: string;
  login?: string;
}

type CookieSource = { getAll(): { name: string; value: string }[] };

/**
 * Decrypts the session from cookies only. (Given a whole request, getToken would also accept an
 * `Authorization: Bearer` header as the session; Hangar's sessions live in the cookie alone.)
 */
async function decodeSession(cookieSource: CookieSource): Promise<HangarJwt | null> {
  const jar = new Map(cookieSource.getAll().map((c) => [c.name, c.value]));
  const token = await getToken({
    req: { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: serverConfig().secret,
  });
  return token as HangarJwt | null;
}

/** The signed-in user's GitHub token, from a route handler's request. */
export async function accessTokenFromRequest(req: { cookies: CookieSource }): Promise<string | null> {
  return (await decodeSession(req.cookies))?.accessToken ?? null;
}

/** The same, for server components, which see cookies but not a Request. */
export async function accessTokenFromCookies(): Promise<string | null> {
  return (await decodeSession(await cookies()))?.accessToken ?? null;
}

/** Who is signed in, as the page may know it (no token). */
export interface SignedInUser {
  login: string;
  name: string | null;
  image: string | null;
}

/** The signed-in user and their token, for server components, from one decryption of the cookie. */
export async function serverSession(): Promise<{ user: SignedInUser; accessToken: string; scopes: string[] } | null> {
  const jwt = (await decodeSession(await cookies())) as (HangarJwt & { name?: string | null; picture?: string | null }) | null;
  if (!jwt?.accessToken || !jwt.login) return null;
  return {
    user: { login: jwt.login, name: jwt.name ?? null, image: jwt.picture ?? null },
    accessToken: jwt.accessToken,
    // GitHub reports granted scopes comma-separated.
    scopes: (jwt.scope ?? '').split(/[\s,]+/).filter(Boolean),
  };
}
