/**
 * Sessions through the proxy, end to end against the GitHub emulator as a GitHub App with
 * expiring user tokens: renewal before expiry and after GitHub's 401, the renewed cookie, a
 * neighbour's stale cookie, a renewal GitHub refuses, the absolute lifetime, and sign-out.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { approveAuthorization } from '@/emulator/test-helpers';
import { configureAppForEmulator } from '@/lib/test/session';
import type { HangarJwt } from './session-claims';

const APP = 'http://hangar.test';
const SECRET = 'proxy-session-secret-proxy-session-secret';
const CLIENT = 'Iv1.proxy-session';

let github: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let endSession: (jwt: HangarJwt) => Promise<void>;

beforeAll(async () => {
  github = await startEmulatorServer({
    control: true,
    transitionMs: 60_000,
    clients: {
      [CLIENT]: { secret: `${CLIENT}-secret`, githubApp: { tokenLifetimeS: 60 }, callbackUrl: `${APP}/api/auth/callback/github` },
    },
  });
  configureAppForEmulator(github.url, { client: CLIENT, appUrl: APP, secret: SECRET });
  process.env.HANGAR_SESSION_MAX_AGE = String(7 * 24 * 60 * 60);
  ({ proxyGithubRequest } = await import('@/lib/operations/proxy.server'));
  ({ endSession } = await import('./session.server'));
});

afterAll(() => github?.close());

beforeEach(() => github.emulator.reset());

const setLifetime = (tokenLifetimeS: number) =>
  fetch(`${github.url}/_emulator/settings`, { method: 'POST', body: JSON.stringify({ tokenLifetimeS }) });

/** Signs `login` in at the emulator as the GitHub App, and returns the session Hangar would keep. */
async function signIn(login = 'mona', { dueInMs }: { dueInMs?: number } = {}): Promise<HangarJwt> {
  const approval = await approveAuthorization(
    (path, init) => fetch(`${github.url}${path}`, { ...init, redirect: 'manual' }),
    { client_id: CLIENT, redirect_uri: `${APP}/api/auth/callback/github` },
    { login },
  );
  const code = new URL(approval.headers.get('location')!).searchParams.get('code')!;
  const answer = (await (
    await fetch(`${github.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT, client_secret: `${CLIENT}-secret`, code }).toString(),
    })
  ).json()) as { access_token: string; refresh_token: string; expires_in: number };
  const now = Date.now();
  return {
    login,
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessTokenLifetimeS: answer.expires_in,
    // Hangar's idea of the expiry; a test may say it is due already.
    accessTokenExpiresAt: dueInMs === undefined ? now + answer.expires_in * 1000 : now + dueInMs,
    signedInAt: Math.floor(now / 1000),
    sessionId: randomUUID(),
  };
}

const cookieOf = async (jwt: HangarJwt) => `next-auth.session-token=${await encode({ token: { ...jwt }, secret: SECRET })}`;

function get(cookie: string, path = '/user') {
  return proxyGithubRequest(new NextRequest(`${APP}/api/github${path}`, { headers: { cookie } }));
}

/** The session the response's Set-Cookie carries, decrypted (null when it sets none). */
async function renewedSession(response: Response): Promise<HangarJwt | null> {
  const set = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!set) return null;
  return (await decode({ token: set.split(';')[0]!.split('=')[1]!, secret: SECRET })) as HangarJwt;
}

const uses = (refreshToken: string | undefined) => github.emulator.refreshTokens().find((r) => r.token === refreshToken)?.uses ?? 0;

describe('a GitHub App session through the proxy', () => {
  it('is used as it is while its token is fresh: no renewal, no new cookie', async () => {
    const jwt = await signIn();
    const response = await get(await cookieOf(jwt));
    expect(response.status).toBe(200);
    expect(await renewedSession(response)).toBeNull();
    expect(uses(jwt.refreshToken)).toBe(0);
  });

  it('renews a token about to expire before calling GitHub, and sends the renewed session back as the cookie', async () => {
    const jwt = await signIn('mona', { dueInMs: 1_000 });
    const response = await get(await cookieOf(jwt));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { login: string }).login).toBe('mona');
    const renewed = await renewedSession(response);
    expect(renewed).toMatchObject({ login: 'mona', signedInAt: jwt.signedInAt, accessToken: expect.stringMatching(/^ghu_/) });
    expect(renewed!.accessToken).not.toBe(jwt.accessToken);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(uses(jwt.refreshToken)).toBe(1);

    // The renewed cookie works as it is.
    const next = await get(await cookieOf(renewed!));
    expect(next.status).toBe(200);
    expect(uses(renewed!.refreshToken)).toBe(0);
  });

  it('spends the refresh token once for many requests at the same moment, and then for a stale cookie too', async () => {
    const jwt = await signIn('mona', { dueInMs: 1_000 });
    const cookie = await cookieOf(jwt);
    const responses = await Promise.all(Array.from({ length: 12 }, () => get(cookie, '/user/codespaces?per_page=3')));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(uses(jwt.refreshToken)).toBe(1);

    // A request that still carries the old cookie after its neighbour's renewal: the new token, not a sign-out.
    const late = await get(cookie);
    expect(late.status).toBe(200);
    expect((await renewedSession(late))?.accessToken).toBe((await renewedSession(responses[0]!))?.accessToken);
    expect(uses(jwt.refreshToken)).toBe(1);
  });

  it('renews when GitHub answers 401 for a token that expired, and tries the request once more', async () => {
    await setLifetime(1);
    const jwt = await signIn();
    // Hangar believes the token good for another hour; GitHub has let it expire.
    const cookie = await cookieOf({ ...jwt, accessTokenExpiresAt: Date.now() + 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const since = Date.now();
    const response = await get(cookie);
    expect(response.status).toBe(200);
    expect(uses(jwt.refreshToken)).toBe(1);
    expect(github.emulator.log(since).map((e) => `${e.path} ${e.status}`)).toEqual([
      '/user 401',
      '/login/oauth/access_token 200',
      '/user 200',
    ]);
    await setLifetime(60);
  });

  it('ends the session when GitHub refuses the renewal: 401 in Hangar’s words, and the cookie cleared', async () => {
    const jwt = await signIn('mona', { dueInMs: 1_000 });
    // The user revoked Hangar on github.com: the refresh token is dead too.
    await fetch(`${github.url}/_emulator/tokens?login=mona`, { method: 'DELETE' });
    const response = await get(await cookieOf(jwt));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: expect.stringMatching(/session has ended/i), status: 401 });
    expect(response.headers.get('set-cookie')).toMatch(/^next-auth\.session-token=; .*Max-Age=0/);
    expect(uses(jwt.refreshToken)).toBe(1);
  });

  it('ends at its absolute lifetime, without asking GitHub', async () => {
    const jwt = await signIn();
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 24 * 60 * 60;
    // Counted, not timed: the sign-in's own token exchange can share the millisecond.
    const mark = github.emulator.log().length;
    const response = await get(await cookieOf({ ...jwt, signedInAt: eightDaysAgo }));
    expect(response.status).toBe(401);
    expect(github.emulator.log().slice(mark)).toEqual([]);
  });

  it('after sign-out, a replayed copy of the cookie gets 401: the token was revoked and is never renewed', async () => {
    const jwt = await signIn('hubot');
    const cookie = await cookieOf(jwt);
    expect((await get(cookie)).status).toBe(200);
    await endSession(jwt);
    expect(github.emulator.revocations()).toEqual([expect.objectContaining({ token: jwt.accessToken, login: 'hubot', clientId: CLIENT })]);
    const replay = await get(cookie);
    expect(replay.status).toBe(401);
    // Refused by Hangar itself: the refresh token was not even presented to GitHub.
    expect(uses(jwt.refreshToken)).toBe(0);
  });
});

describe('an OAuth App session (a token that never expires) after sign-out', () => {
  it('is refused by Hangar itself, even when GitHub did not confirm revoking the token', async () => {
    const token = github.emulator.issueToken('mona');
    const jwt: HangarJwt = {
      login: 'mona',
      accessToken: token,
      scope: 'codespace',
      signedInAt: Math.floor(Date.now() / 1000),
      sessionId: randomUUID(),
    };
    const cookie = await cookieOf(jwt);
    expect((await get(cookie)).status).toBe(200);
    // GitHub is having a bad moment: the revocation answers 502, and the token keeps working there.
    github.emulator.faults.add({ method: 'DELETE', path: '^/applications/', status: 502, times: 1 });
    await endSession(jwt);
    expect(github.emulator.revocations()).toEqual([]);

    const mark = github.emulator.log().length;
    const replay = await get(cookie);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toMatch(/^next-auth\.session-token=; .*Max-Age=0/);
    // Refused before GitHub was asked: the copied cookie does not reach the still-valid token.
    expect(github.emulator.log().slice(mark)).toEqual([]);
  });
});
