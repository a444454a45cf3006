import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { makeCodespace, makeUsageItem } from '@/lib/test/fixtures';
import type { Codespace } from '@/lib/codespaces/domain/types';
import type { UsageItem } from '@/lib/usage/domain/usage-report';
import { newAuditEntry, type NewAuditEntry } from '@/lib/audit/domain/entry';
import type { PolicyCodespace } from './domain/decide';
import type { PolicyRule } from './domain/schemas';
import type {
  AuditLog,
  BillingUsageAnswer,
  Clock,
  CodespacePageAnswer,
  GithubAnswer,
  OrgGithub,
  PolicyRunRecord,
  PolicyStore,
  StoredPolicy,
  Webhook,
} from './ports';
import { estimateMemberCosts } from '@/lib/usage/domain/member-estimate';
import { createPolicyRunner, type PolicyRunnerOptions } from './runner.server';

// The members' cost estimate as it is, watched: how often a budget's costs are worked out.
vi.mock('@/lib/usage/domain/member-estimate', async (actual) => {
  const real = await actual<typeof import('@/lib/usage/domain/member-estimate')>();
  return { ...real, estimateMemberCosts: vi.fn(real.estimateMemberCosts) };
});

const NOW = new Date('2026-11-25T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms).toISOString();
const CLEAN = { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function codespace(name: string, member: string, overrides: Partial<Codespace> = {}): Codespace {
  return makeCodespace({ name, owner: { ...makeCodespace().owner, login: member }, git_status: CLEAN, ...overrides });
}

/** Time that moves only when the runner waits: spacing is measured exactly, and tests take no real time. */
function virtualClock(start = NOW): Clock & { sleeps: number[] } {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await tick();
    },
    sleeps,
  };
}

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  status: number;
  at: number;
}

/**
 * GitHub as the App sees one organisation: lists with ETags (a page's ETag is a hash of its
 * body, so it changes exactly when the page does), stop, delete, the usage report. Every call is
 * recorded with its status; writes can be made slow, failing or rate-limited.
 */
class FakeGithub implements OrgGithub {
  codespaces: Codespace[] = [];
  calls: Call[] = [];
  writesInFlight = 0;
  maxWritesInFlight = 0;
  writeLatencyMs = 0;
  /** The organisation's usage report (its ETag a hash of its items), or GitHub's refusal of it. */
  usage: { ok: true; usageItems: UsageItem[] } | { ok: false; status: number; message: string } = { ok: true, usageItems: [] };
  /** An answer for a write to this codespace instead of success. */
  failures = new Map<string, GithubAnswer>();
  listFailure: { status: number; message: string } | Error | null = null;
  memberListFailure: { status: number; message: string; rateLimited?: boolean } | null = null;
  /** Called before a member's list is read: lets a test change a codespace after the decision. */
  beforeMemberRead: ((member: string) => void) | null = null;

  constructor(private clock: Clock) {}

  private page(list: Codespace[], etag: string | undefined, path: string, hasNextPage: boolean): CodespacePageAnswer {
    const body = JSON.stringify(list);
    const current = `"${createHash('sha1').update(body).digest('hex')}"`;
    const status = etag === current ? 304 : 200;
    this.calls.push({ method: 'GET', path, status, at: this.clock.now().getTime() });
    if (status === 304) return { ok: true, status: 304 };
    return { ok: true, status: 200, etag: current, codespaces: JSON.parse(body) as PolicyCodespace[], hasNextPage };
  }

  async listOrgCodespaces(
    org: string,
    { page, perPage, etag }: { page: number; perPage: number; etag?: string },
  ): Promise<CodespacePageAnswer> {
    const path = `/orgs/${org}/codespaces?page=${page}`;
    if (this.listFailure instanceof Error) {
      this.calls.push({ method: 'GET', path, status: 0, at: this.clock.now().getTime() });
      throw this.listFailure;
    }
    if (this.listFailure) {
      this.calls.push({ method: 'GET', path, status: this.listFailure.status, at: this.clock.now().getTime() });
      return { ok: false, ...this.listFailure };
    }
    const slice = this.codespaces.slice((page - 1) * perPage, page * perPage);
    return this.page(slice, etag, path, page * perPage < this.codespaces.length);
  }

  async listMemberCodespaces(org: string, member: string, { etag }: { etag?: string }): Promise<CodespacePageAnswer> {
    this.beforeMemberRead?.(member);
    if (this.memberListFailure) {
      this.calls.push({
        method: 'GET',
        path: `/orgs/${org}/members/${member}/codespaces`,
        status: this.memberListFailure.status,
        at: this.clock.now().getTime(),
      });
      return { ok: false, ...this.memberListFailure };
    }
    const mine = this.codespaces.filter((c) => c.owner.login.toLowerCase() === member.toLowerCase());
    return this.page(mine, etag, `/orgs/${org}/members/${member}/codespaces`, false);
  }

  private async write(
    method: 'POST' | 'DELETE',
    path: string,
    name: string,
    apply: (c: Codespace) => void,
    okStatus: number,
  ): Promise<GithubAnswer> {
    const at = this.clock.now().getTime();
    this.writesInFlight++;
    this.maxWritesInFlight = Math.max(this.maxWritesInFlight, this.writesInFlight);
    await new Promise((resolve) => setTimeout(resolve, this.writeLatencyMs));
    this.writesInFlight--;
    const failure = this.failures.get(name);
    if (failure) {
      this.calls.push({ method, path, status: failure.status, at });
      return failure;
    }
    const target = this.codespaces.find((c) => c.name === name);
    if (!target) {
      this.calls.push({ method, path, status: 404, at });
      return { ok: false, status: 404, message: 'Not Found' };
    }
    apply(target);
    this.calls.push({ method, path, status: okStatus, at });
    return { ok: true, status: okStatus, message: okStatus === 202 ? 'Accepted' : 'OK' };
  }

  stopMemberCodespace(org: string, member: string, name: string) {
    return this.write('POST', `/orgs/${org}/members/${member}/codespaces/${name}/stop`, name, (c) => (c.state = 'Shutdown'), 200);
  }

  deleteMemberCodespace(org: string, member: string, name: string) {
    return this.write(
      'DELETE',
      `/orgs/${org}/members/${member}/codespaces/${name}`,
      name,
      (c) => (this.codespaces = this.codespaces.filter((x) => x !== c)),
      202,
    );
  }

  async orgBillingUsage(org: string, { etag }: { year: number; month: number; etag?: string }): Promise<BillingUsageAnswer> {
    const path = `/organizations/${org}/settings/billing/usage`;
    const at = this.clock.now().getTime();
    if (!this.usage.ok) {
      this.calls.push({ method: 'GET', path, status: this.usage.status, at });
      return this.usage;
    }
    const current = `"${createHash('sha1').update(JSON.stringify(this.usage.usageItems)).digest('hex')}"`;
    const status = etag === current ? 304 : 200;
    this.calls.push({ method: 'GET', path, status, at });
    return status === 304 ? { ok: true, status } : { ok: true, status, etag: current, usageItems: structuredClone(this.usage.usageItems) };
  }

  writes() {
    return this.calls.filter((c) => c.method !== 'GET');
  }
}

/** The database: policies, runs, and `lastEvaluatedAt` kept as the port describes it. */
class FakeStore implements PolicyStore {
  policies: StoredPolicy[] = [];
  runs: PolicyRunRecord[] = [];
  evaluated: { policyId: string; at: Date }[] = [];
  webhook: string | null = 'https://hooks.example.com/T1';

  async orgsWithEnabledPolicies() {
    return [...new Set(this.policies.filter((p) => p.enabled).map((p) => p.org))];
  }
  async enabledPolicies(org: string) {
    return this.policies.filter((p) => p.enabled && p.org === org);
  }
  async webhookUrl() {
    return this.webhook;
  }
  async recordRun(run: PolicyRunRecord) {
    this.runs.push(run);
    if (run.trigger === 'scheduled' && (run.status === 'completed' || run.status === 'missed'))
      this.finished(run.policyId, run.evaluatedAt);
  }
  async markEvaluated(policyId: string, at: Date) {
    this.evaluated.push({ policyId, at });
    this.finished(policyId, at);
  }
  private finished(policyId: string, at: Date) {
    const policy = this.policies.find((p) => p.id === policyId);
    if (policy) policy.lastEvaluatedAt = at;
  }
}

class FakeAudit implements AuditLog {
  entries: NewAuditEntry[] = [];
  async append(entry: NewAuditEntry) {
    this.entries.push(newAuditEntry.parse(entry));
  }
}

class FakeWebhook implements Webhook {
  posts: { url: string; text: string }[] = [];
  answer = { ok: true, status: 200 };
  async post(url: string, text: string) {
    this.posts.push({ url, text });
    return this.answer;
  }
}

function policy(rule: PolicyRule, overrides: Partial<StoredPolicy> = {}): StoredPolicy {
  return {
    id: `p-${rule.kind}`,
    org: 'octo-org',
    name: 'Stop idle codespaces',
    enabled: true,
    rule,
    exempt: { members: [], codespaces: [] },
    updatedAt: new Date(NOW.getTime() - 30 * DAY),
    lastEvaluatedAt: null,
    ...overrides,
  };
}

const IDLE: PolicyRule = { kind: 'idle-limit', limit: 2, unit: 'hours' };

function setup(options: Partial<PolicyRunnerOptions> = {}) {
  const clock = virtualClock();
  const github = new FakeGithub(clock);
  const store = new FakeStore();
  const audit = new FakeAudit();
  const webhook = new FakeWebhook();
  const runner = createPolicyRunner({ github, store, audit, webhook, clock, writeSpacingMs: 0, log: () => {}, ...options });
  return { clock, github, store, audit, webhook, runner };
}

const idleRunning = (name: string, member = 'mona', overrides: Partial<Codespace> = {}) =>
  codespace(name, member, { state: 'Available', last_used_at: ago(5 * HOUR), ...overrides });

async function runNow(env: ReturnType<typeof setup>, p: StoredPolicy) {
  const result = await env.runner.runPolicy(p.org, p, 'manual', NOW);
  if (!result.ran) throw new Error(`did not run: ${result.why}`);
  return result.run;
}

describe('Preview', () => {
  it('shows what the policy would do now, and acts on nothing', async () => {
    const env = setup();
    env.github.codespaces = [
      idleRunning('idle-1', 'mona', { display_name: 'Checkout fix' }),
      codespace('busy', 'mona', { state: 'Available', last_used_at: ago(MINUTE) }),
    ];
    const preview = await env.runner.previewPolicy('octo-org', policy(IDLE), NOW);
    expect(preview).toMatchObject({ ok: true, nextOccurrence: null });
    expect(preview.ok && preview.decision.actions).toEqual([
      {
        codespace: 'idle-1',
        displayName: 'Checkout fix',
        member: 'mona',
        action: 'stop',
        reason: 'Running and unused for 5 hours (limit: 2 hours)',
      },
    ]);
    expect(env.github.writes()).toEqual([]);
    expect(env.audit.entries).toEqual([]);
    expect(env.store.runs).toEqual([]);
  });

  it('shows, for quiet hours, what would stop at the next occurrence and when', async () => {
    const env = setup();
    env.github.codespaces = [codespace('running', 'mona', { state: 'Available', last_used_at: ago(MINUTE) })];
    const quiet = policy({ kind: 'quiet-hours', time: '19:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], timeZone: 'Europe/Berlin' });
    const preview = await env.runner.previewPolicy('octo-org', quiet, NOW);
    expect(preview).toMatchObject({ ok: true, nextOccurrence: { at: new Date('2026-11-25T18:00:00Z'), words: 'Wed 25 Nov, 19:00 CET' } });
    expect(preview.ok && preview.decision.actions.map((a) => a.codespace)).toEqual(['running']);
  });

  it('says so when GitHub cannot be read', async () => {
    const env = setup();
    env.github.listFailure = { status: 404, message: 'Not Found' };
    expect(await env.runner.previewPolicy('octo-org', policy(IDLE), NOW)).toEqual({
      ok: false,
      message: "Could not read the organisation's codespaces: GitHub answered 404: Not Found",
    });
  });
});

describe('Run now', () => {
  it('stops what the policy decided, records each stop in the audit log as the policy’s, records the run and posts its summary', async () => {
    const env = setup();
    env.github.codespaces = [
      idleRunning('idle-1', 'mona', { display_name: 'Checkout fix' }),
      idleRunning('idle-2', 'hubot'),
      codespace('busy', 'mona', { state: 'Available', last_used_at: ago(MINUTE) }),
    ];
    const p = policy(IDLE);
    const run = await runNow(env, p);

    expect(env.github.writes().map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'POST /orgs/octo-org/members/hubot/codespaces/idle-2/stop 200',
      'POST /orgs/octo-org/members/mona/codespaces/idle-1/stop 200',
    ]);
    expect(env.github.codespaces.map((c) => [c.name, c.state])).toEqual([
      ['idle-1', 'Shutdown'],
      ['idle-2', 'Shutdown'],
      ['busy', 'Available'],
    ]);
    expect(env.audit.entries).toEqual([
      expect.objectContaining({
        actor: 'policy: Stop idle codespaces',
        action: 'codespace.stop',
        org: 'octo-org',
        codespace: 'idle-2',
        member: 'hubot',
        githubStatus: 200,
        githubAnswer: 'OK',
        details: { policyId: p.id, runId: run.id },
      }),
      expect.objectContaining({
        actor: 'policy: Stop idle codespaces',
        action: 'codespace.stop',
        codespace: 'idle-1',
        displayName: 'Checkout fix',
        member: 'mona',
        githubStatus: 200,
      }),
    ]);
    expect(run).toMatchObject({ status: 'completed', trigger: 'manual', error: null, skipped: [] });
    expect(env.store.runs).toEqual([run]);
    expect(env.webhook.posts).toEqual([
      {
        url: 'https://hooks.example.com/T1',
        text: [
          'Hangar policy “Stop idle codespaces” on octo-org (Run now): stopped 2 codespaces.',
          '• Stopped “idle-2” (hubot)',
          '• Stopped “Checkout fix” (mona)',
        ].join('\n'),
      },
    ]);
    expect(run.webhook).toEqual({ ok: true, status: 200 });
  });

  it('never deletes work at risk, and never touches what is exempt', async () => {
    const env = setup();
    env.github.codespaces = [
      codespace('old-clean', 'mona', { state: 'Shutdown', last_used_at: ago(60 * DAY) }),
      codespace('old-dirty', 'mona', {
        state: 'Shutdown',
        last_used_at: ago(60 * DAY),
        git_status: { ...CLEAN, has_unpushed_changes: true },
      }),
      codespace('old-unknown', 'mona', { state: 'Shutdown', last_used_at: ago(60 * DAY), git_status: {} as Codespace['git_status'] }),
      codespace('old-exempt', 'hubot', { state: 'Shutdown', last_used_at: ago(60 * DAY) }),
    ];
    const run = await runNow(
      env,
      policy({ kind: 'stale-cleanup', days: 30 }, { name: 'Clean up', exempt: { members: ['hubot'], codespaces: [] } }),
    );
    expect(env.github.writes().map((c) => `${c.method} ${c.path}`)).toEqual(['DELETE /orgs/octo-org/members/mona/codespaces/old-clean']);
    expect(run.kept.map((k) => k.codespace)).toEqual(['old-dirty', 'old-unknown']);
    expect(run.exempt.map((e) => e.codespace)).toEqual(['old-exempt']);
    expect(env.github.codespaces.map((c) => c.name)).toEqual(['old-dirty', 'old-unknown', 'old-exempt']);
  });

  it('posts no webhook when the run did nothing, or when the organisation has none', async () => {
    const env = setup();
    env.github.codespaces = [codespace('busy', 'mona', { state: 'Available', last_used_at: ago(MINUTE) })];
    const run = await runNow(env, policy(IDLE));
    expect(run).toMatchObject({
      status: 'completed',
      writes: [],
      webhook: null,
      summary: 'Hangar policy “Stop idle codespaces” on octo-org (Run now): nothing to do.',
    });
    expect(env.webhook.posts).toEqual([]);

    env.github.codespaces = [idleRunning('idle-1')];
    env.store.webhook = null;
    expect((await runNow(env, policy(IDLE))).writes).toHaveLength(1);
    expect(env.webhook.posts).toEqual([]);
  });

  it('keeps the run when the webhook fails, and says so', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('idle-1')];
    env.webhook.answer = { ok: false, status: 500, message: 'Answered 500' } as never;
    const run = await runNow(env, policy(IDLE));
    expect(run).toMatchObject({ status: 'completed', webhook: { ok: false, status: 500 } });
    expect(env.store.runs).toHaveLength(1);
  });
});

describe('conditional reads', () => {
  it('costs an unchanged organisation only 304s, page by page, and re-reads only the page that changed', async () => {
    const env = setup({ perPage: 2 });
    // Five codespaces, three pages; nothing is idle, so nothing is written.
    env.github.codespaces = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      codespace(name, 'mona', { state: 'Available', last_used_at: ago(MINUTE) }),
    );
    env.store.policies = [policy(IDLE)];

    await env.runner.evaluateAllPolicies(NOW);
    expect(env.github.calls.map((c) => c.status)).toEqual([200, 200, 200]);

    env.github.calls = [];
    const second = await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 5 * MINUTE));
    expect(env.github.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'GET /orgs/octo-org/codespaces?page=1 304',
      'GET /orgs/octo-org/codespaces?page=2 304',
      'GET /orgs/octo-org/codespaces?page=3 304',
    ]);
    expect(second).toMatchObject({ skipped: false, orgs: [{ org: 'octo-org', reads: { fresh: 0, unchanged: 3 } }] });

    env.github.calls = [];
    env.github.codespaces[2]!.display_name = 'Renamed';
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 10 * MINUTE));
    expect(env.github.calls.map((c) => c.status)).toEqual([304, 200, 304]);
  });

  it('reads each organisation once per evaluation, shared by all its policies', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('idle-1'), codespace('old', 'mona', { state: 'Shutdown', last_used_at: ago(90 * DAY) })];
    env.store.policies = [
      policy(IDLE),
      policy({ kind: 'stale-cleanup', days: 30 }, { name: 'Clean up' }),
      policy({ kind: 'idle-limit', limit: 30, unit: 'minutes' }, { id: 'p-2', name: 'Stricter idle' }),
    ];
    const report = await env.runner.evaluateAllPolicies(NOW);
    expect(env.github.calls.filter((c) => c.path.startsWith('/orgs/octo-org/codespaces'))).toHaveLength(1);
    // Both idle policies wanted idle-1: the second does not stop it again.
    expect(env.github.writes().map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /orgs/octo-org/members/mona/codespaces/idle-1/stop',
      'DELETE /orgs/octo-org/members/mona/codespaces/old',
    ]);
    expect(env.store.runs.find((r) => r.policyId === 'p-2')!.skipped).toEqual([
      expect.objectContaining({ codespace: 'idle-1', why: 'Already acted on by policy “Stop idle codespaces” in this evaluation' }),
    ]);
    expect(report).toMatchObject({
      skipped: false,
      orgs: [{ org: 'octo-org', policies: [{ outcome: 'completed' }, { outcome: 'completed' }, { outcome: 'completed' }] }],
    });
  });
});

describe('re-checking before acting', () => {
  it('skips a codespace used again since the decision, and says so', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('idle-1'), idleRunning('idle-2', 'hubot')];
    // Between the organisation's list and the stop, mona opens her codespace again.
    env.github.beforeMemberRead = (member) => {
      if (member === 'mona') env.github.codespaces[0]!.last_used_at = NOW.toISOString();
    };
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes().map((c) => c.path)).toEqual(['/orgs/octo-org/members/hubot/codespaces/idle-2/stop']);
    expect(run.skipped).toEqual([
      {
        codespace: 'idle-1',
        displayName: 'idle-1',
        member: 'mona',
        action: 'stop',
        why: 'Changed since the decision and no longer qualifies: Used 0 minutes ago, within the 2 hours limit',
      },
    ]);
    expect(run.summary).toContain('• Skipped “idle-1” (mona): Changed since the decision and no longer qualifies');
    expect(env.audit.entries.map((e) => e.codespace)).toEqual(['idle-2']);
  });

  it('skips a stale codespace that gained unpushed work since the decision', async () => {
    const env = setup();
    env.github.codespaces = [codespace('old', 'mona', { state: 'Shutdown', last_used_at: ago(60 * DAY) })];
    env.github.beforeMemberRead = () => (env.github.codespaces[0]!.git_status = { ...CLEAN, has_uncommitted_changes: true });
    const run = await runNow(env, policy({ kind: 'stale-cleanup', days: 30 }));
    expect(env.github.writes()).toEqual([]);
    expect(run.skipped[0]!.why).toBe(
      'Changed since the decision and no longer qualifies: Has uncommitted changes; a policy never deletes work that exists nowhere else',
    );
  });

  it('acts on a codespace that changed but still qualifies, noting the re-check', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('idle-1')];
    env.github.beforeMemberRead = () => (env.github.codespaces[0]!.updated_at = NOW.toISOString());
    const run = await runNow(env, policy(IDLE));
    expect(run.writes).toEqual([
      expect.objectContaining({
        codespace: 'idle-1',
        ok: true,
        recheck: 'Changed since the decision; re-checked: Running and unused for 5 hours (limit: 2 hours)',
      }),
    ]);
  });

  it('acts on nothing it could not re-check, and stops when the re-check is rate-limited', async () => {
    const env = setup({ maxWritesInFlight: 1 });
    env.github.codespaces = [idleRunning('a'), idleRunning('b')];
    env.github.memberListFailure = { status: 429, message: 'Too Many Requests' };
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes()).toEqual([]);
    expect(run.status).toBe('interrupted');
    expect(run.skipped.map((s) => s.why)).toEqual([
      'Could not re-check it: GitHub answered 429: Too Many Requests',
      'Not attempted: GitHub asked Hangar to slow down (Could not re-check it: GitHub answered 429: Too Many Requests)',
    ]);
  });

  it('skips a codespace deleted since the decision', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('idle-1')];
    env.github.beforeMemberRead = () => (env.github.codespaces = []);
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes()).toEqual([]);
    expect(run.skipped[0]!.why).toBe('It no longer exists');
  });
});

describe('writes', () => {
  it('are never retried: a 5xx or a timeout is recorded once, with GitHub’s answer, in the run and the audit log', async () => {
    const env = setup();
    env.github.codespaces = [idleRunning('a'), idleRunning('b'), idleRunning('c')];
    env.github.failures.set('a', { ok: false, status: 502, message: 'Server Error' });
    env.github.failures.set('b', { ok: false, status: 0, message: 'timed out after 10 s' });
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes().map((c) => `${c.path} ${c.status}`)).toEqual([
      '/orgs/octo-org/members/mona/codespaces/a/stop 502',
      '/orgs/octo-org/members/mona/codespaces/b/stop 0',
      '/orgs/octo-org/members/mona/codespaces/c/stop 200',
    ]);
    expect(run.writes.map((w) => [w.codespace, w.ok, w.status, w.answer])).toEqual([
      ['a', false, 502, 'Server Error'],
      ['b', false, 0, 'timed out after 10 s'],
      ['c', true, 200, 'OK'],
    ]);
    expect(env.audit.entries.map((e) => [e.codespace, e.githubStatus, e.githubAnswer])).toEqual([
      ['a', 502, 'Server Error'],
      ['b', null, 'timed out after 10 s'],
      ['c', 200, 'OK'],
    ]);
    expect(run.status).toBe('completed');
    expect(run.summary).toContain('• Could not stop “a” (mona): GitHub answered 502 (Server Error)');
  });

  it('stop for the rest of the run when GitHub asks Hangar to slow down', async () => {
    const env = setup({ maxWritesInFlight: 1 });
    env.github.codespaces = [idleRunning('a'), idleRunning('b'), idleRunning('c')];
    env.github.failures.set('a', { ok: false, status: 403, message: 'You have exceeded a secondary rate limit', rateLimited: true });
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes()).toHaveLength(1);
    expect(run.status).toBe('interrupted');
    expect(run.skipped.map((s) => s.why)).toEqual([
      'Not attempted: GitHub asked Hangar to slow down (GitHub answered 403: You have exceeded a secondary rate limit)',
      'Not attempted: GitHub asked Hangar to slow down (GitHub answered 403: You have exceeded a secondary rate limit)',
    ]);
  });

  it('stop for the rest of the run after three failures in a row', async () => {
    const env = setup({ maxWritesInFlight: 1 });
    env.github.codespaces = ['a', 'b', 'c', 'd', 'e'].map((name) => idleRunning(name));
    for (const name of ['a', 'b', 'c', 'd']) env.github.failures.set(name, { ok: false, status: 503, message: 'Service Unavailable' });
    const run = await runNow(env, policy(IDLE));
    expect(env.github.writes().map((c) => c.status)).toEqual([503, 503, 503]);
    expect(run).toMatchObject({ status: 'interrupted' });
    expect(run.skipped.map((s) => s.codespace)).toEqual(['d', 'e']);
  });

  it('are at most four in flight, however many are due and however many are asked for', async () => {
    for (const asked of [undefined, 10]) {
      const env = setup({ maxWritesInFlight: asked });
      env.github.writeLatencyMs = 15;
      env.github.codespaces = Array.from({ length: 20 }, (_, i) => idleRunning(`idle-${String(i).padStart(2, '0')}`, `member${i}`));
      const run = await runNow(env, policy(IDLE));
      expect(run.writes.filter((w) => w.ok)).toHaveLength(20);
      expect(env.github.maxWritesInFlight).toBe(4);
    }
  });

  it('start at least the configured spacing apart (GitHub asks for one second)', async () => {
    const env = setup({ writeSpacingMs: undefined });
    env.github.codespaces = Array.from({ length: 6 }, (_, i) => idleRunning(`idle-${i}`));
    await runNow(env, policy(IDLE));
    const starts = env.github.writes().map((c) => c.at);
    expect(starts).toHaveLength(6);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
  });
});

describe('a run that fails', () => {
  it('is recorded as failed with the reason, and tried again at the next interval only', async () => {
    const env = setup();
    env.store.policies = [policy(IDLE)];
    env.github.listFailure = new Error('socket hang up');
    const report = await env.runner.evaluateAllPolicies(NOW);
    expect(env.github.calls).toHaveLength(1);
    expect(env.store.runs).toEqual([
      expect.objectContaining({
        status: 'failed',
        error: "Could not read the organisation's codespaces: No answer from GitHub (socket hang up)",
        trigger: 'scheduled',
        writes: [],
      }),
    ]);
    expect(report).toMatchObject({ orgs: [{ policies: [{ outcome: 'failed' }] }] });
    expect(env.webhook.posts).toEqual([]);

    env.github.listFailure = null;
    env.github.codespaces = [idleRunning('idle-1')];
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 5 * MINUTE));
    expect(env.github.writes()).toHaveLength(1);
  });

  it('records GitHub’s refusal to list (the App not installed, say) as the reason', async () => {
    const env = setup();
    env.store.policies = [policy(IDLE)];
    env.github.listFailure = { status: 404, message: 'Not Found' };
    await env.runner.evaluateAllPolicies(NOW);
    expect(env.store.runs[0]).toMatchObject({
      status: 'failed',
      error: "Could not read the organisation's codespaces: GitHub answered 404: Not Found",
    });
  });

  it('does not let one evaluation start while the previous still runs', async () => {
    const env = setup();
    env.github.writeLatencyMs = 20;
    env.github.codespaces = [idleRunning('idle-1')];
    env.store.policies = [policy(IDLE)];
    const first = env.runner.evaluateAllPolicies(NOW);
    expect(await env.runner.evaluateAllPolicies(NOW)).toEqual({ skipped: true, why: 'The previous evaluation is still running' });
    await first;
    expect(env.github.writes()).toHaveLength(1);
  });
});

describe('scheduled quiet hours', () => {
  const quiet = () =>
    policy(
      { kind: 'quiet-hours', time: '19:00', weekdays: ['wed'], timeZone: 'Europe/Berlin' },
      { name: 'Evenings', lastEvaluatedAt: new Date('2026-11-25T17:50:00Z') },
    );
  const at = (iso: string) => new Date(iso);

  it('read nothing and record nothing until due; at the time, stop what runs, once', async () => {
    const env = setup();
    env.github.codespaces = [codespace('running', 'mona', { state: 'Available', last_used_at: ago(MINUTE) })];
    env.store.policies = [quiet()];

    expect(await env.runner.evaluateAllPolicies(at('2026-11-25T17:55:00Z'))).toMatchObject({
      orgs: [{ reads: null, policies: [{ outcome: 'Not due; next at Wed 25 Nov, 19:00 CET' }] }],
    });
    expect(env.github.calls).toEqual([]);

    await env.runner.evaluateAllPolicies(at('2026-11-25T18:02:00Z'));
    expect(env.github.writes().map((c) => c.path)).toEqual(['/orgs/octo-org/members/mona/codespaces/running/stop']);
    expect(env.store.runs).toEqual([expect.objectContaining({ status: 'completed', evaluatedAt: at('2026-11-25T18:02:00Z') })]);

    // Mona starts it again at 19:05; the next evaluations leave it alone.
    env.github.codespaces[0]!.state = 'Available';
    await env.runner.evaluateAllPolicies(at('2026-11-25T18:07:00Z'));
    await env.runner.evaluateAllPolicies(at('2026-11-25T18:12:00Z'));
    expect(env.github.writes()).toHaveLength(1);
  });

  it('try again at the next interval when the due run failed', async () => {
    const env = setup();
    env.github.codespaces = [codespace('running', 'mona', { state: 'Available', last_used_at: ago(MINUTE) })];
    env.store.policies = [quiet()];
    env.github.listFailure = { status: 500, message: 'Server Error' };
    await env.runner.evaluateAllPolicies(at('2026-11-25T18:02:00Z'));
    expect(env.store.runs.map((r) => r.status)).toEqual(['failed']);
    env.github.listFailure = null;
    await env.runner.evaluateAllPolicies(at('2026-11-25T18:07:00Z'));
    expect(env.store.runs.map((r) => r.status)).toEqual(['failed', 'completed']);
    expect(env.github.writes()).toHaveLength(1);
  });

  it('report a missed occurrence instead of stopping everyone hours late', async () => {
    const env = setup();
    env.github.codespaces = [codespace('running', 'mona', { state: 'Available', last_used_at: ago(MINUTE) })];
    env.store.policies = [quiet()];
    await env.runner.evaluateAllPolicies(at('2026-11-26T07:00:00Z'));
    expect(env.github.calls).toEqual([]);
    expect(env.store.runs).toEqual([
      expect.objectContaining({
        status: 'missed',
        notes: ['Missed Wed 25 Nov, 19:00 CET by 780 minutes (Hangar was not evaluating); next: Wed 2 Dec, 19:00 CET'],
      }),
    ]);
    expect(env.webhook.posts).toEqual([]);
  });
});

describe('monthly budget', () => {
  it('stops the running codespaces of a member whose estimated cost this month passed the amount, from the usage report', async () => {
    const env = setup();
    env.github.codespaces = [
      codespace('mona-web', 'mona', { state: 'Available', repository: { ...makeCodespace().repository, full_name: 'octo-org/web' } }),
      codespace('hubot-api', 'hubot', { state: 'Available', repository: { ...makeCodespace().repository, full_name: 'octo-org/api' } }),
    ];
    env.github.usage = {
      ok: true,
      usageItems: [
        makeUsageItem({ date: '2026-11-10T00:00:00Z', repositoryName: 'octo-org/web', netAmount: 80 }),
        makeUsageItem({ date: '2026-11-10T00:00:00Z', repositoryName: 'octo-org/api', netAmount: 20 }),
        // Last month's cost does not count.
        makeUsageItem({ date: '2026-10-30T00:00:00Z', repositoryName: 'octo-org/api', netAmount: 500 }),
      ],
    };
    const run = await runNow(env, policy({ kind: 'monthly-budget', amountUsd: 50 }, { name: 'Budget' }));
    expect(run.writes.map((w) => [w.codespace, w.reason])).toEqual([
      ['mona-web', "mona's estimated cost this month, $80.00, is over the $50.00 budget"],
    ]);
  });

  it('reads the usage report again only when it changed: an unchanged report is a 304, and the costs are as before', async () => {
    const env = setup();
    env.github.codespaces = [
      codespace('mona-web', 'mona', { state: 'Available', repository: { ...makeCodespace().repository, full_name: 'octo-org/web' } }),
    ];
    env.github.usage = {
      ok: true,
      usageItems: [makeUsageItem({ date: '2026-11-10T00:00:00Z', repositoryName: 'octo-org/web', netAmount: 80 })],
    };
    // A budget the member is within: nothing is stopped, so nothing changes between evaluations.
    env.store.policies = [policy({ kind: 'monthly-budget', amountUsd: 100 }, { name: 'Budget' })];
    const reportReads = () => env.github.calls.filter((c) => c.path.startsWith('/organizations/')).map((c) => c.status);

    await env.runner.evaluateAllPolicies(NOW);
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 5 * MINUTE));
    expect(reportReads()).toEqual([200, 304]);
    // The reused report still decides: over a lower budget the member's codespace is stopped.
    env.store.policies = [policy({ kind: 'monthly-budget', amountUsd: 50 }, { name: 'Budget' })];
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 10 * MINUTE));
    expect(reportReads()).toEqual([200, 304, 304]);
    expect(env.github.writes().map((w) => w.path)).toEqual(['/orgs/octo-org/members/mona/codespaces/mona-web/stop']);

    // A changed report is read afresh.
    env.github.usage = {
      ok: true,
      usageItems: [makeUsageItem({ date: '2026-11-11T00:00:00Z', repositoryName: 'octo-org/web', netAmount: 1 })],
    };
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 15 * MINUTE));
    expect(reportReads()).toEqual([200, 304, 304, 200]);
  });

  it('does not work the members’ costs out again when neither the report nor any page of codespaces changed', async () => {
    const env = setup();
    env.github.codespaces = [
      codespace('mona-web', 'mona', { state: 'Available', repository: { ...makeCodespace().repository, full_name: 'octo-org/web' } }),
      codespace('hubot-old', 'hubot', { state: 'Shutdown', repository: { ...makeCodespace().repository, full_name: 'octo-org/web' } }),
    ];
    env.github.usage = {
      ok: true,
      usageItems: [makeUsageItem({ date: '2026-11-10T00:00:00Z', repositoryName: 'octo-org/web', netAmount: 80 })],
    };
    env.store.policies = [policy({ kind: 'monthly-budget', amountUsd: 100 }, { name: 'Budget' })];
    const estimates = vi.mocked(estimateMemberCosts);
    estimates.mockClear();

    await env.runner.evaluateAllPolicies(NOW);
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 5 * MINUTE));
    expect(estimates).toHaveBeenCalledTimes(1);
    // A page that changed (a codespace deleted) is worked out again.
    env.github.codespaces = env.github.codespaces.slice(0, 1);
    await env.runner.evaluateAllPolicies(new Date(NOW.getTime() + 10 * MINUTE));
    expect(estimates).toHaveBeenCalledTimes(2);
  });

  it('acts on nothing, and says why, when the usage report cannot be read', async () => {
    const env = setup();
    env.github.codespaces = [codespace('mona-web', 'mona', { state: 'Available' })];
    env.github.usage = { ok: false, status: 403, message: 'Resource not accessible by integration' };
    const run = await runNow(env, policy({ kind: 'monthly-budget', amountUsd: 50 }, { name: 'Budget' }));
    expect(run.writes).toEqual([]);
    expect(run.notes).toEqual([
      'Cost this month unknown: GitHub answered 403: Resource not accessible by integration to the billing usage report',
    ]);
  });
});
