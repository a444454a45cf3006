/**
 * Who may use Codespaces billed to an organisation, as its owners set it, and the organisation's
 * members and repositories they pick from.
 */
import type { components } from '@octokit/openapi-types';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseOf, setup, type BasicError, type Harness } from './test-helpers';

const ADMIN_ORG = ['codespace', 'read:user', 'admin:org'];

let h: Harness;
let owner: string;
beforeEach(() => {
  h = setup({ control: true });
  owner = h.emulator.issueToken('mona', ADMIN_ORG);
});

async function accessOf(org: string) {
  const response = await h.web(`/_emulator/codespaces-access?org=${org}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { visibility: string; selected_usernames: string[] };
}

const setAccess = (body: unknown, token = owner) => h.api<BasicError>('/orgs/octo-org/codespaces/access', { method: 'PUT', token, body });
const selectedUsers = (method: 'POST' | 'DELETE', selected_usernames: unknown) =>
  h.api<BasicError>('/orgs/octo-org/codespaces/access/selected_users', { method, token: owner, body: { selected_usernames } });

describe('an organisation’s Codespaces access', () => {
  it('starts with every octo-org member allowed', async () => {
    expect(await accessOf('octo-org')).toEqual({ visibility: 'all_members', selected_usernames: [] });
  });

  it('limits access to selected members (204), spelling their logins as GitHub does', async () => {
    const set = await setAccess({ visibility: 'selected_members', selected_usernames: ['Lisa-Dev', 'hubot'] });
    expect(set.status).toBe(204);
    expect(set.text).toBe('');
    expect(await accessOf('octo-org')).toEqual({ visibility: 'selected_members', selected_usernames: ['lisa-dev', 'hubot'] });
  });

  it('adds and removes selected members one request at a time (204)', async () => {
    await setAccess({ visibility: 'selected_members', selected_usernames: ['hubot'] });
    expect((await selectedUsers('POST', ['priya-k', 'hubot'])).status).toBe(204);
    expect((await accessOf('octo-org')).selected_usernames).toEqual(['hubot', 'priya-k']);
    expect((await selectedUsers('DELETE', ['hubot'])).status).toBe(204);
    expect((await accessOf('octo-org')).selected_usernames).toEqual(['priya-k']);
  });

  it('refuses users who are not members (400), and changes nothing', async () => {
    caseOf('org.codespaces-access');
    const refused = await setAccess({ visibility: 'selected_members', selected_usernames: ['hubot', 'octocat-new'] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Users are neither members nor collaborators of this organization.');
    expect(await accessOf('octo-org')).toEqual({ visibility: 'all_members', selected_usernames: [] });
  });

  it('refuses what GitHub’s description rules out (422)', async () => {
    caseOf('org.codespaces-access');
    expect((await setAccess({ visibility: 'everyone' })).status).toBe(422);
    expect((await setAccess({})).status).toBe(422);
    expect((await setAccess({ visibility: 'selected_members' })).status).toBe(422);
    expect((await setAccess({ visibility: 'all_members', selected_usernames: ['hubot'] })).status).toBe(422);
    expect((await setAccess({ visibility: 'selected_members', selected_usernames: Array(101).fill('hubot') })).status).toBe(422);
    // Adding members one by one is only for selected_members.
    expect((await selectedUsers('POST', ['hubot'])).status).toBe(422);
    expect(await accessOf('octo-org')).toEqual({ visibility: 'all_members', selected_usernames: [] });
  });

  it('turns Codespaces off for the organisation', async () => {
    expect((await setAccess({ visibility: 'disabled' })).status).toBe(204);
    expect((await accessOf('octo-org')).visibility).toBe('disabled');
  });

  it('is for owners with admin:org only', async () => {
    caseOf('scopes.admin-org', 'org.owner');
    expect((await setAccess({ visibility: 'disabled' }, h.emulator.issueToken('hubot', ADMIN_ORG))).status).toBe(403);
    expect((await setAccess({ visibility: 'disabled' }, h.token('mona'))).status).toBe(403);
    expect((await accessOf('octo-org')).visibility).toBe('all_members');
  });
});

describe('an organisation’s members and repositories', () => {
  type Member = components['schemas']['simple-user'];
  type Repo = components['schemas']['minimal-repository'];

  it('lists the members, and its owners with role=admin', async () => {
    const all = await h.api<Member[]>('/orgs/octo-org/members?per_page=100');
    expect(all.status).toBe(200);
    expect(all.body.map((m) => m.login)).toEqual(expect.arrayContaining(['mona', 'hubot', 'lisa-dev', 'mei-l']));
    expect(all.body).toHaveLength(10);
    expect((await h.api<Member[]>('/orgs/octo-org/members?role=admin')).body.map((m) => m.login)).toEqual(['mona']);
    expect((await h.api<Member[]>('/orgs/octo-org/members?role=member&per_page=100')).body).toHaveLength(9);
  });

  it('keeps the two-factor filters for owners, and refuses unknown values (422)', async () => {
    expect((await h.api('/orgs/octo-org/members?filter=2fa_disabled')).status).toBe(200);
    expect((await h.api('/orgs/octo-org/members?filter=2fa_disabled', { as: 'hubot' })).status).toBe(422);
    expect((await h.api('/orgs/octo-org/members?role=boss')).status).toBe(422);
    expect((await h.api('/orgs/no-such-org/members')).status).toBe(404);
  });

  it('lists the organisation’s repositories; outsiders see only the public ones', async () => {
    const token = h.repoToken();
    const mona = await h.api<Repo[]>('/orgs/octo-org/repos?sort=full_name', { token });
    expect(mona.body.map((r) => r.full_name)).toEqual(['octo-org/api-server', 'octo-org/design-system', 'octo-org/octo-app']);
    expect(mona.body.every((r) => r.permissions?.admin)).toBe(true);
    const outsider = await h.api<Repo[]>('/orgs/octo-org/repos', { as: 'octocat-new' });
    expect(outsider.body.map((r) => r.full_name)).toEqual(['octo-org/design-system']);
    expect((await h.api<Repo[]>('/orgs/octo-org/repos?type=private&sort=full_name', { token })).body.map((r) => r.name)).toEqual([
      'api-server',
      'octo-app',
    ]);
  });
});
