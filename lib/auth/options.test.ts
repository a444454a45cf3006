import { describe, expect, it, vi } from 'vitest';
import { readConfigForTest } from '@/lib/config';
import { authOptions } from './options.server';
import { OAUTH_SCOPES } from './scopes';

const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv;

const production = readConfigForTest(
  env({
    GITHUB_ID: 'Iv1.client',
    GITHUB_SECRET: 'secret',
    GITHUB_WEB_URL: 'https://ghe.example.com',
    GITHUB_API_URL: 'https://ghe.example.com/api/v3',
    NEXTAUTH_URL: 'https://hangar.example.com',
    NEXTAUTH_SECRET: 'x'.repeat(32),
  }),
);

describe('sign-in configuration', () => {
  it('uses Secure cookies when Hangar is served over https', () => {
    expect(authOptions(production).useSecureCookies).toBe(true);
  });

  it('uses plain cookies on http (loopback, demo mode)', () => {
    const local = readConfigForTest(env({ NEXTAUTH_URL: 'http://localhost:3000', NEXTAUTH_SECRET: 'x'.repeat(32) }));
    expect(authOptions(local).useSecureCookies).toBe(false);
  });

  it('sends every OAuth and API call to the configured GitHub, never a hard-coded host', () => {
    const provider = authOptions(production).providers[0] as unknown as {
      options: { authorization: { url: string; params: { scope: string } }; token: string; userinfo: { url: string } };
    };
    expect(provider.options.authorization.url).toBe('https://ghe.example.com/login/oauth/authorize');
    expect(provider.options.authorization.params.scope).toBe(OAUTH_SCOPES);
    expect(provider.options.token).toBe('https://ghe.example.com/login/oauth/access_token');
    expect(provider.options.userinfo.url).toBe('https://ghe.example.com/api/v3/user');
    expect(JSON.stringify(provider.options)).not.toContain('api.github.com');
  });

  it('keeps the access token and the e-mail address out of the session the page can read', () => {
    const session = authOptions(production).callbacks!.session!({
      session: { user: { name: 'Mona', email: 'mona@example.com', image: 'https://avatars.example/mona' }, expires: '' },
      token: { accessToken: 'gho_secret', login: 'mona', name: 'Mona', email: 'mona@example.com' },
    } as never) as unknown as Record<string, unknown>;
    expect(JSON.stringify(session)).not.toContain('gho_secret');
    expect(JSON.stringify(session)).not.toContain('mona@example.com');
    expect(session).toEqual({ expires: '', user: { login: 'mona', name: 'Mona', image: 'https://avatars.example/mona' } });
  });

  it('ends a session read through next-auth once its user signed out, even when GitHub did not confirm revoking the token', async () => {
    const options = authOptions(production);
    const now = Math.floor(Date.now() / 1000);
    const token = {
      sub: '1',
      login: 'mona',
      name: 'Mona',
      accessToken: 'gho_copied',
      signedInAt: now - 60,
      sessionId: 'session-signed-out',
    };
    const revocations: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      revocations.push(String(url));
      return new Response('{"message":"Server Error"}', { status: 502 });
    });
    try {
      await options.events!.signOut!({ token, session: null } as never);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(revocations).toEqual(['https://ghe.example.com/api/v3/applications/Iv1.client/token']);
    // A copy of the cookie, read through /api/auth/session: no name, no fresh cookie.
    await expect(options.callbacks!.jwt!({ token } as never)).rejects.toThrow(/ended/);
    // Another session of the same person is not affected.
    await expect(options.callbacks!.jwt!({ token: { ...token, sessionId: 'other-session' } } as never)).resolves.toMatchObject({
      login: 'mona',
    });
  });

  it('gives every sign-in a session id of its own, and keeps no e-mail address in the cookie', async () => {
    const signIn = () =>
      authOptions(production).callbacks!.jwt!({
        token: { sub: '1', email: 'mona@example.com' },
        account: { provider: 'github', type: 'oauth', providerAccountId: '1', access_token: 'gho_a', scope: 'codespace' },
        profile: { login: 'mona' },
      } as never) as Promise<Record<string, unknown>>;
    const [first, second] = [await signIn(), await signIn()];
    expect(first.sessionId).toMatch(/^[\w-]{22}$/);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(first).not.toHaveProperty('email');
  });

  it('records the sign-in time and a GitHub App’s token expiry when the user signs in', async () => {
    const before = Math.floor(Date.now() / 1000);
    const jwt = (await authOptions(production).callbacks!.jwt!({
      token: { sub: '1' },
      account: {
        provider: 'github',
        type: 'oauth',
        providerAccountId: '1',
        access_token: 'ghu_a',
        refresh_token: 'ghr_a',
        expires_at: before + 28_800,
        scope: '',
      },
      profile: { login: 'mona' },
    } as never)) as Record<string, number | string>;
    expect(jwt).toMatchObject({ login: 'mona', accessToken: 'ghu_a', refreshToken: 'ghr_a', scope: '' });
    expect(jwt.signedInAt).toBeGreaterThanOrEqual(before);
    expect(Number(jwt.accessTokenExpiresAt)).toBeGreaterThan(Date.now() + 28_000_000);
  });

  it('ends a session read through next-auth once it is past its absolute lifetime', async () => {
    const jwt = authOptions(production).callbacks!.jwt!;
    const now = Math.floor(Date.now() / 1000);
    const recent = { sub: '1', login: 'mona', accessToken: 'gho_x', signedInAt: now - 60 };
    await expect(jwt({ token: recent } as never)).resolves.toMatchObject({ login: 'mona', accessToken: 'gho_x' });
    // Re-signed a minute ago (iat), signed in eight days ago: over.
    await expect(jwt({ token: { ...recent, iat: now - 60, signedInAt: now - 8 * 24 * 60 * 60 } } as never)).rejects.toThrow(/ended/);
  });
});
