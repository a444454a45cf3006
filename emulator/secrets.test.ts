/**
 * Codespaces secrets as GitHub keeps them: a key pair per place (user, repository, organisation),
 * values sealed by the client and opened by GitHub, refused when they do not open, and the
 * repositories allowed to use each. Values are never answered back; the test hook reads them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openSealedBox, newKeyPair } from './sealed-box';
import {
  caseOf,
  must,
  seal,
  setup,
  type BasicError,
  type Harness,
  type PublicKey,
  type RepositoryList,
  type SecretList,
} from './test-helpers';

type UserSecret = SecretList['secrets'][number];
type OrgSecret = { name: string; visibility: string; selected_repositories_url?: string; created_at: string; updated_at: string };

const ADMIN_ORG = ['codespace', 'read:user', 'admin:org'];
const REPO = ['codespace', 'read:user', 'repo'];

let h: Harness;
beforeEach(() => {
  h = setup({ control: true });
});

const repoId = (fullName: string) =>
  must(
    [...h.emulator.world.repos.values()].find((r) => `${r.owner}/${r.name}` === fullName),
    fullName,
  ).id;

/** What the emulator holds for a secret, read through the test hook; null when it holds nothing. */
async function heldValue(query: string): Promise<string | null> {
  const response = await h.web(`/_emulator/secrets?${query}`);
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: string }).value;
}

async function publicKey(path: string, token?: string) {
  const response = await h.api<PublicKey>(path, { token });
  expect(response.status).toBe(200);
  return response.body;
}

describe('the sealed box', () => {
  it('opens only with the key pair it was sealed for', async () => {
    const pair = newKeyPair();
    const sealed = await seal('s3cret value', pair.publicKey);
    expect(Buffer.from(must(await openSealedBox(sealed, pair), 'an opened box')).toString()).toBe('s3cret value');
    expect(await openSealedBox(sealed, newKeyPair())).toBeNull();
    // Flip one bit of the ciphertext: the MAC no longer matches.
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1]! ^= 1;
    expect(await openSealedBox(tampered.toString('base64'), pair)).toBeNull();
    expect(await openSealedBox(Buffer.from('not sealed at all').toString('base64'), pair)).toBeNull();
  });
});

describe('the signed-in user’s secrets', () => {
  const put = async (name: string, body: unknown, as = 'mona') =>
    h.api<BasicError>(`/user/codespaces/secrets/${name}`, { method: 'PUT', body, as });
  const sealedBody = async (value: string, extra: Record<string, unknown> = {}) => {
    const key = await publicKey('/user/codespaces/secrets/public-key');
    return { encrypted_value: await seal(value, key.key), key_id: key.key_id, ...extra };
  };

  it('lists mona’s seeded secrets by name, each for selected repositories, without values', async () => {
    const { status, body, text } = await h.api<SecretList>('/user/codespaces/secrets');
    expect(status).toBe(200);
    expect(body.secrets.map((s) => s.name)).toEqual(['GPG_SIGNING_KEY', 'NPM_TOKEN', 'SENTRY_DSN']);
    expect(body.total_count).toBe(3);
    expect(body.secrets.every((s) => s.visibility === 'selected')).toBe(true);
    const npm = must(
      body.secrets.find((s) => s.name === 'NPM_TOKEN'),
      'NPM_TOKEN',
    );
    expect(Date.parse(npm.created_at)).toBeLessThan(Date.parse(npm.updated_at));
    expect(Date.parse(npm.updated_at)).toBeLessThan(h.clock.now);
    expect(text).not.toContain('demo-npm-token');
    const repos = await h.api<RepositoryList>(new URL(npm.selected_repositories_url).pathname.replace(/^\/api/, ''));
    expect(repos.body.repositories.map((r) => r.full_name)).toEqual(['mona/blog', 'octo-org/octo-app']);
    expect((await h.api<SecretList>('/user/codespaces/secrets', { as: 'hubot' })).body.secrets.map((s) => s.name)).toEqual([
      'SLACK_WEBHOOK_URL',
    ]);
  });

  it('gives each place its own X25519 public key, the same on every call', async () => {
    const mona = await publicKey('/user/codespaces/secrets/public-key');
    expect(Buffer.from(mona.key, 'base64')).toHaveLength(32);
    expect(mona.key_id).toMatch(/^\d+$/);
    expect(await publicKey('/user/codespaces/secrets/public-key')).toEqual(mona);
    const hubot = (await h.api<PublicKey>('/user/codespaces/secrets/public-key', { as: 'hubot' })).body;
    const repo = await publicKey('/repos/mona/blog/codespaces/secrets/public-key', h.emulator.issueToken('mona', REPO));
    const org = await publicKey('/orgs/octo-org/codespaces/secrets/public-key', h.emulator.issueToken('mona', ADMIN_ORG));
    expect(new Set([mona.key, hubot.key, repo.key, org.key]).size).toBe(4);
  });

  it('creates a secret from a sealed value (201), holding exactly the value typed, under an upper-case name', async () => {
    caseOf('secrets.sealed');
    const typed = 'ghp-like but not: ünïcode & spaces ';
    const created = await put(
      'my_token',
      await sealedBody(typed, { selected_repository_ids: [repoId('mona/blog'), String(repoId('mona/dotfiles'))] }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({});
    expect(await heldValue('scope=user&owner=mona&name=MY_TOKEN')).toBe(typed);
    const secret = await h.api<UserSecret>('/user/codespaces/secrets/my_token');
    expect(secret.body).toMatchObject({ name: 'MY_TOKEN', visibility: 'selected' });
    expect(secret.text).not.toContain(typed);
    const repos = await h.api<RepositoryList>('/user/codespaces/secrets/MY_TOKEN/repositories');
    expect(repos.body.repositories.map((r) => r.full_name).sort()).toEqual(['mona/blog', 'mona/dotfiles']);
  });

  it('updates a secret (204): a new value and updated_at, the same created_at, repositories kept when not given', async () => {
    const before = (await h.api<UserSecret>('/user/codespaces/secrets/NPM_TOKEN')).body;
    h.clock.advance(60_000);
    const updated = await put('npm_token', await sealedBody('rotated'));
    expect(updated.status).toBe(204);
    expect(updated.text).toBe('');
    const after = (await h.api<UserSecret>('/user/codespaces/secrets/NPM_TOKEN')).body;
    expect(after.created_at).toBe(before.created_at);
    expect(Date.parse(after.updated_at)).toBe(h.clock.now - (h.clock.now % 1000));
    expect(await heldValue('scope=user&owner=mona&name=NPM_TOKEN')).toBe('rotated');
    const repos = await h.api<RepositoryList>('/user/codespaces/secrets/NPM_TOKEN/repositories');
    expect(repos.body.total_count).toBe(2);
  });

  it('refuses, with 422 and no change, a value that does not open with her key, a stale key id, or one never sealed', async () => {
    caseOf('secrets.sealed');
    const key = await publicKey('/user/codespaces/secrets/public-key');
    const otherKey = (await h.api<PublicKey>('/user/codespaces/secrets/public-key', { as: 'hubot' })).body;
    const refusals = [
      { encrypted_value: await seal('x', otherKey.key), key_id: key.key_id },
      { encrypted_value: await seal('x', key.key), key_id: otherKey.key_id },
      { encrypted_value: Buffer.from('just base64, never sealed, long enough to pass for one').toString('base64'), key_id: key.key_id },
      { encrypted_value: 'plain text value', key_id: key.key_id },
      { encrypted_value: await seal('x', key.key) },
      { encrypted_value: await seal('x', key.key), key_id: key.key_id, visibility: 'all' },
    ];
    for (const body of refusals) {
      const refused = await put('NPM_TOKEN', body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.message).not.toContain('plain text value');
    }
    expect((await put('NPM_TOKEN', refusals[0])).body.message).toBe(
      'Bad request - validation failed due to an improperly encrypted secret',
    );
    expect(await heldValue('scope=user&owner=mona&name=NPM_TOKEN')).toBe('demo-npm-token-not-real');
  });

  it.each([
    ['GITHUB_TOKEN', /must not start with the GITHUB_ prefix/],
    ['github_thing', /must not start with the GITHUB_ prefix/],
    ['1PASSWORD', /must not start with a number/],
    ['MY-SECRET', /can only contain alphanumeric characters/],
    ['MY%20SECRET', /can only contain alphanumeric characters/],
  ])('refuses the name %s (422)', async (name, message) => {
    const refused = await put(name, await sealedBody('x'));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(message);
  });

  it('holds at most 100 secrets, each value at most 48 KB (422 past either, and no change)', async () => {
    caseOf('secrets.limits');
    const tooLarge = await put('TOO_LARGE', await sealedBody('x'.repeat(48 * 1024 + 1)));
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.message).toBe('Secrets are limited to 48 KB in size.');
    expect(await heldValue('scope=user&owner=mona&name=TOO_LARGE')).toBeNull();
    expect((await put('JUST_FITS', await sealedBody('x'.repeat(48 * 1024)))).status).toBe(201);

    const held = (await h.api<SecretList>('/user/codespaces/secrets?per_page=100')).body.total_count;
    for (let i = held; i < 100; i++) expect((await put(`FILLER_${i}`, await sealedBody('v'))).status).toBe(201);
    const oneMore = await put('ONE_TOO_MANY', await sealedBody('v'));
    expect(oneMore.status).toBe(422);
    expect(oneMore.body.message).toMatch(/up to 100 secrets/);
    // Updating one of the hundred is still fine.
    expect((await put('FILLER_99', await sealedBody('w'))).status).toBe(204);
  });

  it('asks for a value when creating (422), and for key_id always', async () => {
    const key = await publicKey('/user/codespaces/secrets/public-key');
    expect((await put('NEW_ONE', { key_id: key.key_id })).body.message).toMatch(/"encrypted_value" wasn't supplied/);
    expect((await put('NEW_ONE', {})).body.message).toMatch(/"key_id" wasn't supplied/);
    expect(await heldValue('scope=user&owner=mona&name=NEW_ONE')).toBeNull();
  });

  it('refuses repositories she cannot reach (422 on PUT, 404 on the repositories endpoints)', async () => {
    const hidden = repoId('hubot/scripts');
    expect((await put('NEW_ONE', await sealedBody('x', { selected_repository_ids: [hidden] }))).status).toBe(422);
    const set = await h.api('/user/codespaces/secrets/NPM_TOKEN/repositories', {
      method: 'PUT',
      body: { selected_repository_ids: [hidden] },
    });
    expect(set.status).toBe(404);
    expect((await h.api(`/user/codespaces/secrets/NPM_TOKEN/repositories/${hidden}`, { method: 'PUT' })).status).toBe(404);
    expect((await h.api('/user/codespaces/secrets/NPM_TOKEN/repositories')).body).toMatchObject({ total_count: 2 });
  });

  it('sets, adds and removes the repositories a secret is for (204 each)', async () => {
    const path = '/user/codespaces/secrets/SENTRY_DSN/repositories';
    const names = async () => (await h.api<RepositoryList>(path)).body.repositories.map((r) => r.full_name).sort();
    expect((await h.api(path, { method: 'PUT', body: { selected_repository_ids: [repoId('mona/blog')] } })).status).toBe(204);
    expect(await names()).toEqual(['mona/blog']);
    expect((await h.api(`${path}/${repoId('octo-org/octo-app')}`, { method: 'PUT' })).status).toBe(204);
    expect(await names()).toEqual(['mona/blog', 'octo-org/octo-app']);
    expect((await h.api(`${path}/${repoId('mona/blog')}`, { method: 'DELETE' })).status).toBe(204);
    expect(await names()).toEqual(['octo-org/octo-app']);
    expect((await h.api(path, { method: 'PUT', body: { selected_repository_ids: ['one'] } })).status).toBe(422);
  });

  it('deletes a secret (204), after which it is 404 and its value gone', async () => {
    expect((await h.api('/user/codespaces/secrets/sentry_dsn', { method: 'DELETE' })).status).toBe(204);
    expect((await h.api('/user/codespaces/secrets/SENTRY_DSN')).status).toBe(404);
    expect((await h.api('/user/codespaces/secrets/SENTRY_DSN', { method: 'DELETE' })).status).toBe(404);
    expect(await heldValue('scope=user&owner=mona&name=SENTRY_DSN')).toBeNull();
  });

  it('takes a token with codespace or codespace:secrets, and names both when neither is there', async () => {
    caseOf('scopes.user-secrets');
    const narrow = h.emulator.issueToken('mona', ['codespace:secrets']);
    expect((await h.api('/user/codespaces/secrets', { token: narrow })).status).toBe(200);
    expect((await h.api('/user/codespaces', { token: narrow })).status).toBe(403);
    const refused = await h.api('/user/codespaces/secrets', { token: h.emulator.issueToken('mona', ['read:user']) });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-oauth-scopes')).toBe('codespace, codespace:secrets');
  });
});

describe('a repository’s secrets, for its admins', () => {
  let mona: string;
  beforeEach(() => {
    mona = h.emulator.issueToken('mona', REPO);
  });

  it('lists mona/blog’s secrets for mona, who administers it', async () => {
    const { status, body } = await h.api<SecretList<{ name: string }>>('/repos/mona/blog/codespaces/secrets', { token: mona });
    expect(status).toBe(200);
    expect(body.secrets.map((s) => s.name)).toEqual(['PREVIEW_DEPLOY_TOKEN']);
  });

  it('creates (201) and updates (204) a secret sealed with the repository’s key, not the user’s', async () => {
    const key = await publicKey('/repos/octo-org/octo-app/codespaces/secrets/public-key', mona);
    const userKey = await publicKey('/user/codespaces/secrets/public-key');
    const path = '/repos/octo-org/octo-app/codespaces/secrets/CYPRESS_KEY';
    const body = async (value: string, k = key) => ({ encrypted_value: await seal(value, k.key), key_id: k.key_id });
    expect((await h.api(path, { method: 'PUT', token: mona, body: await body('first') })).status).toBe(201);
    expect((await h.api(path, { method: 'PUT', token: mona, body: await body('second') })).status).toBe(204);
    expect((await h.api(path, { method: 'PUT', token: mona, body: await body('third', userKey) })).status).toBe(422);
    expect(await heldValue('scope=repo&owner=octo-org&repo=octo-app&name=CYPRESS_KEY')).toBe('second');
    expect((await h.api(path, { method: 'DELETE', token: mona })).status).toBe(204);
    expect(await heldValue('scope=repo&owner=octo-org&repo=octo-app&name=CYPRESS_KEY')).toBeNull();
  });

  it('needs the repo scope, and says so', async () => {
    caseOf('scopes.repo-secrets');
    const refused = await h.api('/repos/mona/blog/codespaces/secrets');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-oauth-scopes')).toBe('repo');
    // The key of a public repository needs no scope; a private one's needs repo.
    expect((await h.api('/repos/mona/hello-world/codespaces/secrets/public-key')).status).toBe(200);
    const privateKey = await h.api('/repos/mona/blog/codespaces/secrets/public-key');
    expect(privateKey.status).toBe(403);
    expect(privateKey.headers.get('x-accepted-oauth-scopes')).toBe('repo');
  });

  it('refuses a member who does not administer the repository (403), and hides one they cannot see (404)', async () => {
    caseOf('secrets.repo-admin');
    const hubot = h.emulator.issueToken('hubot', REPO);
    const refused = await h.api<BasicError>('/repos/octo-org/octo-app/codespaces/secrets', { token: hubot });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Must have admin rights to Repository.');
    expect((await h.api('/repos/mona/blog/codespaces/secrets', { token: hubot })).status).toBe(404);
    expect((await h.api('/repos/acme-corp/payments/codespaces/secrets', { token: mona })).status).toBe(403);
  });
});

describe('an organisation’s secrets, for its owners', () => {
  let owner: string;
  beforeEach(() => {
    owner = h.emulator.issueToken('mona', ADMIN_ORG);
  });
  const sealedFor = async (value: string) => {
    const key = await publicKey('/orgs/octo-org/codespaces/secrets/public-key', owner);
    return { encrypted_value: await seal(value, key.key), key_id: key.key_id };
  };
  const put = (name: string, body: unknown) =>
    h.api<BasicError>(`/orgs/octo-org/codespaces/secrets/${name}`, { method: 'PUT', token: owner, body });
  const reposOf = async (name: string) =>
    (await h.api<RepositoryList>(`/orgs/octo-org/codespaces/secrets/${name}/repositories`, { token: owner })).body.repositories.map(
      (r) => r.full_name,
    );

  it('lists octo-org’s secrets with their visibility; only selected ones link their repositories', async () => {
    const { body } = await h.api<SecretList<OrgSecret>>('/orgs/octo-org/codespaces/secrets', { token: owner });
    expect(body.secrets.map((s) => [s.name, s.visibility])).toEqual([
      ['LICENSE_SERVER_KEY', 'private'],
      ['REGISTRY_TOKEN', 'all'],
      ['STAGING_DATABASE_URL', 'selected'],
    ]);
    expect(body.secrets.filter((s) => s.selected_repositories_url).map((s) => s.name)).toEqual(['STAGING_DATABASE_URL']);
    expect(await reposOf('STAGING_DATABASE_URL')).toEqual(['octo-org/api-server']);
  });

  it('creates a secret visible to one selected repository (201), then opens it to all (204)', async () => {
    const created = await put('DEPLOY_HOOK', {
      ...(await sealedFor('hook')),
      visibility: 'selected',
      selected_repository_ids: [repoId('octo-org/octo-app')],
    });
    expect(created.status).toBe(201);
    expect(await reposOf('DEPLOY_HOOK')).toEqual(['octo-org/octo-app']);
    expect(await heldValue('scope=org&owner=octo-org&name=DEPLOY_HOOK')).toBe('hook');
    // A visibility change alone keeps the value.
    expect((await put('DEPLOY_HOOK', { visibility: 'all' })).status).toBe(204);
    const secret = await h.api<OrgSecret>('/orgs/octo-org/codespaces/secrets/DEPLOY_HOOK', { token: owner });
    expect(secret.body).toMatchObject({ visibility: 'all' });
    expect(secret.body.selected_repositories_url).toBeUndefined();
    expect(await heldValue('scope=org&owner=octo-org&name=DEPLOY_HOOK')).toBe('hook');
  });

  it('refuses a bad visibility, repositories without selected, and another organisation’s repositories (422)', async () => {
    caseOf('secrets.org-visibility');
    const sealed = await sealedFor('x');
    expect((await put('NEW_ONE', { ...sealed, visibility: 'everyone' })).status).toBe(422);
    expect((await put('NEW_ONE', sealed)).body.message).toMatch(/"visibility" wasn't supplied/);
    expect((await put('NEW_ONE', { ...sealed, visibility: 'all', selected_repository_ids: [repoId('octo-org/octo-app')] })).status).toBe(
      422,
    );
    expect((await put('NEW_ONE', { ...sealed, visibility: 'selected', selected_repository_ids: [repoId('acme-corp/infra')] })).status).toBe(
      422,
    );
    expect((await h.api('/orgs/octo-org/codespaces/secrets/NEW_ONE', { token: owner })).status).toBe(404);
  });

  it('changes the chosen repositories only of a selected secret (409 otherwise)', async () => {
    caseOf('secrets.org-visibility');
    const path = '/orgs/octo-org/codespaces/secrets/STAGING_DATABASE_URL/repositories';
    const octoApp = repoId('octo-org/octo-app');
    expect((await h.api(`${path}/${octoApp}`, { method: 'PUT', token: owner })).status).toBe(204);
    expect(await reposOf('STAGING_DATABASE_URL')).toEqual(['octo-org/api-server', 'octo-org/octo-app']);
    expect((await h.api(`${path}/${repoId('acme-corp/infra')}`, { method: 'PUT', token: owner })).status).toBe(422);
    expect((await h.api(`${path}/${octoApp}`, { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await h.api(path, { method: 'PUT', token: owner, body: { selected_repository_ids: [octoApp] } })).status).toBe(204);
    expect(await reposOf('STAGING_DATABASE_URL')).toEqual(['octo-org/octo-app']);
    const all = '/orgs/octo-org/codespaces/secrets/REGISTRY_TOKEN/repositories';
    expect((await h.api(all, { method: 'PUT', token: owner, body: { selected_repository_ids: [octoApp] } })).status).toBe(409);
    expect((await h.api(`${all}/${octoApp}`, { method: 'PUT', token: owner })).status).toBe(409);
  });

  it('is for owners only: a member gets 403, and so does mona in acme-corp, which she does not own', async () => {
    caseOf('org.owner');
    const hubot = h.emulator.issueToken('hubot', ADMIN_ORG);
    expect((await h.api('/orgs/octo-org/codespaces/secrets', { token: hubot })).status).toBe(403);
    expect((await h.api('/orgs/acme-corp/codespaces/secrets', { token: owner })).status).toBe(403);
    expect((await h.api('/orgs/octo-org/codespaces/secrets')).headers.get('x-accepted-oauth-scopes')).toBe('admin:org');
  });

  it('deletes a secret (204)', async () => {
    expect((await h.api('/orgs/octo-org/codespaces/secrets/REGISTRY_TOKEN', { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await h.api('/orgs/octo-org/codespaces/secrets/REGISTRY_TOKEN', { token: owner })).status).toBe(404);
  });
});

describe('the secrets test hook', () => {
  it('reads nothing without control: true', async () => {
    const plain = setup();
    expect((await plain.web('/_emulator/secrets?scope=user&owner=mona&name=NPM_TOKEN')).status).toBe(404);
  });

  it('says what it needs', async () => {
    expect((await h.web('/_emulator/secrets?scope=team&owner=mona&name=X')).status).toBe(400);
    expect(await heldValue('scope=repo&owner=mona&repo=blog&name=PREVIEW_DEPLOY_TOKEN')).toBe('demo-deploy-token');
    expect(await heldValue('scope=repo&owner=mona&repo=nope&name=PREVIEW_DEPLOY_TOKEN')).toBeNull();
  });
});
