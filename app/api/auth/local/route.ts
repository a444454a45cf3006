import { randomBytes } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { localSignIn, signInLink } from '@/lib/auth/local-mode.server';
import { servedOverHttps } from '@/lib/auth/origin';
import { sessionCookieNames } from '@/lib/auth/session-cookie';
import { sessionCookieFor } from '@/lib/auth/session.server';
import type { HangarJwt } from '@/lib/auth/session-claims';
import { serverConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** What `npm start` prints: 32 random bytes, base64url. */
const LINK_SECRET = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const PROFILE = z.object({ id: z.number(), login: z.string(), name: z.string().nullable().optional(), avatar_url: z.string().optional() });

function page(status: number, title: string, text: string): Response {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Hangar</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } },
  );
}

/**
 * Local mode's one-time sign-in link: the browser that opens it gets a session for the account of
 * HANGAR_GITHUB_TOKEN, and lands on `/`. A used, old or made-up link gets nothing; each use makes
 * the server print the next link.
 */
export async function GET(req: NextRequest) {
  const config = serverConfig();
  if (config.mode !== 'local' || !config.localToken) return Response.json({ message: 'Not Found', status: 404 }, { status: 404 });

  const secret = LINK_SECRET.safeParse(req.nextUrl.searchParams.get('secret'));
  const signIn = localSignIn();
  if (!secret.success || !signIn.redeem(secret.data)) {
    return page(
      403,
      'This sign-in link does not work',
      'Each link Hangar prints works once, and this one has been used (or was never Hangar’s). Open the newest “Open …” link in the terminal where Hangar runs.',
    );
  }
  // The next browser, or this one after signing out, needs a link of its own.
  console.log(`Open ${signInLink(config.appOrigin, signIn.issue())}   (a new one-time sign-in link: the last one was just used)`);

  let user: z.infer<typeof PROFILE>;
  let scopes: string | null;
  try {
    const response = await fetch(`${config.apiUrl}/user`, {
      headers: { authorization: `token ${config.localToken}`, accept: 'application/vnd.github+json', 'user-agent': 'Hangar' },
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      return page(
        502,
        'GitHub refused the token',
        `GitHub answered ${response.status} to HANGAR_GITHUB_TOKEN. Start Hangar again with a valid token: HANGAR_GITHUB_TOKEN=$(gh auth token) npm start`,
      );
    }
    user = PROFILE.parse(await response.json());
    scopes = response.headers.get('x-oauth-scopes');
  } catch {
    return page(
      504,
      'GitHub is not answering',
      'Hangar could not reach GitHub to read your profile. Open the new link once GitHub answers.',
    );
  }

  const jwt: HangarJwt & { sub: string } = {
    sub: String(user.id),
    login: user.login,
    name: user.name ?? null,
    picture: user.avatar_url ?? null,
    // Absent for a fine-grained token: GitHub reports no scopes for it.
    ...(scopes === null ? {} : { scope: scopes }),
    localSession: signIn.startSession(config.sessionMaxAgeS),
    signedInAt: Math.floor(Date.now() / 1000),
    sessionId: randomBytes(16).toString('base64url'),
  };
  const cookies = await sessionCookieFor(jwt, {
    secure: servedOverHttps(config, req.headers, req.url),
    carried: sessionCookieNames(req.cookies.getAll()),
  });
  const response = new Response(null, {
    status: 303,
    headers: { location: '/', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}
