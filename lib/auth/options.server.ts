import 'server-only';
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import GitHubProvider, { type GithubProfile } from 'next-auth/providers/github';
import { EMULATOR_MOUNT, serverConfig, type ServerConfig } from '@/lib/config';
import { OAUTH_SCOPES } from '@/lib/auth/scopes';
import { tokensFromAnswer, withTokens, type HangarJwt } from '@/lib/auth/session-claims';
import { endSession, resolveSession } from '@/lib/auth/session.server';
import { logEvent } from '@/lib/server/log.server';

/** Thrown from the jwt callback when a session read finds the session over: next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super('The session has ended');
    this.name = 'SessionEnded';
  }
}

/**
 * next-auth's configuration. `origin`: the app's origin for this request, when it follows the
 * request (demo mode without AUTH_URL); the emulator's authorize page is then on that origin too.
 */
export function authOptions(config: ServerConfig = serverConfig(), { origin }: { origin?: string } = {}): NextAuthOptions {
  const appOrigin = origin ?? config.appOrigin;
  const webUrl = config.originFollowsRequest ? `${appOrigin}${EMULATOR_MOUNT}` : config.webUrl;
  const api = (path: string, token: string) =>
    fetch(`${config.apiUrl}${path}`, {
      headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', 'user-agent': 'Hangar' },
      signal: AbortSignal.timeout(15_000),
    });

  return {
    secret: config.secret,
    // The cookie's own expiry; the session's absolute end is its sign-in time plus this, checked
    // wherever it is read (next-auth re-signs the cookie on every session read).
    session: { strategy: 'jwt', maxAge: config.sessionMaxAgeS },
    // Secure (and __Secure- prefixed) cookies whenever Hangar is served over https; next-auth's
    // defaults add HttpOnly and SameSite=Lax. Plain http is for loopback and demo mode only.
    useSecureCookies: appOrigin.startsWith('https:'),
    pages: { signIn: '/', error: '/' },
    // next-auth's own errors can carry OAuth responses: they go through the redacting logger too.
    logger: {
      error: (code, metadata) => {
        // A session read that found the session over: routine, and next-auth clears the cookie.
        if (metadata instanceof SessionEnded || (metadata as { name?: string } | undefined)?.name === 'SessionEnded') return;
        logEvent('error', 'auth', { code, detail: metadata instanceof Error ? metadata.message : metadata });
      },
      warn: (code) => logEvent('warn', 'auth', { code }),
      debug: () => {},
    },
    // Local mode has no OAuth App: its sessions begin at the one-time link (app/api/auth/local).
    providers:
      config.mode === 'local'
        ? []
        : [
            GitHubProvider({
              clientId: config.clientId,
              clientSecret: config.clientSecret,
              // Every URL comes from configuration: nothing may reach a hard-coded GitHub host.
              issuer: `${webUrl}/login/oauth`,
              authorization: { url: `${webUrl}/login/oauth/authorize`, params: { scope: OAUTH_SCOPES } },
              token: `${config.serverWebUrl}/login/oauth/access_token`,
              userinfo: {
                url: `${config.apiUrl}/user`,
                // The profile alone: the page shows who is signed in (login, name, avatar) and
                // needs no e-mail address, so Hangar does not ask for one.
                async request({ tokens }) {
                  const res = await api('/user', tokens.access_token ?? '');
                  if (!res.ok) throw new Error(`GitHub GET /user answered ${res.status}`);
                  const profile = (await res.json()) as GithubProfile;
                  return { ...profile, name: profile.name ?? undefined, email: null } as Record<string, unknown>;
                },
              },
            }),
          ],
    callbacks: {
      async jwt({ token, account, profile }) {
        const jwt = token as typeof token & HangarJwt;
        if (account) {
          // Signing in. A GitHub App with expiring tokens answers expires_in and a refresh token
          // (next-auth's OAuth client turns expires_in into expires_at, in epoch seconds).
          const now = Date.now();
          const answer = account as typeof account & { refresh_token_expires_in?: number | string };
          const expiresIn = typeof account.expires_at === 'number' ? Math.max(1, account.expires_at - Math.floor(now / 1000)) : undefined;
          const tokens = tokensFromAnswer(
            {
              access_token: account.access_token ?? '',
              refresh_token: account.refresh_token,
              expires_in: account.refresh_token ? expiresIn : undefined,
              refresh_token_expires_in: Number(answer.refresh_token_expires_in) || undefined,
              scope: account.scope,
            },
            now,
          );
          Object.assign(jwt, withTokens(jwt, tokens));
          jwt.login = (profile as GithubProfile | undefined)?.login;
          jwt.signedInAt = Math.floor(now / 1000);
          jwt.sessionId = randomBytes(16).toString('base64url');
          delete jwt.email;
          return jwt;
        }
        // A session read through next-auth (/api/auth/session): the same rules as everywhere.
        const resolved = await resolveSession(jwt, config);
        if (resolved.state === 'ended') throw new SessionEnded();
        return resolved.jwt as typeof token;
      },
      // What the page may see: who is signed in (login, name, avatar). Never the token, nor an e-mail.
      session({ session, token }) {
        const { login } = token as typeof token & HangarJwt;
        return { expires: session.expires, user: { name: session.user?.name, image: session.user?.image, login } };
      },
    },
    events: {
      // Before next-auth clears the cookie: revoke the token, so a copy of the cookie is worthless.
      async signOut({ token }) {
        if (token) await endSession(token as HangarJwt, config);
      },
    },
  };
}
