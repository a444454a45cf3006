/**
 * What the policy runner and the pages read and write: organisations' policies and their runs,
 * and the audit log, through the typed repositories (on the embedded database; database.test.ts
 * shows both engines behave the same).
 */
import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogOf, policyActor, type AuditLog } from './audit-log.server';
import { openDatabase, type OpenDatabase } from './database.server';
import { PolicyNameTaken, policyStore, type NewPolicy, type PolicyStore } from './policies.server';

let folder: string;
let open: OpenDatabase;
let store: PolicyStore;
let log: AuditLog;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'hangar-repositories-'));
  open = await openDatabase({ kind: 'embedded', dataDir: path.join(folder, 'data') });
  store = policyStore(open.db);
  log = auditLogOf(open.db);
}, 120_000);

afterAll(async () => {
  await open?.close();
  rmSync(folder, { recursive: true, force: true });
});

const idleLimit = (org: string, overrides: Partial<NewPolicy> = {}): NewPolicy => ({
  org,
  name: 'Idle limit',
  kind: 'idle-limit',
  settings: { after: { amount: 2, unit: 'hours' } },
  enabled: true,
  by: 'mona',
  ...overrides,
});

describe('policies', () => {
  it('are created with who and when, and read back as written', async () => {
    const created = await store.create(idleLimit('pol-create', { exemptions: { members: ['lisa-dev'], codespaces: [] } }));
    expect(created).toMatchObject({
      org: 'pol-create',
      name: 'Idle limit',
      kind: 'idle-limit',
      settings: { after: { amount: 2, unit: 'hours' } },
      enabled: true,
      exemptions: { members: ['lisa-dev'], codespaces: [] },
      createdBy: 'mona',
      updatedBy: 'mona',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await store.get('pol-create', created.id)).toEqual(created);
  });

  it('belong to one organisation, whatever the case of its name', async () => {
    const created = await store.create(idleLimit('Pol-Case'));
    expect(created.org).toBe('pol-case');
    expect(await store.get('POL-CASE', created.id)).toEqual(created);
    // Another organisation cannot read, change or remove it, even knowing its id.
    expect(await store.get('pol-other', created.id)).toBeNull();
    expect(await store.update('pol-other', created.id, { enabled: false, by: 'mallory' })).toBeNull();
    expect(await store.remove('pol-other', created.id)).toBe(false);
    expect(await store.get('pol-case', created.id)).toEqual(created);
  });

  it('have one name per organisation, ignoring case; other organisations may reuse it', async () => {
    await store.create(idleLimit('pol-names', { name: 'Quiet nights' }));
    await expect(store.create(idleLimit('pol-names', { name: 'quiet NIGHTS' }))).rejects.toThrow(PolicyNameTaken);
    const other = await store.create(idleLimit('pol-names', { name: 'Weekend stop' }));
    await expect(store.update('pol-names', other.id, { name: 'Quiet Nights', by: 'mona' })).rejects.toThrow(PolicyNameTaken);
    await expect(store.create(idleLimit('pol-names-2', { name: 'Quiet nights' }))).resolves.toMatchObject({ org: 'pol-names-2' });
  });

  it('refuse input that is not a policy, writing nothing', async () => {
    await expect(store.create(idleLimit('pol-invalid', { name: '   ' }))).rejects.toThrow(ZodError);
    await expect(store.create(idleLimit('pol-invalid', { kind: 'DROP TABLE' }))).rejects.toThrow(ZodError);
    await expect(store.create(idleLimit('not an org!'))).rejects.toThrow(ZodError);
    await expect(store.create(idleLimit('pol-invalid', { by: '' }))).rejects.toThrow(ZodError);
    expect(await store.list('pol-invalid')).toEqual([]);
    // An id that cannot be a policy's finds nothing, rather than failing.
    expect(await store.get('pol-invalid', '../../etc')).toBeNull();
  });

  it('change with who changed them, and can be disabled, enabled and removed', async () => {
    const created = await store.create(idleLimit('pol-update'));
    const disabled = await store.update('pol-update', created.id, {
      enabled: false,
      settings: { after: { amount: 30, unit: 'minutes' } },
      by: 'octocat',
    });
    expect(disabled).toMatchObject({
      enabled: false,
      settings: { after: { amount: 30, unit: 'minutes' } },
      createdBy: 'mona',
      updatedBy: 'octocat',
    });
    expect(disabled!.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    expect(await store.remove('pol-update', created.id)).toBe(true);
    expect(await store.get('pol-update', created.id)).toBeNull();
  });

  it('are listed by organisation, by name; the scheduler sees every organisation’s enabled ones', async () => {
    const b = await store.create(idleLimit('pol-list-a', { name: 'b stale clean-up', kind: 'stale-cleanup' }));
    const a = await store.create(idleLimit('pol-list-a', { name: 'A idle', enabled: false }));
    const c = await store.create(idleLimit('pol-list-b', { name: 'budget', kind: 'monthly-budget' }));
    expect((await store.list('pol-list-a')).map((p) => p.id)).toEqual([a.id, b.id]);
    const enabled = (await store.listEnabled()).map((p) => p.id);
    expect(enabled).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(enabled).not.toContain(a.id);
  });
});

describe('an organisation’s policy settings', () => {
  it('hold the webhook URL, replaced or cleared by an owner', async () => {
    expect(await store.settings('set-org')).toBeNull();
    const saved = await store.saveSettings('Set-Org', { webhookUrl: 'https://hooks.slack.com/services/T0/B0/x', by: 'mona' });
    expect(saved).toMatchObject({ org: 'set-org', webhookUrl: 'https://hooks.slack.com/services/T0/B0/x', updatedBy: 'mona' });
    const cleared = await store.saveSettings('set-org', { webhookUrl: null, by: 'octocat' });
    expect(cleared).toMatchObject({ webhookUrl: null, updatedBy: 'octocat' });
    expect(await store.settings('set-org')).toEqual(cleared);
  });

  it('refuse a webhook URL that is not http(s)', async () => {
    await expect(store.saveSettings('set-bad', { webhookUrl: 'javascript:alert(1)', by: 'mona' })).rejects.toThrow(ZodError);
    await expect(store.saveSettings('set-bad', { webhookUrl: 'file:///etc/passwd', by: 'mona' })).rejects.toThrow(ZodError);
    expect(await store.settings('set-bad')).toBeNull();
  });
});

describe('policy runs', () => {
  it('record what a run did, GitHub’s answers and its failures; the newest first', async () => {
    const policy = await store.create(idleLimit('run-org'));
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));
    const first = await store.recordRun({
      policyId: policy.id,
      org: 'run-org',
      startedAt: at(0),
      finishedAt: at(1),
      trigger: 'schedule',
      outcome: 'partly-failed',
      actions: [
        { action: 'stop', codespace: 'a-1', displayName: 'Perf profiling', member: 'priya-k', githubStatus: 200, githubAnswer: null },
      ],
      failures: [{ message: 'GitHub answered 409', codespace: 'b-2', member: 'olu-a', githubStatus: 409 }],
    });
    const second = await store.recordRun({
      policyId: policy.id,
      org: 'run-org',
      startedAt: at(5),
      finishedAt: at(5),
      trigger: 'run-now',
      outcome: 'succeeded',
      actions: [],
      failures: [],
    });
    expect((await store.runs('run-org', policy.id)).map((r) => r.id)).toEqual([second.id, first.id]);
    expect(first.failures).toEqual([{ message: 'GitHub answered 409', codespace: 'b-2', member: 'olu-a', githubStatus: 409 }]);
    expect((await store.latestRuns('run-org')).get(policy.id)?.id).toBe(second.id);
  });

  it('refuse a run that finished before it started, or of an unknown trigger', async () => {
    const policy = await store.create(idleLimit('run-bad'));
    const run = {
      policyId: policy.id,
      org: 'run-bad',
      startedAt: new Date(2000),
      finishedAt: new Date(1000),
      trigger: 'schedule' as const,
      outcome: 'succeeded' as const,
      actions: [],
      failures: [],
    };
    await expect(store.recordRun(run)).rejects.toThrow(ZodError);
    await expect(store.recordRun({ ...run, finishedAt: new Date(3000), trigger: 'cron' as never })).rejects.toThrow(ZodError);
    expect(await store.runs('run-bad', policy.id)).toEqual([]);
  });

  it('go with their policy when it is removed (the audit log keeps what they did)', async () => {
    const policy = await store.create(idleLimit('run-gone'));
    await store.recordRun({
      policyId: policy.id,
      org: 'run-gone',
      startedAt: new Date(),
      finishedAt: new Date(),
      trigger: 'run-now',
      outcome: 'succeeded',
      actions: [],
      failures: [],
    });
    await log.append({ org: 'run-gone', actor: policyActor(policy.name), action: 'codespace.stop', codespace: 'c-3' });
    await store.remove('run-gone', policy.id);
    expect(await store.runs('run-gone', policy.id)).toEqual([]);
    expect((await log.list('run-gone')).entries).toHaveLength(1);
  });
});

describe('the audit log', () => {
  it('lists an organisation’s entries newest first, page by page, without repeating or skipping one', async () => {
    for (let i = 1; i <= 7; i++) await log.append({ org: 'aud-pages', actor: 'mona', action: 'codespace.stop', codespace: `cs-${i}` });
    const first = await log.list('aud-pages', { limit: 3 });
    expect(first.entries.map((e) => e.codespace)).toEqual(['cs-7', 'cs-6', 'cs-5']);
    // An entry appended meanwhile does not shift the next page.
    await log.append({ org: 'aud-pages', actor: 'mona', action: 'codespace.stop', codespace: 'cs-8' });
    const second = await log.list('aud-pages', { limit: 3, before: first.nextBefore! });
    expect(second.entries.map((e) => e.codespace)).toEqual(['cs-4', 'cs-3', 'cs-2']);
    const last = await log.list('aud-pages', { limit: 3, before: second.nextBefore! });
    expect(last).toEqual({ entries: [expect.objectContaining({ codespace: 'cs-1' })], nextBefore: null });
  });

  it('filters by who acted and by what they did', async () => {
    await log.append({ org: 'aud-filter', actor: 'mona', action: 'codespace.stop', codespace: 'a' });
    await log.append({
      org: 'aud-filter',
      actor: policyActor('Quiet hours'),
      action: 'codespace.stop',
      codespace: 'b',
      member: 'lisa-dev',
    });
    await log.append({ org: 'aud-filter', actor: 'mona', action: 'secret.update', details: { secret: 'NPM_TOKEN' } });
    await log.append({ org: 'aud-elsewhere', actor: 'mona', action: 'codespace.stop', codespace: 'z' });

    expect((await log.list('aud-filter', { actor: 'policy: Quiet hours' })).entries.map((e) => e.codespace)).toEqual(['b']);
    expect((await log.list('aud-filter', { action: 'codespace.stop' })).entries.map((e) => e.codespace)).toEqual(['b', 'a']);
    expect((await log.list('aud-filter', { actor: 'mona', action: 'secret.update' })).entries).toEqual([
      expect.objectContaining({ details: { secret: 'NPM_TOKEN' }, codespace: null }),
    ]);
    expect(await log.actors('aud-filter')).toEqual(['mona', 'policy: Quiet hours']);
    expect(await log.actions('aud-filter')).toEqual(['codespace.stop', 'secret.update']);
  });

  it('keeps who, what, which codespace and member, and GitHub’s answer', async () => {
    const entry = await log.append({
      org: 'aud-fields',
      actor: 'mona',
      action: 'codespace.delete',
      codespace: 'octo-app-x1',
      member: 'sam-ops',
      githubStatus: 409,
      githubAnswer: 'Codespace is busy',
    });
    expect(entry).toMatchObject({
      org: 'aud-fields',
      actor: 'mona',
      member: 'sam-ops',
      githubStatus: 409,
      githubAnswer: 'Codespace is busy',
    });
    expect(Math.abs(entry.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('appends a bulk action’s entries together, in order; and reads them all back for a download', async () => {
    const appended = await log.appendAll(
      Array.from({ length: 600 }, (_, i) => ({ org: 'aud-bulk', actor: 'mona', action: 'codespace.stop', codespace: `bulk-${i}` })),
    );
    expect(appended.map((e) => e.codespace).slice(0, 2)).toEqual(['bulk-0', 'bulk-1']);
    const everything: string[] = [];
    for await (const entry of log.all('aud-bulk')) everything.push(entry.codespace!);
    expect(everything).toHaveLength(600);
    expect(everything[0]).toBe('bulk-599');
    expect(everything.at(-1)).toBe('bulk-0');
  }, 60_000);

  it('refuses an entry without a proper actor or action, writing nothing (nor any of its batch)', async () => {
    await expect(log.append({ org: 'aud-bad', actor: 'policy: ', action: 'codespace.stop' })).rejects.toThrow(ZodError);
    await expect(log.append({ org: 'aud-bad', actor: 'mona; drop', action: 'codespace.stop' })).rejects.toThrow(ZodError);
    await expect(log.append({ org: 'aud-bad', actor: 'mona', action: 'Stop!' })).rejects.toThrow(ZodError);
    await expect(
      log.appendAll([
        { org: 'aud-bad', actor: 'mona', action: 'codespace.stop' },
        { org: 'aud-bad', actor: 'mona', action: '' },
      ]),
    ).rejects.toThrow(ZodError);
    expect((await log.list('aud-bad')).entries).toEqual([]);
  });
});

describe('no code path changes an audit entry', () => {
  /** Every source file of the app (tests and migrations aside). */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === 'node_modules' || name.startsWith('.') || name === 'migrations') return [];
      if (statSync(full).isDirectory()) return sources(full);
      return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }

  it('has no update or delete of the audit log anywhere in Hangar', () => {
    const root = path.resolve(__dirname, '../..');
    const offending = ['lib', 'app', 'components', 'scripts']
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) =>
        /\.(?:update|delete)\(\s*auditLog\b|(?:update|delete\s+from|truncate)\s+"?audit_log\b/i.test(readFileSync(file, 'utf8')),
      );
    expect(offending).toEqual([]);
  });
});
