/**
 * What an OAuth App's scopes hide, as GitHub documents it: each case names its row of rules.ts
 * (the "what an OAuth App's scopes hide" section); rules.test.ts holds every row to a case.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  approveAuthorization,
  caseOf,
  must,
  setup,
  type Codespace,
  type CodespaceList,
  type FullRepository,
  type Harness,
} from './test-helpers';

type Repo = { full_name: string; private: boolean };

const app = { id: 'Iv1.scopes-app', secret: 'scopes-app-secret' };
let h: Harness;

beforeEach(() => {
  h = setup({ clients: { [app.id]: { secret: app.secret, githubApp: { tokenLifetimeS: 3600 } } } });
});

const names = (repos: Repo[]) => repos.map((r) => r.full_name).sort();

describe('an OAuth App token without the repo scope (Hangar’s sign-in: codespace read:user user:email)', () => {
  it('lists only public repositories of the user and of an organisation', async () => {
    caseOf('scopes.no-repo-lists-public-only');
    const hidden = await h.api<Repo[]>('/user/repos?per_page=100');
    expect(hidden.status).toBe(200);
    expect(names(hidden.body)).toEqual(['mona/hello-world', 'octo-org/design-system']);
    expect(hidden.body.every((r) => !r.private)).toBe(true);

    // The same user with repo: the private ones are there.
    const all = await h.api<Repo[]>('/user/repos?per_page=100', { token: h.repoToken() });
    expect(names(all.body)).toEqual(
      expect.arrayContaining(['mona/blog', 'mona/dotfiles', 'mona/homelab', 'octo-org/octo-app', 'acme-corp/payments']),
    );
    expect(all.body.filter((r) => r.private).length).toBeGreaterThan(all.body.filter((r) => !r.private).length);

    expect(names((await h.api<Repo[]>('/orgs/octo-org/repos')).body)).toEqual(['octo-org/design-system']);
    expect((await h.api<Repo[]>('/orgs/octo-org/repos?type=private')).body).toEqual([]);
    expect(names((await h.api<Repo[]>('/orgs/octo-org/repos', { token: h.repoToken() })).body)).toEqual([
      'octo-org/api-server',
      'octo-org/design-system',
      'octo-org/octo-app',
    ]);
  });

  it('answers 404 for a private repository, its branches and pull requests, as for none', async () => {
    caseOf('scopes.no-repo-private-is-404');
    const none = await h.api('/repos/mona/no-such-repo');
    for (const path of [
      '/repos/mona/blog',
      '/repos/octo-org/octo-app',
      '/repos/octo-org/octo-app/branches',
      '/repos/octo-org/octo-app/pulls',
      '/repos/octo-org/octo-app/pulls/1',
    ]) {
      const hidden = await h.api(path);
      expect(hidden.status, path).toBe(404);
      expect(hidden.body, path).toEqual(none.body);
      expect((await h.api(path, { token: h.repoToken() })).status, `${path} with repo`).toBe(200);
    }
    // Public repositories are public information.
    expect((await h.api('/repos/mona/hello-world')).status).toBe(200);
    expect((await h.api('/repos/octo-org/design-system/pulls/1')).status).toBe(200);
    expect((await h.api('/repos/octo-org/design-system/pulls/999')).status).toBe(404);
  });

  it('still lists and creates codespaces in a private repository', async () => {
    caseOf('scopes.codespace-covers-codespaces');
    const mine = await h.api<CodespaceList>('/repos/octo-org/octo-app/codespaces?per_page=100');
    expect(mine.status).toBe(200);
    expect(mine.body.total_count).toBeGreaterThan(5);
    expect(mine.body.codespaces.every((c) => c.repository.full_name === 'octo-org/octo-app' && c.repository.private)).toBe(true);
    expect((await h.api('/repos/octo-org/octo-app/codespaces/devcontainers')).status).toBe(200);
    expect((await h.api('/repos/octo-org/octo-app/codespaces/machines')).status).toBe(200);
    expect((await h.api('/repos/octo-org/octo-app/codespaces/new')).status).toBe(200);
    // A private repository with none of the user's codespaces in it yet: there, and empty.
    expect((await h.api<CodespaceList>('/repos/mona/homelab/codespaces')).body).toEqual({ total_count: 0, codespaces: [] });
    // What does not exist still does not.
    expect((await h.api('/repos/mona/no-such-repo/codespaces')).status).toBe(404);

    const inRepo = await h.api<Codespace>('/repos/mona/homelab/codespaces', { method: 'POST', body: {} });
    expect(inRepo.status).toBe(201);
    expect(inRepo.body).toMatchObject({ repository: { full_name: 'mona/homelab', private: true }, git_status: { ref: 'main' } });
    const fromPull = await h.api<Codespace>('/repos/octo-org/octo-app/pulls/2/codespaces', { method: 'POST', body: {} });
    expect(fromPull.status).toBe(201);
    expect(fromPull.body.git_status.ref).toBe('fix/login-redirect');
    expect((await h.api('/repos/octo-org/octo-app/pulls/999/codespaces', { method: 'POST', body: {} })).status).toBe(404);
    // By id, as a codespace of the user's carries it.
    const byId = await h.api<Codespace>('/user/codespaces', { method: 'POST', body: { repository_id: inRepo.body.repository.id } });
    expect(byId.status).toBe(201);
  });
});

describe('a GitHub App’s user token', () => {
  it('sees private repositories as the app’s permissions allow, whatever scope was asked for', async () => {
    caseOf('scopes.app-token-not-scoped');
    const approval = await approveAuthorization(h.web, { client_id: app.id, scope: 'codespace read:user', state: 's' }, { login: 'mona' });
    const code = must(new URL(must(approval.headers.get('location'), 'a redirect')).searchParams.get('code'), 'a code');
    const answer = await h.web('/login/oauth/access_token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id: app.id, client_secret: app.secret, code }).toString(),
    });
    const { access_token: token } = (await answer.json()) as { access_token: string };
    expect(token).toMatch(/^ghu_/);

    const repos = await h.api<Repo[]>('/user/repos?per_page=100', { token });
    expect(names(repos.body)).toContain('mona/blog');
    const blog = await h.api<FullRepository>('/repos/mona/blog', { token });
    expect(blog.status).toBe(200);
    expect(blog.body.private).toBe(true);
    expect((await h.api('/repos/octo-org/octo-app/pulls/1', { token })).status).toBe(200);
  });
});

describe('creating a codespace', () => {
  it('takes geo for where it runs, and refuses a geo GitHub does not have', async () => {
    caseOf('codespace.create-geo');
    const europe = await h.api<Codespace>('/repos/mona/blog/codespaces', { method: 'POST', body: { geo: 'EuropeWest' } });
    expect(europe.status).toBe(201);
    expect(europe.body.location).toBe('WestEurope');
    const east = await h.api<Codespace>('/repos/octo-org/octo-app/pulls/1/codespaces', { method: 'POST', body: { geo: 'UsEast' } });
    expect(east.body.location).toBe('EastUs');
    const refused = await h.api('/repos/mona/blog/codespaces', { method: 'POST', body: { geo: 'Moon' } });
    expect(refused.status).toBe(400);
  });
});
