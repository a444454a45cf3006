import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import GitHubProvider, { type GithubEmail, type GithubProfile } from 'next-auth/providers/github';
import { serverConfig, type ServerConfig } from '@/lib/config';
import { OAUTH_SCOPES } from '@/lib/auth/scopes';
import type { HangarJwt } from '@/lib/auth/token';
import { logEvent } from '@/lib/server/log';

/** Sessions last a working day; GitHub OAuth tokens themselves do not expire. */
const SESSION_MAX_AGE_S = 12 * 60 * 60;

export function authOptions(config: ServerConfig = serverConfig()): NextAuthOptions {
  const api = (path: string, token: string) =>
    fetch(`${config.apiUrl}${path}`, {
      headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', 'user-agent': 'Hangar' },
      signal: AbortSignal.timeout(15_000),
    });

  return {
    secret: config.secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    // Secure (and __Secure- prefixed) cookies whenever Hangar is served over https; next-auth's
    // defaults add HttpOnly and SameSite=Lax. Plain http is for loopback and demo mode only.
    useSecureCookies: config.appOrigin.startsWith('https:'),
    pages: { signIn: '/', error: '/' },
    // next-auth's own errors can carry OAuth responses: they go through the redacting logger too.
    logger: {
      error: (code, metadata) => logEvent('error', 'auth', { code, detail: metadata instanceof Error ? metadata.message : metadata }),
      warn: (code) => logEvent('warn', 'auth', { code }),
      debug: () => {},
    },
    providers: [
      GitHubProvider({
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        // Every URL comes from configuration: nothing may reach a hard-coded GitHub host.
        issuer: `${config.webUrl}/login/oauth`,
        authorization: { url: `${config.webUrl}/login/oauth/authorize`, params: { scope: OAUTH_SCOPES } },
        token: `${config.serverWebUrl}/login/oauth/access_token`,
        userinfo: {
          url: `${config.apiUrl}/user`,
          async request({ tokens }) {
            const token = tokens.access_token ?? '';
            const res = await api('/user', token);
            if (!res.ok) throw new Error(`GitHub GET /user answered ${res.status}`);
            const profile = (await res.json()) as GithubProfile;
            if (!profile.email) {
              const emails = await api('/user/emails', token);
              if (emails.ok) {
                const list = (await emails.json()) as GithubEmail[];
                profile.email = (list.find((e) => e.primary) ?? list[0])?.email ?? null;
              }
            }
            return { ...profile, name: profile.name ?? undefined } as Record<string, unknown>;
          },
        },
      }),
    ],
    callbacks: {
      jwt({ token, account, profile }) {
        if (account) {
          const jwt = token as typeof token & HangarJwt;
          jwt.accessToken = account.access_token;
          jwt.scope = account.scope;
          jwt.login = (profile as GithubProfile | undefined)?.login;
        }
        return token;
      },
      // What the page may see: who is signed in. Never the token.
      session({ session, token }) {
        const { login } = token as typeof token & HangarJwt;
        return { ...session, user: { name: session.user?.name, email: session.user?.email, image: session.user?.image, login } };
      },
    },
  };
}
