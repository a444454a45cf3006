/**
 * People's changes to an organisation are recorded: the proxy appends an audit entry after GitHub
 * answers each operation declared `audit` (beside its zod rules), as the signed-in person's, with
 * GitHub's status; nothing for anything else; and a failing audit write never fails the person's
 * request.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { AUDIT_ACTIONS } from '@/lib/audit/domain/entry';
import type { AuditedCall, ProxyOptions } from '@/lib/github/proxy.server';
import { MemoryStore } from '@/lib/github/store/memory-store.server';
import { configureAppForEmulator, sessionCookie } from '@/lib/test/session';
import { allowlist } from './allowlist.server';

const APP = 'http://hangar.test';
const SECRET = 'audit-hook-secret-audit-hook-secret-audit';

let upstream: RunningEmulator;
let proxy: typeof import('@/lib/github/proxy.server').proxyGithubRequest;
let cookie: string;

beforeAll(async () => {
  upstream = await startEmulatorServer({ control: true, transitionMs: 60_000 });
  configureAppForEmulator(upstream.url, { client: 'audit-client', appUrl: APP, secret: SECRET });
  ({ proxyGithubRequest: proxy } = await import('@/lib/github/proxy.server'));
  const { setGithubStore } = await import('@/lib/github/store.server');
  setGithubStore(new MemoryStore());
});

afterAll(() => upstream?.close());

let recorded: AuditedCall[];
beforeEach(async () => {
  // A fresh world, and so a fresh token for mona.
  upstream.emulator.reset();
  cookie = await sessionCookie('mona', upstream.emulator.issueToken('mona', ['codespace', 'read:user', 'admin:org']), SECRET);
  recorded = [];
});

const recordAudit: ProxyOptions['recordAudit'] = async (call) => {
  recorded.push(call);
};

const send = (method: string, path: string, options: ProxyOptions = { recordAudit }) =>
  proxy(
    new NextRequest(`${APP}/api/github${path}`, { method, headers: { cookie, ...(method === 'GET' ? {} : { origin: APP }) } }),
    allowlist,
    options,
  );

/** A running codespace of another member of octo-org, as its owners see it. */
function membersRunningCodespace() {
  const codespace = [...upstream.emulator.world.codespaces.values()].find(
    (c) => c.billableOwner === 'octo-org' && c.owner !== 'mona' && c.state === 'Available',
  )!;
  return { name: codespace.name, member: codespace.owner };
}

describe('the proxy’s audit hook', () => {
  it('records an audited operation once, as the signed-in person’s, with GitHub’s answer', async () => {
    const { name, member } = membersRunningCodespace();
    const response = await send('POST', `/orgs/octo-org/members/${member}/codespaces/${name}/stop`);
    expect(response.status).toBe(200);
    expect(recorded).toEqual([
      expect.objectContaining({
        audit: expect.objectContaining({ action: 'codespace.stop' }),
        login: 'mona',
        params: { org: 'octo-org', username: member, codespace_name: name },
        status: 200,
        message: 'OK',
      }),
    ]);
  });

  it('records GitHub’s refusal too: the attempt is part of the record', async () => {
    const { member } = membersRunningCodespace();
    const response = await send('DELETE', `/orgs/octo-org/members/${member}/codespaces/no-such-codespace`);
    expect(response.status).toBe(404);
    expect(recorded).toEqual([expect.objectContaining({ status: 404, message: 'Not Found', login: 'mona' })]);
  });

  it('records nothing for an operation that is not audited (a read, a change of one’s own codespace)', async () => {
    expect((await send('GET', '/orgs/octo-org/codespaces?per_page=5')).status).toBe(200);
    const mine = [...upstream.emulator.world.codespaces.values()].find((c) => c.owner === 'mona' && c.state === 'Available')!;
    expect((await send('POST', `/user/codespaces/${mine.name}/stop`)).status).toBe(200);
    expect(recorded).toEqual([]);
  });

  it('answers the person as GitHub answered when the audit log cannot be written', async () => {
    const { name, member } = membersRunningCodespace();
    const response = await send('POST', `/orgs/octo-org/members/${member}/codespaces/${name}/stop`, {
      recordAudit: async () => {
        throw new Error('database is down');
      },
    });
    expect(response.status).toBe(200);
    expect(upstream.emulator.world.codespaces.get(name)!.state).not.toBe('Available');
  });
});

describe('which operations are audited', () => {
  it('is every operation that changes an organisation, each with an action the audit page knows', () => {
    const changes = allowlist.filter((op) => op.method !== 'GET' && /^\/orgs\/\{org\}\//.test(op.route));
    expect(changes.map((op) => op.name).sort()).toEqual(
      [
        'addCodespacesAccessUsers',
        'addOrgSecretRepository',
        'deleteMemberCodespace',
        'deleteOrgSecret',
        'putOrgSecret',
        'removeCodespacesAccessUsers',
        'removeOrgSecretRepository',
        'setCodespacesAccess',
        'setOrgSecretRepositories',
        'stopMemberCodespace',
      ].sort(),
    );
    for (const op of changes) expect(Object.keys(AUDIT_ACTIONS), op.name).toContain(op.audit?.action);
    expect(allowlist.filter((op) => op.audit && !changes.includes(op))).toEqual([]);
  });
});
