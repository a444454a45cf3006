/**
 * GitHub's hard edges as the emulator models them: single sign-on, OAuth App restrictions,
 * fine-grained permissions, codespaces newer than the description, and broken answers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HARD_EDGES_USER, RESTRICTED_ORG, SSO_ORG } from './hard-edges';
import { oauthRestrictionMessage, SSO_MESSAGE } from './refusals';
import { caseOf, ORIGIN, setup, type BasicError, type Codespace, type CodespaceList, type Harness } from './test-helpers';

const sam = { as: HARD_EDGES_USER };
const withOrgScope = (h: Harness) => ({ token: h.emulator.issueToken(HARD_EDGES_USER, ['codespace', 'read:user', 'admin:org']) });

let h: Harness;
beforeEach(() => {
  h = setup();
});

/** Every codespace the world holds for sam, whether or not GitHub lets the token see it. */
const samsRecords = () => [...h.emulator.world.codespaces.values()].filter((c) => c.owner === HARD_EDGES_USER);
const ssoOrgId = () => h.emulator.world.orgs.get(SSO_ORG)!.id;

describe('an organisation that enforces SAML single sign-on, for a token not authorized for it', () => {
  it('leaves its codespaces out of the list, and names the organisation by id in X-GitHub-SSO', async () => {
    caseOf('sso.partial-results');
    const list = await h.api<CodespaceList>('/user/codespaces?per_page=100', sam);
    expect(list.status).toBe(200);
    const hidden = samsRecords().filter((c) => c.billableOwner === SSO_ORG);
    expect(hidden).toHaveLength(2);
    expect(list.body.codespaces.map((c) => c.name)).not.toEqual(expect.arrayContaining([hidden[0]!.name]));
    expect(list.body.codespaces.map((c) => c.name)).not.toEqual(expect.arrayContaining([hidden[1]!.name]));
    expect(list.body.total_count).toBe(samsRecords().length - 2);
    expect(list.headers.get('x-github-sso')).toBe(`partial-results; organizations=${ssoOrgId()}`);
  });

  it('does not repeat it on the free 304: a client keeps it from the 200 it stored (RFC 9111 §4.3.4)', async () => {
    caseOf('conditional.304-fields');
    const first = await h.api('/user/codespaces?per_page=2', sam);
    expect(first.headers.get('x-github-sso')).toBe(`partial-results; organizations=${ssoOrgId()}`);
    expect(first.headers.get('link')).toContain('rel="next"');
    const again = await h.api('/user/codespaces?per_page=2', { ...sam, headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-github-sso')).toBeNull();
    expect(again.headers.get('link')).toBeNull();
  });

  it('lists the organisation in GET /user/orgs, so the id can be named', async () => {
    const orgs = await h.api<{ login: string; id: number }[]>('/user/orgs', sam);
    expect(orgs.body).toEqual(expect.arrayContaining([expect.objectContaining({ login: SSO_ORG, id: ssoOrgId() })]));
  });

  it('refuses its resources with 403 and a one-off authorization URL on the web host', async () => {
    caseOf('sso.required');
    const hidden = samsRecords().find((c) => c.billableOwner === SSO_ORG)!;
    const answers = [
      await h.api<BasicError>(`/user/codespaces/${hidden.name}`, sam),
      await h.api<BasicError>(`/user/codespaces/${hidden.name}/start`, { ...sam, method: 'POST' }),
      await h.api<BasicError>(`/orgs/${SSO_ORG}/codespaces`, withOrgScope(h)),
      await h.api<BasicError>(`/repos/${SSO_ORG}/platform/codespaces`, sam),
    ];
    const urls = answers.map((answer) => {
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe(SSO_MESSAGE);
      const header = answer.headers.get('x-github-sso')!;
      const match = /^required; url=(.+)$/.exec(header);
      expect(match, header).not.toBeNull();
      return match![1]!;
    });
    for (const url of urls) expect(url).toMatch(new RegExp(`^${ORIGIN}/orgs/${SSO_ORG}/sso\\?authorization_request=[0-9A-F]{30}$`));
    expect(new Set(urls).size).toBe(urls.length);
    // Refused means nothing happened.
    expect(hidden.state).toBe('Available');
  });

  it('links to the web host its browsers know when an app reaches it over loopback', async () => {
    // Hangar's demo serves the emulator and calls it over 127.0.0.1; the browser knows another address.
    h = setup({ loopback: { origin: ORIGIN, webUrl: 'http://hangar.test/emulator' } });
    caseOf('sso.required');
    const hidden = samsRecords().find((c) => c.billableOwner === SSO_ORG)!;
    const answer = await h.api<BasicError>(`/user/codespaces/${hidden.name}`, sam);
    expect(answer.headers.get('x-github-sso')).toMatch(new RegExp(`^required; url=http://hangar\\.test/emulator/orgs/${SSO_ORG}/sso\\?`));
  });

  it('leaves its repositories out of /user/repos, saying so', async () => {
    caseOf('sso.partial-results');
    // With the repo scope, so that only single sign-on hides anything.
    const repos = await h.api<{ full_name: string }[]>('/user/repos?per_page=100', { token: h.repoToken(HARD_EDGES_USER) });
    expect(repos.body.map((r) => r.full_name)).toEqual([`${HARD_EDGES_USER}/toolbox`]);
    expect(repos.headers.get('x-github-sso')).toBe(`partial-results; organizations=${ssoOrgId()}`);
  });

  it('changes nothing for people outside the organisation', async () => {
    const mona = await h.api<CodespaceList>('/user/codespaces?per_page=100');
    expect(mona.headers.get('x-github-sso')).toBeNull();
    expect(mona.body.total_count).toBe(48);
    expect((await h.api(`/orgs/${SSO_ORG}/codespaces`, { token: h.emulator.issueToken('mona', ['codespace', 'admin:org']) })).status).toBe(
      404,
    );
  });
});

describe('an organisation with OAuth App access restrictions', () => {
  it('refuses its resources with GitHub’s message naming it', async () => {
    caseOf('oauth-restrictions.refused');
    for (const answer of [
      await h.api<BasicError>(`/orgs/${RESTRICTED_ORG}/codespaces`, withOrgScope(h)),
      await h.api<BasicError>(`/repos/${RESTRICTED_ORG}/research`, sam),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe(oauthRestrictionMessage(RESTRICTED_ORG));
      expect(answer.body.message).toContain('the `locked-labs` organization has enabled OAuth App access restrictions');
      expect(answer.headers.get('x-github-sso')).toBeNull();
    }
  });

  it('leaves its repositories out of lists without a word', async () => {
    caseOf('oauth-restrictions.refused');
    // With the repo scope, so that only single sign-on hides anything.
    const repos = await h.api<{ full_name: string }[]>('/user/repos?per_page=100', { token: h.repoToken(HARD_EDGES_USER) });
    expect(repos.body.map((r) => r.full_name)).not.toContain(`${RESTRICTED_ORG}/research`);
  });
});

describe('a Start that needs a fine-grained permission the token lacks', () => {
  it('answers 403 naming the permission in X-Accepted-GitHub-Permissions, and starts nothing', async () => {
    caseOf('permissions.accepted');
    const target = samsRecords().find((c) => c.startNeeds)!;
    const refused = await h.api<BasicError>(`/user/codespaces/${target.name}/start`, { ...sam, method: 'POST' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Resource not accessible by integration');
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('codespaces_lifecycle_admin=write');
    expect((await h.api<Codespace>(`/user/codespaces/${target.name}`, sam)).body.state).toBe('Shutdown');
    // Stopping and reading it need nothing more.
    expect((await h.api(`/user/codespaces/${target.name}/stop`, { ...sam, method: 'POST' })).status).toBe(200);
  });
});

describe('codespaces newer than the description', () => {
  it('answers a state and fields the description does not know', async () => {
    caseOf('codespace.newer-state');
    const list = await h.api<CodespaceList>('/user/codespaces?per_page=100', sam);
    const hibernating = list.body.codespaces.find((c) => (c.state as string) === 'Hibernating') as unknown as Record<string, unknown>;
    expect(hibernating).toMatchObject({
      display_name: 'Hibernating experiment',
      resume_estimate_seconds: 20,
      snapshot: { id: expect.any(String) },
      hibernated_at: expect.stringMatching(/Z$/),
    });
  });

  it('refuses to start or export it, and lets it be renamed or deleted', async () => {
    caseOf('codespace.newer-state');
    const name = samsRecords().find((c) => c.variant?.state)!.name;
    const start = await h.api<BasicError>(`/user/codespaces/${name}/start`, { ...sam, method: 'POST' });
    expect(start.status).toBe(409);
    expect(start.body.message).toBe('The codespace cannot be started while it is Hibernating.');
    expect((await h.api(`/user/codespaces/${name}/exports`, { ...sam, method: 'POST' })).status).toBe(422);
    expect((await h.api(`/user/codespaces/${name}`, { ...sam, method: 'PATCH', body: { display_name: 'Still here' } })).status).toBe(200);
    expect((await h.api(`/user/codespaces/${name}`, { ...sam, method: 'DELETE' })).status).toBe(202);
  });

  it('answers one with machine null, an empty git_status and no retention fields', async () => {
    const sparse = (await h.api<CodespaceList>('/user/codespaces?per_page=100', sam)).body.codespaces.find(
      (c) => c.display_name === 'Sparse answer',
    )!;
    expect(sparse.machine).toBeNull();
    expect(sparse.git_status).toEqual({});
    expect(sparse).not.toHaveProperty('retention_expires_at');
    expect(sparse).not.toHaveProperty('retention_period_minutes');
    expect(sparse.state).toBe('Shutdown');
  });

  it('offers sam on the authorize page, so a person can see all this in demo mode', async () => {
    const page = await h.web('/login/oauth/authorize?client_id=hangar-demo&scope=codespace&state=s');
    expect(await page.text()).toContain(`Sign in as ${HARD_EDGES_USER}`);
  });
});

describe('broken answers, made to order', () => {
  const raw = (path: string) =>
    h.emulator.handle(new Request(`${ORIGIN}/api${path}`, { headers: { authorization: `token ${h.token('mona')}` } }));

  it('html: GitHub’s “Unicorn!” page as text/html, 503 unless told otherwise', async () => {
    h.emulator.faults.add({ path: '^/user$', kind: 'html' });
    h.emulator.faults.add({ path: '^/user$', kind: 'html', status: 500 });
    const first = await raw('/user');
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await first.text()).toContain('<title>Unicorn! &middot; GitHub</title>');
    expect((await raw('/user')).status).toBe(500);
    expect((await raw('/user')).status).toBe(200);
  });

  it('empty: the status (200 unless told otherwise) with a JSON content type and no body', async () => {
    h.emulator.faults.add({ path: '^/user/codespaces$', kind: 'empty' });
    const empty = await raw('/user/codespaces');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await empty.text()).toBe('');
  });

  it('truncated: the real answer cut off half way, which no JSON parser accepts', async () => {
    const whole = await (await raw('/user')).text();
    h.emulator.faults.add({ path: '^/user$', kind: 'truncated' });
    const cut = await raw('/user');
    expect(cut.status).toBe(200);
    const text = await cut.text();
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('refuses an unknown kind over HTTP (400), and lists a pending kind', async () => {
    const hooks = setup({ control: true });
    const post = (rule: unknown) =>
      hooks.web('/_emulator/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
    expect((await post({ path: '^/user$', kind: 'gibberish' })).status).toBe(400);
    expect((await post({ path: '^/user$', kind: 'truncated', times: 2 })).status).toBe(201);
    expect(hooks.emulator.faults.pending()).toEqual([expect.objectContaining({ path: '^/user$', kind: 'truncated', times: 2 })]);
  });
});
