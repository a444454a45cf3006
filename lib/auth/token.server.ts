import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { serverConfig } from '@/lib/config';
import { servedOverHttps } from '@/lib/auth/origin';
import { scopesApply } from '@/lib/auth/session-claims';
import { decodeSession, resolveSession, type CookieSource } from '@/lib/auth/session.server';
import { accountOfSession } from '@/lib/github/account.server';
import type { AccountKey } from '@/lib/github/store.server';

type RequestLike = { cookies: CookieSource; headers: { get(name: string): string | null }; url?: string };

/** The session cookie of a request (a route handler's, or a server component's from next/headers). */
function decodeRequestSession(req: RequestLike) {
  return decodeSession(req.cookies, servedOverHttps(serverConfig(), req.headers, req.url));
}

/** Who is signed in, as the page may know it (no token). */
export interface SignedInUser {
  login: string;
  name: string | null;
  image: string | null;
}

export interface ServerSession {
  user: SignedInUser;
  accessToken: string;
  /** The GitHub account the token acts for: what the answer store counts its reads against. */
  account: AccountKey;
  /** GitHub's granted OAuth scopes. */
  scopes: string[];
  /** False where scopes do not decide (a GitHub App's token, a fine-grained token): GitHub answers for itself. */
  scopesApply: boolean;
}

/**
 * The signed-in user and their token, for server components, from one decryption of the cookie,
 * once per render (`cache`: the layout and the page both ask, and each ask would decrypt the cookie
 * and check the session in the store again). A page cannot write cookies: when the token was due
 * it renders with the renewed one, and the next proxied request (which carries the old cookie, and
 * gets the same renewal) writes it.
 */
export const serverSession = cache(readServerSession);

async function readServerSession(): Promise<ServerSession | null> {
  const session = await decodeRequestSession({ cookies: await cookies(), headers: await headers() });
  if (!session) return null;
  const resolved = await resolveSession(session.jwt);
  const jwt = session.jwt;
  if (resolved.state !== 'active' || !jwt.login) return null;
  return {
    user: { login: jwt.login, name: jwt.name ?? null, image: jwt.picture ?? null },
    accessToken: resolved.accessToken,
    account: accountOfSession(resolved.jwt, resolved.accessToken),
    // GitHub reports granted scopes comma-separated.
    scopes: (resolved.jwt.scope ?? '').split(/[\s,]+/).filter(Boolean),
    scopesApply: scopesApply(resolved.accessToken, resolved.jwt.scope, serverConfig().mode === 'local'),
  };
}
