/**
 * Policies with nobody at a browser: Hangar servers of their own (`npm start` on the production
 * build) with a short HANGAR_POLICY_INTERVAL_S. Requests carry a session made as next-auth makes
 * one (the server's own secret), for a token the emulator issued, so no browser is open at all.
 * - demo mode: an enabled policy stops a codespace that went idle, with the app's token;
 * - two instances on one PostgreSQL and one redis-server: each interval is evaluated once across
 *   them, a policy saved on one is seen by the other, and policies and the audit log outlive a restart.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startEmulatorServer, type RunningEmulator } from '../emulator/node-server';
import { startPostgresServer, type PostgresServer } from '../lib/test/postgres-server';
import { startRedisServer, type RedisServer } from '../lib/test/redis-server';
import { sessionCookie } from '../lib/test/session';
import { e2ePort, startHangar, type HangarServer } from './hangar-server';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SECRET = randomBytes(32).toString('base64url');
const SCOPES = ['codespace', 'read:user', 'admin:org'];
const IDLE_POLICY = (name: string) => ({ name, enabled: true, rule: { kind: 'idle-limit', limit: 2, unit: 'hours' } });

interface Codespace {
  name: string;
  state: string;
  owner: { login: string };
}

/** Hangar's routes with a session cookie and its own Origin. */
function client(url: string, cookie: string) {
  const headers = { cookie, origin: url, 'content-type': 'application/json' };
  return {
    get: (path: string) => fetch(`${url}${path}`, { headers }),
    send: (method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  };
}

const waitFor = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

test.describe('demo mode, no browser open', () => {
  let hangar: HangarServer;
  const port = e2ePort(1);
  const url = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    hangar = await startHangar(port, {
      AUTH_URL: url,
      AUTH_SECRET: SECRET,
      NEXTAUTH_SECRET: SECRET,
      GITHUB_ID: '',
      HANGAR_GITHUB_TOKEN: '',
      HANGAR_EMULATOR_CONTROL: '1',
      HANGAR_POLICY_INTERVAL_S: '3',
    });
  });

  test.afterAll(() => hangar?.stop());

  test('an enabled idle policy stops a codespace that went idle, as Hangar’s GitHub App', async () => {
    const emulator = (path: string, body?: unknown) =>
      fetch(`${url}/emulator/_emulator${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const { token } = await (await emulator('/tokens', { login: 'mona', scopes: SCOPES })).json();
    const hangarFor = client(url, await sessionCookie('mona', token, SECRET));

    const { codespaces } = (await (await hangarFor.get('/api/github/orgs/octo-org/codespaces?per_page=100')).json()) as {
      codespaces: Codespace[];
    };
    const running = codespaces.filter((c) => c.state === 'Available');
    for (const c of running) expect((await emulator('/codespace-usage', { name: c.name, lastUsedMinutesAgo: 1 })).status).toBe(204);

    const created = await hangarFor.send('POST', '/api/orgs/octo-org/policies', IDLE_POLICY('Stop idle codespaces (background)'));
    expect(created.status).toBe(201);

    // Nothing is idle yet: intervals pass and nothing is stopped.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const before = Date.now();
    const log = async (since: number) =>
      (
        (await (await emulator(`/log?since=${since}`)).json()).entries as { method: string; path: string; login: string; status: number }[]
      ).filter((e) => e.method === 'POST' && e.path.startsWith('/orgs/'));
    expect(await log(0)).toEqual([]);

    const target = running.find((c) => c.owner.login !== 'mona')!;
    expect((await emulator('/codespace-usage', { name: target.name, lastUsedMinutesAgo: 300 })).status).toBe(204);
    const stop = await waitFor('the stop', async () => (await log(before)).find((e) => e.path.endsWith(`/${target.name}/stop`)), 30_000);
    expect(stop).toMatchObject({
      path: `/orgs/octo-org/members/${target.owner.login}/codespaces/${target.name}/stop`,
      login: 'hangar-demo[bot]',
      status: 200,
    });
    expect((await log(before)).filter((e) => e.path.endsWith('/stop'))).toHaveLength(1);

    const audit = await (await hangarFor.get('/api/orgs/octo-org/audit?actor=policy%3A%20Stop%20idle%20codespaces%20(background)')).json();
    expect(audit.entries).toEqual([expect.objectContaining({ codespace: target.name, member: target.owner.login, githubStatus: 200 })]);
  });
});

test.describe('two instances on one PostgreSQL and one redis-server', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let github: RunningEmulator;
  let databaseUrl: string;
  const instances: HangarServer[] = [];
  const ports = [e2ePort(2), e2ePort(3)];
  const CLIENT = { id: 'hangar-policies-scale', secret: 'hangar-policies-scale-secret' };
  const APP_ID = '777';
  const INTERVAL_S = 2;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

  const start = (port: number) =>
    startHangar(port, {
      AUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: SECRET,
      NEXTAUTH_SECRET: SECRET,
      GITHUB_ID: CLIENT.id,
      GITHUB_SECRET: CLIENT.secret,
      GITHUB_WEB_URL: github.url,
      GITHUB_API_URL: `${github.url}/api`,
      GITHUB_APP_ID: APP_ID,
      GITHUB_APP_PRIVATE_KEY: privateKey,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      HANGAR_POLICY_INTERVAL_S: String(INTERVAL_S),
    });

  test.beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
    databaseUrl = await postgres.freshDatabase();
    github = await startEmulatorServer({
      control: true,
      clients: { [CLIENT.id]: { secret: CLIENT.secret, callbackUrl: 'http://127.0.0.1/api/auth/callback/github' } },
      githubApps: [{ id: APP_ID, slug: 'hangar-scale', publicKey, installations: [{ org: 'octo-org' }] }],
      transitionMs: 60_000,
    });
    instances.push(...(await Promise.all(ports.map(start))));
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await github?.close();
    await redis?.stop();
    await postgres?.destroy();
  });

  test('each interval is evaluated once across them, and a policy saved on one is seen by the other', async () => {
    const cookie = await sessionCookie('mona', github.emulator.issueToken('mona', SCOPES), SECRET);
    const [first, second] = instances.map((instance) => client(instance.url, cookie));
    // Nothing idle: the policy reads the organisation every interval and acts on nothing.
    for (const c of github.emulator.world.codespaces.values()) c.lastUsedAt = Date.now();
    const created = await first!.send('POST', '/api/orgs/octo-org/policies', IDLE_POLICY('Idle (two instances)'));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const seen = await (await second!.get('/api/orgs/octo-org/policies')).json();
    expect(seen.policies.map((p: { id: string }) => p.id)).toContain(id);

    const since = Date.now();
    const windowS = 8 * INTERVAL_S;
    await new Promise((resolve) => setTimeout(resolve, windowS * 1000));
    // Evaluations: the app's reads of the organisation's first page (each evaluation reads it once).
    const evaluations = github.emulator
      .log(since)
      .filter(
        (e) => e.method === 'GET' && /^\/orgs\/octo-org\/codespaces\?(.*&)?page=1(&|$)/.test(e.path) && e.login === 'hangar-scale[bot]',
      );
    expect(evaluations.length).toBeGreaterThanOrEqual(windowS / INTERVAL_S - 2);
    expect(evaluations.length).toBeLessThanOrEqual(windowS / INTERVAL_S + 1);
    // An unchanged organisation costs only 304s once each instance has read it (each keeps its own ETags).
    expect(evaluations.filter((e) => e.status !== 304).length, evaluations.map((e) => e.status).join(' ')).toBeLessThanOrEqual(
      instances.length,
    );
  });

  test('policies and the audit log outlive a restart of both', async () => {
    const cookie = await sessionCookie('mona', github.emulator.issueToken('mona', SCOPES), SECRET);
    const target = [...github.emulator.world.codespaces.values()].find(
      (c) => c.billableOwner === 'octo-org' && c.owner !== 'mona' && c.state === 'Available',
    )!;
    target.lastUsedAt = Date.now() - 300 * 60_000;
    await waitFor('the stop', async () =>
      github.emulator.log().find((e) => e.method === 'POST' && e.path.endsWith(`/${target.name}/stop`)),
    );
    await Promise.all(instances.splice(0).map((instance) => instance.stop()));
    instances.push(...(await Promise.all(ports.map(start))));

    const again = client(instances[1]!.url, cookie);
    const { policies } = await (await again.get('/api/orgs/octo-org/policies')).json();
    expect(policies.map((p: { name: string }) => p.name)).toEqual(['Idle (two instances)']);
    const audit = await (await again.get('/api/orgs/octo-org/audit')).json();
    expect(audit.entries).toEqual([
      expect.objectContaining({ actor: 'policy: Idle (two instances)', codespace: target.name, githubStatus: 200 }),
    ]);
  });
});
