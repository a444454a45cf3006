/**
 * The emulator as a GitHub App acting on organisations, as GitHub documents it: a JWT signed with
 * the app's private key (RS256, `iss` the app id, `exp` at most ten minutes on, give or take the
 * clock drift GitHub allows); the app's installation on an organisation; hour-long `ghs_`
 * installation tokens with the installation's permissions, which reach the organisation's
 * members' codespaces (list, stop, delete) and nothing of a user's.
 */
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseOf, type CodespaceList, type Harness, setup, signAppJwt, testAppKeys } from './test-helpers';

const APP_ID = 4242;
const keys = testAppKeys();
let h: Harness;

beforeEach(() => {
  h = setup({
    githubApps: [
      {
        id: APP_ID,
        slug: 'hangar-test',
        publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
        installations: [{ org: 'octo-org' }],
      },
    ],
  });
});

const seconds = () => Math.floor(h.clock.now / 1000);
/** A JWT as GitHub's docs show it: issued 60 seconds ago, expiring in nine minutes. */
const jwt = (claims: Record<string, unknown> = {}, privateKey = keys.privateKey) =>
  signAppJwt(privateKey, { iat: seconds() - 60, exp: seconds() + 9 * 60, iss: String(APP_ID), ...claims });

type Installation = { id: number; app_id: number; app_slug: string; target_type: string; account: { login: string }; permissions: object };
type InstallationToken = { token: string; expires_at: string; permissions: Record<string, string>; repository_selection: string };

async function installationToken(permissions?: Record<string, string>): Promise<string> {
  const installation = await h.api<Installation>('/orgs/octo-org/installation', { token: jwt() });
  const created = await h.api<InstallationToken>(`/app/installations/${installation.body.id}/access_tokens`, {
    method: 'POST',
    token: jwt(),
    body: permissions ? { permissions } : undefined,
  });
  expect(created.status).toBe(201);
  return created.body.token;
}

describe("the app's JWT", () => {
  it('finds the installation on an organisation the app is installed on, and no other', async () => {
    caseOf('app.org-installation');
    const installation = await h.api<Installation>('/orgs/Octo-Org/installation', { token: jwt() });
    expect(installation.status).toBe(200);
    expect(installation.body).toMatchObject({
      app_id: APP_ID,
      app_slug: 'hangar-test',
      target_type: 'Organization',
      account: { login: 'octo-org' },
      permissions: { organization_codespaces: 'write', codespaces_lifecycle_admin: 'write' },
    });
    expect((await h.api('/orgs/acme-corp/installation', { token: jwt() })).status).toBe(404);
    expect((await h.api('/orgs/no-such-org/installation', { token: jwt() })).status).toBe(404);
  });

  it('is verified with the public key registered for the app: another key’s signature is refused', async () => {
    caseOf('app-jwt.claims');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const refused = await h.api<{ message: string }>('/orgs/octo-org/installation', { token: jwt({}, stranger) });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('A JSON web token could not be decoded');
  });

  it('must be RS256, from a registered app, and a JWT at all', async () => {
    const hs256 = signAppJwt(keys.privateKey, { iat: seconds() - 60, exp: seconds() + 540, iss: APP_ID }, { alg: 'HS256', typ: 'JWT' });
    expect((await h.api('/orgs/octo-org/installation', { token: hs256 })).status).toBe(401);
    expect((await h.api('/orgs/octo-org/installation', { token: jwt({ iss: '999' }) })).status).toBe(401);
    expect((await h.api('/orgs/octo-org/installation', { token: 'not-a-jwt' })).status).toBe(401);
    expect((await h.api('/orgs/octo-org/installation', { as: null })).status).toBe(401);
    // A person's token is not the app.
    expect((await h.api('/orgs/octo-org/installation')).status).toBe(401);
  });

  it('takes the app id as a number or a string', async () => {
    expect((await h.api('/orgs/octo-org/installation', { token: jwt({ iss: APP_ID }) })).status).toBe(200);
  });

  it('lasts at most ten minutes: an exp further on is refused, as is an expired one', async () => {
    caseOf('app-jwt.claims');
    const tooLong = await h.api<{ message: string }>('/orgs/octo-org/installation', {
      token: jwt({ iat: seconds(), exp: seconds() + 15 * 60 }),
    });
    expect(tooLong.status).toBe(401);
    expect(tooLong.body.message).toBe("'Expiration time' claim ('exp') is too far in the future");

    const expired = await h.api<{ message: string }>('/orgs/octo-org/installation', {
      token: jwt({ iat: seconds() - 700, exp: seconds() - 100 }),
    });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/'Expiration time' claim \('exp'\) must be a numeric value representing the future time/);

    // A JWT made now stops working ten minutes later.
    const token = jwt({ iat: seconds() - 30, exp: seconds() + 570 });
    h.clock.advance(571_000);
    expect((await h.api('/orgs/octo-org/installation', { token })).status).toBe(401);
  });

  it('allows for clocks that drift a little, but not an iat from the future', async () => {
    // A server a few seconds ahead of GitHub.
    expect((await h.api('/orgs/octo-org/installation', { token: jwt({ iat: seconds() + 20, exp: seconds() + 620 }) })).status).toBe(200);
    const future = await h.api<{ message: string }>('/orgs/octo-org/installation', {
      token: jwt({ iat: seconds() + 300, exp: seconds() + 600 }),
    });
    expect(future.status).toBe(401);
    expect(future.body.message).toMatch(/'Issued at' claim \('iat'\)/);
  });

  it('is not a token: it reaches only the app’s own endpoints', async () => {
    caseOf('app-jwt.app-endpoints-only');
    expect((await h.api('/orgs/octo-org/codespaces', { token: jwt() })).status).toBe(401);
  });
});

describe('installation tokens', () => {
  it('are ghs_ tokens that last an hour, with the installation’s permissions', async () => {
    caseOf('installation-token.issue');
    const installation = await h.api<Installation>('/orgs/octo-org/installation', { token: jwt() });
    const created = await h.api<InstallationToken>(`/app/installations/${installation.body.id}/access_tokens`, {
      method: 'POST',
      token: jwt(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      token: expect.stringMatching(/^ghs_[A-Za-z0-9]{36}$/),
      expires_at: new Date(h.clock.now + 3_600_000).toISOString().replace('.000Z', 'Z'),
      permissions: { organization_codespaces: 'write', codespaces_lifecycle_admin: 'write' },
      repository_selection: 'all',
    });

    const list = await h.api<CodespaceList>('/orgs/octo-org/codespaces', { token: created.body.token });
    expect(list.status).toBe(200);
    h.clock.advance(3_600_000);
    const expired = await h.api<{ message: string }>('/orgs/octo-org/codespaces', { token: created.body.token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Bad credentials');
  });

  it('are given only for the app’s own installations', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const two = setup({
      githubApps: [
        { id: 1, slug: 'one', publicKey: keys.publicKey, installations: [{ org: 'octo-org' }] },
        { id: 2, slug: 'two', publicKey: other.publicKey, installations: [{ org: 'acme-corp' }] },
      ],
    });
    const now = Math.floor(two.clock.now / 1000);
    const asOne = signAppJwt(keys.privateKey, { iat: now - 60, exp: now + 540, iss: 1 });
    const asTwo = signAppJwt(other.privateKey, { iat: now - 60, exp: now + 540, iss: 2 });
    const twos = await two.api<Installation>('/orgs/acme-corp/installation', { token: asTwo });
    expect(twos.status).toBe(200);
    expect((await two.api(`/app/installations/${twos.body.id}/access_tokens`, { method: 'POST', token: asOne })).status).toBe(404);
    expect((await two.api('/app/installations/12345/access_tokens', { method: 'POST', token: asOne })).status).toBe(404);
  });

  it('may be narrowed to fewer permissions, never widened', async () => {
    const installation = await h.api<Installation>('/orgs/octo-org/installation', { token: jwt() });
    const wider = await h.api<{ message: string }>(`/app/installations/${installation.body.id}/access_tokens`, {
      method: 'POST',
      token: jwt(),
      body: { permissions: { organization_administration: 'write' } },
    });
    expect(wider.status).toBe(422);
    expect(wider.body.message).toBe('The permissions requested are not granted to this installation.');
  });

  it('list, stop and delete the organisation’s members’ codespaces', async () => {
    caseOf('installation-token.org-codespaces');
    const token = await installationToken();
    const all = await h.api<CodespaceList>('/orgs/octo-org/codespaces?per_page=100', { token });
    // The same codespaces an owner sees.
    const asOwner = await h.api<CodespaceList>('/orgs/octo-org/codespaces?per_page=100', {
      token: h.emulator.issueToken('mona', ['admin:org']),
    });
    expect(asOwner.status).toBe(200);
    expect(all.body.total_count).toBe(asOwner.body.total_count);

    const running = all.body.codespaces.find((c) => c.state === 'Available' && c.owner.login !== 'mona')!;
    const member = running.owner.login;
    const theirs = await h.api<CodespaceList>(`/orgs/octo-org/members/${member}/codespaces`, { token });
    expect(theirs.body.codespaces.map((c) => c.name)).toContain(running.name);

    const stopped = await h.api<{ state: string }>(`/orgs/octo-org/members/${member}/codespaces/${running.name}/stop`, {
      method: 'POST',
      token,
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body.state).toBe('ShuttingDown');

    const deleted = await h.api(`/orgs/octo-org/members/${member}/codespaces/${running.name}`, { method: 'DELETE', token });
    expect(deleted.status).toBe(202);
    expect((await h.api(`/orgs/octo-org/members/${member}/codespaces`, { token })).text).not.toContain(running.name);
    // The request log says who acted: the app's bot, no person.
    expect(h.emulator.log().filter((entry) => entry.method !== 'GET' && entry.path.startsWith('/orgs/'))).toEqual([
      expect.objectContaining({ method: 'POST', status: 200, login: 'hangar-test[bot]' }),
      expect.objectContaining({ method: 'DELETE', status: 202, login: 'hangar-test[bot]' }),
    ]);
  });

  it('reach nothing of a user’s, so cannot start or export anyone’s codespace: “Resource not accessible by integration”', async () => {
    caseOf('installation-token.no-user');
    const token = await installationToken();
    const mine = (await h.codespacesOf('mona'))[0]!;
    for (const [method, path] of [
      ['GET', '/user'],
      ['GET', '/user/codespaces'],
      ['POST', `/user/codespaces/${mine.name}/start`],
      ['POST', `/user/codespaces/${mine.name}/exports`],
    ] as const) {
      const refused = await h.api<{ message: string }>(path, { method, token });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.message).toBe('Resource not accessible by integration');
    }
  });

  it('reach only their own organisation, and only what the installation’s permissions allow', async () => {
    const token = await installationToken();
    expect((await h.api('/orgs/acme-corp/codespaces', { token })).status).toBe(403);
    expect((await h.api('/orgs/octo-org/codespaces/secrets', { token })).status).toBe(403);

    const readOnly = await installationToken({ organization_codespaces: 'read' });
    const cs = (await h.api<CodespaceList>('/orgs/octo-org/codespaces', { token: readOnly })).body.codespaces[0]!;
    const refused = await h.api(`/orgs/octo-org/members/${cs.owner.login}/codespaces/${cs.name}/stop`, { method: 'POST', token: readOnly });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('codespaces_lifecycle_admin=write');
  });

  it('make conditional requests as users do: an unchanged list is a 304, and carries no OAuth scope headers', async () => {
    caseOf('installation-token.conditional');
    const token = await installationToken();
    const first = await h.api('/orgs/octo-org/codespaces', { token });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('x-oauth-scopes')).toBeNull();
    const again = await h.api('/orgs/octo-org/codespaces', { token, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
