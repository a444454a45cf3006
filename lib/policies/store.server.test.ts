/**
 * Policies and their runs in Hangar's database, in the shapes the runner and the policies page
 * use (one shape each: `PolicyDefinition`, `PolicyRunRecord`), on the embedded database.
 */
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLogOf } from '@/lib/audit/log.server';
import { policyActor } from '@/lib/audit/domain/entry';
import { policyRun } from '@/lib/test/policy-runs';
import { embeddedDatabaseForTests } from '@/lib/test/suite-resources';
import type { PolicyDefinitionInput } from './domain/schemas';
import { policyDefinitionSchema } from './domain/schemas';
import { PolicyNameTaken, policyRepository, type PolicyRepository } from './store.server';

const embedded = embeddedDatabaseForTests('policies');
let store: PolicyRepository;

beforeAll(() => {
  store = policyRepository(embedded.database.db);
});

const definition = (overrides: Partial<PolicyDefinitionInput> = {}) =>
  policyDefinitionSchema.parse({
    name: 'Stop idle codespaces',
    enabled: true,
    rule: { kind: 'idle-limit', limit: 2, unit: 'hours' },
    ...overrides,
  });

describe('policies', () => {
  it('are saved as the rules define them and read back the same, with who made and changed them', async () => {
    const saved = await store.create('Pol-Create', definition({ exempt: { members: ['lisa-dev'], codespaces: [] } }), 'mona');
    expect(saved).toMatchObject({
      org: 'pol-create',
      name: 'Stop idle codespaces',
      enabled: true,
      rule: { kind: 'idle-limit', limit: 2, unit: 'hours' },
      exempt: { members: ['lisa-dev'], codespaces: [] },
      createdBy: 'mona',
      updatedBy: 'mona',
      lastEvaluatedAt: null,
    });
    expect(await store.get('POL-CREATE', saved.id)).toEqual(saved);
    // Every kind goes in and comes out whole.
    const quiet = await store.create(
      'pol-create',
      definition({ name: 'Nights', rule: { kind: 'quiet-hours', time: '19:00', weekdays: ['fri', 'mon'], timeZone: 'Europe/Paris' } }),
      'mona',
    );
    expect(quiet.rule).toEqual({ kind: 'quiet-hours', time: '19:00', weekdays: ['mon', 'fri'], timeZone: 'Europe/Paris' });
  });

  it('belong to one organisation: another cannot read, change or remove one, even knowing its id', async () => {
    const saved = await store.create('pol-case', definition(), 'mona');
    expect(await store.get('pol-other', saved.id)).toBeNull();
    expect(await store.update('pol-other', saved.id, definition({ enabled: false }), 'mallory')).toBeNull();
    expect(await store.setEnabled('pol-other', saved.id, false, 'mallory')).toBeNull();
    expect(await store.remove('pol-other', saved.id)).toBe(false);
    expect(await store.get('pol-case', saved.id)).toEqual(saved);
    expect(await store.get('pol-case', '../../etc')).toBeNull();
  });

  it('have one name per organisation, ignoring case', async () => {
    await store.create('pol-names', definition({ name: 'Quiet nights' }), 'mona');
    await expect(store.create('pol-names', definition({ name: 'quiet NIGHTS' }), 'mona')).rejects.toThrow(PolicyNameTaken);
    await expect(store.create('pol-names-2', definition({ name: 'Quiet nights' }), 'mona')).resolves.toMatchObject({ org: 'pol-names-2' });
  });

  it('refuse what is not a policy, saving nothing', async () => {
    const bad = { ...definition(), rule: { kind: 'idle-limit', limit: 0, unit: 'hours' } } as never;
    await expect(store.create('pol-invalid', bad, 'mona')).rejects.toThrow(ZodError);
    expect(await store.list('pol-invalid')).toEqual([]);
  });

  it('change, enable and disable with who did it, and are removed', async () => {
    const saved = await store.create('pol-update', definition(), 'mona');
    const changed = await store.update('pol-update', saved.id, definition({ rule: { kind: 'stale-cleanup', days: 14 } }), 'octocat');
    expect(changed).toMatchObject({ rule: { kind: 'stale-cleanup', days: 14 }, createdBy: 'mona', updatedBy: 'octocat' });
    expect(await store.setEnabled('pol-update', saved.id, false, 'mona')).toMatchObject({ enabled: false });
    expect(await store.enabledPolicies('pol-update')).toEqual([]);
    expect(await store.remove('pol-update', saved.id)).toBe(true);
    expect(await store.get('pol-update', saved.id)).toBeNull();
  });

  it('give the scheduler the organisations with enabled policies, and those policies', async () => {
    const on = await store.create('pol-sched-a', definition(), 'mona');
    await store.create('pol-sched-a', definition({ name: 'Off', enabled: false }), 'mona');
    await store.create('pol-sched-b', definition({ enabled: false }), 'mona');
    const orgs = await store.orgsWithEnabledPolicies();
    expect(orgs).toContain('pol-sched-a');
    expect(orgs).not.toContain('pol-sched-b');
    expect((await store.enabledPolicies('Pol-Sched-A')).map((p) => p.id)).toEqual([on.id]);
  });
});

describe('runs', () => {
  it('are read back as the runner recorded them, newest first', async () => {
    const policy = await store.create('run-org', definition(), 'mona');
    const first = policyRun(policy.id, 'run-org');
    const second = policyRun(policy.id, 'run-org', {
      startedAt: new Date('2026-12-01T13:00:00Z'),
      finishedAt: new Date('2026-12-01T13:00:01Z'),
      status: 'failed',
      error: 'GitHub answered 502',
      writes: [],
    });
    await store.recordRun(first);
    await store.recordRun(second);
    expect(await store.runs('run-org', policy.id)).toEqual([second, first]);
    expect((await store.latestRuns('run-org')).get(policy.id)).toEqual(second);
  });

  it('move the policy’s last evaluation only when a scheduled one finished (a manual or failed run does not)', async () => {
    const policy = await store.create('run-clock', definition(), 'mona');
    const at = new Date('2026-12-02T08:00:00Z');
    await store.recordRun(policyRun(policy.id, 'run-clock', { trigger: 'manual', evaluatedAt: at }));
    await store.recordRun(policyRun(policy.id, 'run-clock', { trigger: 'scheduled', status: 'failed', evaluatedAt: at }));
    expect((await store.get('run-clock', policy.id))!.lastEvaluatedAt).toBeNull();
    await store.recordRun(policyRun(policy.id, 'run-clock', { trigger: 'scheduled', status: 'completed', evaluatedAt: at }));
    expect((await store.get('run-clock', policy.id))!.lastEvaluatedAt).toEqual(at);
    const later = new Date('2026-12-02T08:05:00Z');
    await store.markEvaluated(policy.id, later);
    expect((await store.get('run-clock', policy.id))!.lastEvaluatedAt).toEqual(later);
  });

  it('go with their policy when it is removed; the audit log keeps what they did', async () => {
    const policy = await store.create('run-gone', definition(), 'mona');
    await store.recordRun(policyRun(policy.id, 'run-gone'));
    const log = auditLogOf(embedded.database.db);
    await log.append({ org: 'run-gone', actor: policyActor(policy.name), action: 'codespace.stop', codespace: 'c-3' });
    await store.remove('run-gone', policy.id);
    expect(await store.runs('run-gone', policy.id)).toEqual([]);
    expect((await log.list('run-gone')).entries).toHaveLength(1);
  });
});

describe('the organisation’s webhook URL', () => {
  it('is saved, replaced and cleared', async () => {
    expect(await store.webhookUrl('hook-org')).toBeNull();
    await store.saveWebhookUrl('Hook-Org', 'https://hooks.slack.com/services/T0/B0/x', 'mona');
    expect(await store.webhookUrl('hook-org')).toBe('https://hooks.slack.com/services/T0/B0/x');
    await store.saveWebhookUrl('hook-org', null, 'octocat');
    expect(await store.webhookUrl('hook-org')).toBeNull();
  });
});
