/**
 * The emulator as a GitHub App with expiring user tokens, and the revocation endpoint an app calls
 * on sign-out, as GitHub documents them: `ghu_` tokens that expire, single-use `ghr_` refresh
 * tokens, `bad_refresh_token`, and `DELETE /applications/{client_id}/token`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { approveAuthorization, caseOf, must, setup, type Harness } from './test-helpers';

const app = { id: 'Iv1.hangar-app', secret: 'hangar-app-secret' };
const oauthApp = { id: 'hangar-oauth', secret: 'hangar-oauth-secret' };
const redirectUri = 'http://app.test/api/auth/callback/github';
const LIFETIME_S = 60;

type TokenAnswer = {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  token_type: string;
};

let h: Harness;

beforeEach(() => {
  h = setup({
    clients: {
      [app.id]: { secret: app.secret, githubApp: { tokenLifetimeS: LIFETIME_S }, callbackUrl: redirectUri },
      [oauthApp.id]: { secret: oauthApp.secret, callbackUrl: redirectUri },
    },
    control: true,
  });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function tokenEndpoint(fields: Record<string, string>) {
  const response = await h.web('/login/oauth/access_token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form(fields),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Signs `login` in through the web flow of `client`, and exchanges the code. */
async function signIn(client = app, login = 'mona') {
  const approval = await approveAuthorization(
    h.web,
    { client_id: client.id, redirect_uri: redirectUri, scope: 'codespace read:user', state: 's' },
    { login },
  );
  const code = must(new URL(must(approval.headers.get('location'), 'a redirect')).searchParams.get('code'), 'a code');
  return tokenEndpoint({ client_id: client.id, client_secret: client.secret, code });
}

const refresh = (refreshToken: string, client = app) =>
  tokenEndpoint({ client_id: client.id, client_secret: client.secret, grant_type: 'refresh_token', refresh_token: refreshToken });

const revoke = (accessToken: unknown, { id, secret }: { id: string; secret: string } = app, pathClient = id) =>
  h.api(`/applications/${pathClient}/token`, {
    method: 'DELETE',
    as: null,
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
    body: accessToken === undefined ? {} : { access_token: accessToken },
  });

describe('a GitHub App with expiring user tokens', () => {
  it('answers the code exchange with a ghu_ token, its lifetime and a ghr_ refresh token, and an empty scope', async () => {
    caseOf('app-token.expiry');
    expect(await signIn()).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: LIFETIME_S,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{76}$/),
      refresh_token_expires_in: 15_811_200,
      scope: '',
      token_type: 'bearer',
    });
  });

  it('accepts the token until it expires, then answers 401 Bad credentials', async () => {
    caseOf('app-token.expiry', 'auth.token');
    const { access_token } = (await signIn()) as TokenAnswer;
    const user = await h.api<{ login: string }>('/user', { token: access_token });
    expect(user.status).toBe(200);
    expect(user.body.login).toBe('mona');
    // A GitHub App's token has the app's permissions: no OAuth scope headers.
    expect(user.headers.get('x-oauth-scopes')).toBeNull();
    expect((await h.api('/user/codespaces', { token: access_token })).status).toBe(200);

    h.clock.advance(LIFETIME_S * 1000 - 1);
    expect((await h.api('/user', { token: access_token })).status).toBe(200);
    h.clock.advance(1);
    const expired = await h.api('/user', { token: access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ message: 'Bad credentials', status: '401' });
  });

  it('renews with the refresh token once: a new pair, and the old access token stops working', async () => {
    caseOf('app-token.refresh-once');
    const first = (await signIn()) as TokenAnswer;
    const renewed = (await refresh(first.refresh_token)) as TokenAnswer;
    expect(renewed).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      expires_in: LIFETIME_S,
      refresh_token: expect.stringMatching(/^ghr_/),
      refresh_token_expires_in: 15_811_200,
      scope: '',
      token_type: 'bearer',
    });
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(renewed.refresh_token).not.toBe(first.refresh_token);
    expect((await h.api('/user', { token: first.access_token })).status).toBe(401);
    expect((await h.api('/user', { token: renewed.access_token })).status).toBe(200);

    // Spent: a second use is refused, and changes nothing.
    expect(await refresh(first.refresh_token)).toEqual({
      error: 'bad_refresh_token',
      error_description: 'The refresh token passed is incorrect or expired.',
      error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
    expect((await h.api('/user', { token: renewed.access_token })).status).toBe(200);
  });

  it('renews an expired access token, but not with an expired, unknown or other app’s refresh token', async () => {
    caseOf('app-token.refresh-once');
    const first = (await signIn()) as TokenAnswer;
    h.clock.advance(LIFETIME_S * 1000 + 1);
    expect(await refresh(first.refresh_token)).toHaveProperty('access_token');

    expect(await refresh('ghr_unknown')).toMatchObject({ error: 'bad_refresh_token' });
    const other = (await signIn()) as TokenAnswer;
    expect(await refresh(other.refresh_token, oauthApp)).toMatchObject({ error: 'bad_refresh_token' });
    expect(
      await tokenEndpoint({ client_id: app.id, client_secret: 'wrong', grant_type: 'refresh_token', refresh_token: other.refresh_token }),
    ).toMatchObject({ error: 'incorrect_client_credentials' });
    h.clock.advance(15_811_200 * 1000);
    expect(await refresh(other.refresh_token)).toMatchObject({ error: 'bad_refresh_token' });
  });

  it('reports how many times each refresh token was presented, so a test can see one spent twice', async () => {
    const first = (await signIn()) as TokenAnswer;
    const renewed = (await refresh(first.refresh_token)) as TokenAnswer;
    await refresh(first.refresh_token);
    const report = (await (await h.web('/_emulator/refresh-tokens')).json()) as {
      refreshTokens: { token: string; login: string; uses: number; spent: boolean }[];
    };
    expect(report.refreshTokens).toEqual([
      expect.objectContaining({ token: first.refresh_token, login: 'mona', uses: 2, spent: true }),
      expect.objectContaining({ token: renewed.refresh_token, login: 'mona', uses: 0, spent: false }),
    ]);
  });

  it('issues tokens with the lifetime a test hook sets', async () => {
    const settings = await h.web('/_emulator/settings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenLifetimeS: 5 }),
    });
    expect(settings.status).toBe(204);
    const { access_token, expires_in } = (await signIn()) as TokenAnswer;
    expect(expires_in).toBe(5);
    h.clock.advance(5_000);
    expect((await h.api('/user', { token: access_token })).status).toBe(401);
    const bad = await h.web('/_emulator/settings', { method: 'POST', body: JSON.stringify({ tokenLifetimeS: 0 }) });
    expect(bad.status).toBe(400);
  });

  it('has the app’s permissions, not scopes: no scope headers, and “Resource not accessible by integration” outside them', async () => {
    caseOf('app-token.permissions');
    const { access_token } = (await signIn()) as TokenAnswer;
    const allowed = await h.api('/user/codespaces', { token: access_token });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('x-oauth-scopes')).toBeNull();
    // Repository secrets need a permission the app was not given.
    const outside = await h.api<{ message: string }>('/repos/mona/blog/codespaces/secrets', { token: access_token });
    expect(outside.status).toBe(403);
    expect(outside.body.message).toBe('Resource not accessible by integration');
    expect(outside.headers.get('x-oauth-scopes')).toBeNull();
    expect(outside.headers.get('x-accepted-oauth-scopes')).toBeNull();
  });

  it('keeps an OAuth App’s tokens as they were: gho_, no expiry, no refresh token', async () => {
    const answer = await signIn(oauthApp);
    expect(answer).toEqual({ access_token: expect.stringMatching(/^gho_/), token_type: 'bearer', scope: 'codespace,read:user' });
    h.clock.advance(30 * 24 * 60 * 60 * 1000);
    expect((await h.api('/user', { token: String(answer.access_token) })).status).toBe(200);
  });
});

describe('revoking a token: DELETE /applications/{client_id}/token', () => {
  it('answers 204, after which the token gets 401 and its refresh token is refused', async () => {
    caseOf('oauth.revoke');
    const { access_token, refresh_token } = (await signIn()) as TokenAnswer;
    const response = await revoke(access_token);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await h.api('/user', { token: access_token })).status).toBe(401);
    expect(await refresh(refresh_token)).toMatchObject({ error: 'bad_refresh_token' });
    expect(h.emulator.revocations()).toEqual([{ token: access_token, login: 'mona', clientId: app.id, at: h.clock.now }]);
  });

  it('revokes an OAuth App’s token the same way', async () => {
    caseOf('oauth.revoke');
    const { access_token } = await signIn(oauthApp, 'hubot');
    expect((await revoke(access_token, oauthApp)).status).toBe(204);
    expect((await h.api('/user', { token: String(access_token) })).status).toBe(401);
  });

  it('refuses without the app’s own credentials, and changes nothing', async () => {
    caseOf('oauth.revoke');
    const { access_token } = (await signIn()) as TokenAnswer;
    const none = await h.api(`/applications/${app.id}/token`, { method: 'DELETE', as: null, body: { access_token } });
    expect(none.status).toBe(401);
    expect((await revoke(access_token, { id: app.id, secret: 'wrong' })).status).toBe(404);
    // Another app's credentials, for this app's path.
    expect((await revoke(access_token, oauthApp, app.id)).status).toBe(404);
    // This app's credentials cannot revoke another app's token.
    expect((await revoke(access_token, oauthApp)).status).toBe(404);
    expect((await h.api('/user', { token: access_token })).status).toBe(200);
    expect(h.emulator.revocations()).toEqual([]);
  });

  it('answers 422 without an access_token, and 404 for a token it does not know', async () => {
    const missing = await revoke(undefined);
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ message: 'Invalid request.', errors: [expect.objectContaining({ field: 'access_token' })] });
    expect((await revoke('ghu_unknown')).status).toBe(404);
  });
});
