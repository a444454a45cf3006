import { describe, expect, it } from 'vitest';
import { links, setup, type Codespace, type CodespaceList } from './test-helpers';

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('large fleets (POST /_emulator/fleet)', () => {
  it('gives a new user 2,000 codespaces, listed 100 a page across 20 pages', async () => {
    const h = setup({ control: true });
    const created = await h.web('/_emulator/fleet', post({ login: 'fleet-owner', count: 2000 }));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ login: 'fleet-owner', added: 2000, total: 2000 });

    const first = await h.api<CodespaceList>('/user/codespaces?per_page=100', { as: 'fleet-owner' });
    expect(first.status).toBe(200);
    expect(first.body.total_count).toBe(2000);
    expect(first.body.codespaces).toHaveLength(100);
    expect(links(first.headers.get('link')).last).toMatch(/[?&]page=20\b/);

    const names = new Set<string>();
    for (let page = 1; page <= 20; page++) {
      const { body } = await h.api<CodespaceList>(`/user/codespaces?per_page=100&page=${page}`, { as: 'fleet-owner' });
      for (const c of body.codespaces) names.add(c.name);
    }
    expect(names.size).toBe(2000);
  });

  it('is at rest: no codespace is changing state, so nothing changes until someone acts', async () => {
    const h = setup({ control: true });
    await h.web('/_emulator/fleet', post({ login: 'quiet', count: 300 }));
    const states = new Set((await h.codespacesOf('quiet')).map((c: Codespace) => c.state));
    expect([...states].every((s) => ['Available', 'Shutdown', 'Archived', 'Failed'].includes(s))).toBe(true);
    expect(states.has('Shutdown')).toBe(true);

    const before = await h.api('/user/codespaces?per_page=100', { as: 'quiet' });
    h.clock.advance(60 * 60_000);
    const after = await h.api('/user/codespaces?per_page=100', { as: 'quiet', headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(304);
  });

  it('adds to an existing user’s fleet, and leaves others alone', async () => {
    const h = setup({ control: true });
    const before = (await h.codespacesOf('hubot')).length;
    const monaBefore = (await h.codespacesOf('mona')).length;
    expect(await (await h.web('/_emulator/fleet', post({ login: 'hubot', count: 50 }))).json()).toMatchObject({
      added: 50,
      total: before + 50,
    });
    expect((await h.api<CodespaceList>('/user/codespaces?per_page=1', { as: 'hubot' })).body.total_count).toBe(before + 50);
    expect((await h.codespacesOf('mona')).length).toBe(monaBefore);
  });

  it('refuses nonsense', async () => {
    const h = setup({ control: true });
    expect((await h.web('/_emulator/fleet', post({ login: 'x', count: 0 }))).status).toBe(400);
    expect((await h.web('/_emulator/fleet', post({ login: 'x', count: 1e9 }))).status).toBe(400);
    expect((await h.web('/_emulator/fleet', post({ login: '../etc', count: 5 }))).status).toBe(400);
    expect((await h.web('/_emulator/fleet', post({ count: 5 }))).status).toBe(400);
  });

  it('exists only with the test hooks on', async () => {
    const h = setup();
    expect((await h.web('/_emulator/fleet', post({ login: 'x', count: 5 }))).status).toBe(404);
  });
});

describe('a codespace’s use (POST /_emulator/codespace-usage)', () => {
  it('sets when it was last used, whether it runs, and whether it holds work not pushed, as its owner’s use would', async () => {
    const h = setup({ control: true });
    const [codespace] = (await h.codespacesOf('mona')).filter((c: Codespace) => c.state === 'Available');
    const changed = await h.web(
      '/_emulator/codespace-usage',
      post({ name: codespace!.name, lastUsedMinutesAgo: 300, state: 'Shutdown', unpushed: true }),
    );
    expect(changed.status).toBe(204);
    const { body } = await h.api<Codespace>(`/user/codespaces/${codespace!.name}`);
    expect(body.state).toBe('Shutdown');
    expect(Date.now() - Date.parse(body.last_used_at)).toBeGreaterThan(299 * 60_000);
    expect(body.git_status).toMatchObject({ has_unpushed_changes: true });
  });

  it('refuses what it cannot be: an unknown codespace, a state it does not set, a negative time', async () => {
    const h = setup({ control: true });
    const [codespace] = await h.codespacesOf('mona');
    expect((await h.web('/_emulator/codespace-usage', post({ name: 'no-such-codespace' }))).status).toBe(404);
    expect((await h.web('/_emulator/codespace-usage', post({ name: codespace!.name, state: 'Deleted' }))).status).toBe(400);
    expect((await h.web('/_emulator/codespace-usage', post({ name: codespace!.name, lastUsedMinutesAgo: -1 }))).status).toBe(400);
  });
});

describe('a list read again (each codespace’s JSON kept until it changes)', () => {
  it('is the same bytes and ETag while nothing changes, and shows a change at once', async () => {
    const h = setup({ control: true });
    await h.web('/_emulator/fleet', post({ login: 'kept', count: 150 }));
    const first = await h.api<CodespaceList>('/user/codespaces?per_page=100', { as: 'kept' });
    const again = await h.api<CodespaceList>('/user/codespaces?per_page=100', { as: 'kept' });
    expect(again.text).toBe(first.text);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    // Exactly what GitHub's JSON of the same value is: nothing reordered, nothing escaped differently.
    expect(first.text).toBe(JSON.stringify(JSON.parse(first.text)));

    const running = first.body.codespaces.find((c) => c.state === 'Available')!;
    expect((await h.api(`/user/codespaces/${running.name}/stop`, { method: 'POST', as: 'kept' })).status).toBeLessThan(300);
    h.clock.advance(60 * 60_000);
    const after = await h.api<CodespaceList>('/user/codespaces?per_page=100', {
      as: 'kept',
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(after.body.codespaces.find((c) => c.name === running.name)!.state).toBe('Shutdown');
    expect(after.body.codespaces.filter((c) => c.name !== running.name)).toEqual(
      first.body.codespaces.filter((c) => c.name !== running.name),
    );
  });
});

describe('each codespace’s JSON, as a list sends it', () => {
  it('is exactly GitHub’s JSON of the codespace as its own endpoint describes it, repository and accounts included', async () => {
    const h = setup({ control: true });
    await h.web('/_emulator/fleet', post({ login: 'composed', count: 30 }));
    const list = await h.api<CodespaceList>('/user/codespaces?per_page=100', { as: 'composed' });
    for (const listed of list.body.codespaces.slice(0, 5)) {
      const own = await h.api(`/user/codespaces/${listed.name}`, { as: 'composed' });
      expect(JSON.stringify(listed)).toBe(own.text);
    }
  });
});
