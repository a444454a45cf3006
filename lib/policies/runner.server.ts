import 'server-only';
import { randomUUID } from 'node:crypto';
import { policyActor } from '@/lib/audit/domain/entry';
import { estimateMemberCosts } from '@/lib/usage/domain/member-estimate';
import { monthPeriod } from '@/lib/usage/domain/org-usage';
import { summarizeUsage, type UsageItem } from '@/lib/usage/domain/usage-report';
import { logEvent, type LogLevel } from '@/lib/server/log.server';
import {
  codespaceFingerprint,
  decide,
  judgeCodespace,
  type MemberCosts,
  type PlannedAction,
  type PolicyCodespace,
  type PolicyDecision,
} from './domain/decide';
import { quietHoursTiming, DEFAULT_CATCH_UP_MS, nextOccurrence, formatOccurrence } from './domain/quiet-hours';
import { runSummary } from './domain/run-summary';
import type { PolicyDefinition } from './domain/schemas';
import type {
  AuditLog,
  Clock,
  CodespacePageAnswer,
  GithubAnswer,
  OrgGithub,
  PolicyRunRecord,
  PolicyStore,
  RunStatus,
  SkippedAction,
  StoredPolicy,
  Webhook,
  WriteOutcome,
} from './ports';
import { createWritePacer, DEFAULT_WRITE_SPACING_MS, MAX_WRITES_IN_FLIGHT, systemClock } from './write-pacer';

/**
 * Runs organisations' policies against GitHub: reads each organisation's codespaces (conditional,
 * page by page, so an unchanged organisation costs only `304`s), decides with the pure rules in
 * `domain/`, re-checks each codespace just before acting on it, writes at a measured pace, and
 * records every write in the audit log as the policy's. What it needs comes in as ports
 * (`ports.ts`); nothing here knows the database or the GitHub client.
 *
 * Rules it keeps:
 * - a write is made once. A failure is recorded with GitHub's answer, never repeated in the run;
 *   a rate-limit answer, or three 5xx/timeouts in a row, stop the run's remaining writes (the
 *   next interval decides again);
 * - a codespace is re-read (its member's list, conditionally) right before its write; if it
 *   changed since the decision it is judged again, and skipped, with the reason, if it no longer
 *   qualifies;
 * - at most four writes in flight, starts spaced (`writeSpacingMs`, one second by default);
 * - a run that throws is recorded as failed, and is not retried until the next interval;
 * - evaluations do not overlap: one still running makes the next return at once.
 */

export interface PolicyRunnerOptions {
  github: OrgGithub;
  store: PolicyStore;
  audit: AuditLog;
  webhook: Webhook;
  clock?: Clock;
  /** Writes in flight at once; capped at 4. */
  maxWritesInFlight?: number;
  /** Minimum time between the starts of two writes (GitHub asks for one second). */
  writeSpacingMs?: number;
  /** How late a quiet-hours occurrence may still act (an hour by default). */
  quietHoursCatchUpMs?: number;
  /** Codespaces per page of the organisation's list (GitHub's maximum is 100). */
  perPage?: number;
  /** Pages read at most per organisation: a guard against a `Link` that never ends. */
  maxPages?: number;
  log?: (level: LogLevel, event: string, fields?: Record<string, unknown>) => void;
}

type PolicyPreview =
  | {
      ok: true;
      decision: PolicyDecision;
      /** Quiet hours: when it next acts, and that string in its zone. Null for the other kinds. */
      nextOccurrence: { at: Date; words: string } | null;
    }
  | { ok: false; message: string };

type RunResult = { ran: true; run: PolicyRunRecord } | { ran: false; why: string };

interface OrgEvaluation {
  org: string;
  /** Reads of the organisation's list: `fresh` pages (200) and `unchanged` ones (304). */
  reads: { fresh: number; unchanged: number } | null;
  policies: { policyId: string; name: string; outcome: string }[];
}

type EvaluationReport = { skipped: true; why: string } | { skipped: false; startedAt: Date; finishedAt: Date; orgs: OrgEvaluation[] };

export interface PolicyRunner {
  /** What the policy would do now (quiet hours: at its next occurrence), acting on nothing. */
  previewPolicy(org: string, policy: Pick<PolicyDefinition, 'rule' | 'exempt'>, now: Date): Promise<PolicyPreview>;
  /** Run now (`manual`: acts at once, whatever the time) or a scheduled run of one policy. */
  runPolicy(org: string, policy: StoredPolicy, trigger: 'scheduled' | 'manual', now: Date): Promise<RunResult>;
  /** Every enabled policy of every organisation; each organisation's codespaces read once, shared by its policies. */
  evaluateAllPolicies(now: Date): Promise<EvaluationReport>;
}

type OrgSnapshot =
  { ok: true; codespaces: PolicyCodespace[]; reads: { fresh: number; unchanged: number } } | { ok: false; status: number; message: string };

interface CachedPage {
  etag: string;
  codespaces: PolicyCodespace[];
  hasNextPage: boolean;
}

/** What the policies of one organisation share within one evaluation. */
interface OrgContext {
  org: string;
  /** The organisation's codespaces, read on first use and shared after. */
  snapshot: () => Promise<OrgSnapshot>;
  snapshotIfRead: () => Promise<OrgSnapshot> | null;
  memberCosts: (now: Date) => Promise<MemberCosts>;
  /** Codespaces written to in this evaluation, and by which policy: a second policy does not repeat it. */
  actedOn: Map<string, string>;
}

const GITHUB_PAGE_MAX = 100;
/** Pages whose ETag and body are kept: 10,000 × 100 codespaces' worth, far more than a deployment reads per interval. */
const MAX_CACHED_PAGES = 10_000;
/** Usage reports kept (one per organisation and month read). */
const MAX_CACHED_REPORTS = 1_000;
const FAILURES_IN_A_ROW = 3;

type UsageReportRead = { ok: true; usageItems: UsageItem[] } | { ok: false; status: number; message: string };

const answered = (a: { status: number; message: string }) =>
  a.status
    ? `GitHub answered ${a.status}${a.message ? `: ${a.message}` : ''}`
    : `No answer from GitHub${a.message ? ` (${a.message})` : ''}`;

/** What a client that threw (a timeout, a reset connection) amounts to: no answer, status 0. */
const noAnswer = (error: unknown) => ({ ok: false as const, status: 0, message: error instanceof Error ? error.message : String(error) });

function isRateLimited(answer: Pick<GithubAnswer, 'status' | 'message' | 'rateLimited'>): boolean {
  return Boolean(answer.rateLimited) || answer.status === 429 || (answer.status === 403 && /rate limit/i.test(answer.message));
}

export function createPolicyRunner(options: PolicyRunnerOptions): PolicyRunner {
  const { github, store, audit, webhook } = options;
  const clock = options.clock ?? systemClock;
  const perPage = Math.min(options.perPage ?? GITHUB_PAGE_MAX, GITHUB_PAGE_MAX);
  const maxPages = options.maxPages ?? 1_000;
  const log = options.log ?? logEvent;
  // ETag and body of the last 200 of each page read (organisations' pages, members' lists), the
  // least recently used dropped beyond MAX_CACHED_PAGES.
  const pages = new Map<string, CachedPage>();
  const remember = (key: string, page: CachedPage) => {
    pages.delete(key);
    pages.set(key, page);
    if (pages.size > MAX_CACHED_PAGES) pages.delete(pages.keys().next().value!);
  };
  // ETag and items of the last usage report read per organisation and month (monthly budgets).
  const usageReports = new Map<string, { etag: string; usageItems: UsageItem[] }>();
  // Per organisation: its last list (and the pages it came from) and its members' costs, with what they were worked out from.
  const snapshots = new Map<string, { pages: CachedPage[]; codespaces: PolicyCodespace[] }>();
  const memberCosts = new Map<
    string,
    { usageItems: readonly UsageItem[]; codespaces: readonly PolicyCodespace[]; period: string; costs: MemberCosts }
  >();
  const running = new Set<string>();
  let evaluating = false;

  /** One conditional read; a 304 answers with the stored page. A client that throws is an answer with status 0. */
  async function conditionalRead(
    key: string,
    read: (etag: string | undefined) => Promise<CodespacePageAnswer>,
  ): Promise<{ ok: true; page: CachedPage; fresh: boolean } | { ok: false; status: number; message: string; rateLimited?: boolean }> {
    const cached = pages.get(key);
    const answer = await read(cached?.etag).catch(noAnswer);
    if (!answer.ok) return answer;
    if (answer.status === 304) {
      if (!cached) return { ok: false, status: 304, message: 'Not Modified to a read Hangar made without a stored copy' };
      remember(key, cached);
      return { ok: true, page: cached, fresh: false };
    }
    const page = { etag: answer.etag ?? '', codespaces: answer.codespaces, hasNextPage: answer.hasNextPage };
    if (answer.etag) remember(key, page);
    else pages.delete(key);
    return { ok: true, page, fresh: true };
  }

  async function readOrg(org: string): Promise<OrgSnapshot> {
    const read: CachedPage[] = [];
    const reads = { fresh: 0, unchanged: 0 };
    for (let page = 1; ; page++) {
      if (page > maxPages) return { ok: false, status: 0, message: `More than ${maxPages} pages of codespaces` };
      const result = await conditionalRead(`org:${org}:${perPage}:${page}`, (etag) =>
        github.listOrgCodespaces(org, { page, perPage, etag }),
      );
      if (!result.ok) return result;
      reads[result.fresh ? 'fresh' : 'unchanged']++;
      read.push(result.page);
      if (!result.page.hasNextPage) {
        for (const key of pages.keys()) {
          const [kind, keyOrg, keySize, keyPage] = key.split(':');
          if (kind === 'org' && keyOrg === org && Number(keySize) === perPage && Number(keyPage) > page) pages.delete(key);
        }
        return { ok: true, codespaces: snapshotOf(org, read), reads };
      }
    }
  }

  /**
   * The organisation's codespaces from its pages, each once (a codespace that moved between pages
   * while they were read appears on two). The very same list as the last evaluation's when every
   * page is (all `304`s): what is worked out from it (members' costs) is then not worked out again.
   */
  function snapshotOf(org: string, read: CachedPage[]): PolicyCodespace[] {
    const last = snapshots.get(org);
    if (last && last.pages.length === read.length && last.pages.every((page, i) => page === read[i])) return last.codespaces;
    const byName = new Map<string, PolicyCodespace>();
    for (const page of read) for (const codespace of page.codespaces) byName.set(codespace.name, codespace);
    const codespaces = [...byName.values()];
    snapshots.set(org, { pages: read, codespaces });
    return codespaces;
  }

  /**
   * The organisation's usage report for a month, read conditionally: the report of a large
   * organisation is big, and GitHub answers an unchanged one `304`, reused as last read.
   */
  async function readUsageReport(org: string, year: number, month: number): Promise<UsageReportRead> {
    const key = `${org.toLowerCase()}:${year}-${month}`;
    const cached = usageReports.get(key);
    const answer = await github.orgBillingUsage(org, { year, month, etag: cached?.etag }).catch(noAnswer);
    if (!answer.ok) return answer;
    if (answer.status === 304) {
      if (!cached) return { ok: false, status: 304, message: 'Not Modified to a read Hangar made without a stored copy' };
      return { ok: true, usageItems: cached.usageItems };
    }
    usageReports.delete(key);
    if (answer.etag) usageReports.set(key, { etag: answer.etag, usageItems: answer.usageItems });
    if (usageReports.size > MAX_CACHED_REPORTS) usageReports.delete(usageReports.keys().next().value!);
    return { ok: true, usageItems: answer.usageItems };
  }

  async function readMemberCosts(org: string, snapshot: () => Promise<OrgSnapshot>, now: Date): Promise<MemberCosts> {
    const month = now.toISOString().slice(0, 7);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const [usage, codespaces] = await Promise.all([readUsageReport(org, year, monthNumber), snapshot()]);
    if (!usage.ok) return { known: false, why: `Cost this month unknown: ${answered(usage)} to the billing usage report` };
    if (!codespaces.ok) return { known: false, why: `Cost this month unknown: ${answered(codespaces)}` };
    // The usage page's own model: GitHub's report for the month, spread over members by their codespaces.
    const period = monthPeriod(month, now);
    const key = `${period.from}:${period.to}`;
    const last = memberCosts.get(org);
    // The same report (a 304) over the same codespaces (every page a 304): the same costs, not worked out again.
    if (last && last.usageItems === usage.usageItems && last.codespaces === codespaces.codespaces && last.period === key) return last.costs;
    const { members } = estimateMemberCosts(summarizeUsage(usage.usageItems, period).items, codespaces.codespaces, period.from);
    const costs: MemberCosts = { known: true, byMember: new Map(members.map((m) => [m.member.toLowerCase(), m.total])) };
    memberCosts.set(org, { usageItems: usage.usageItems, codespaces: codespaces.codespaces, period: key, costs });
    return costs;
  }

  function orgContext(org: string): OrgContext {
    let read: Promise<OrgSnapshot> | undefined;
    const snapshot = () => (read ??= readOrg(org));
    let costs: Promise<MemberCosts> | undefined;
    return {
      org,
      snapshot,
      snapshotIfRead: () => read ?? null,
      memberCosts: (now) => (costs ??= readMemberCosts(org, snapshot, now)),
      actedOn: new Map(),
    };
  }

  async function decideFor(context: OrgContext, policy: Pick<PolicyDefinition, 'rule' | 'exempt'>, now: Date) {
    const snapshot = await context.snapshot();
    if (!snapshot.ok) return { ok: false as const, message: `Could not read the organisation's codespaces: ${answered(snapshot)}` };
    const memberCosts = policy.rule.kind === 'monthly-budget' ? await context.memberCosts(now) : undefined;
    return { ok: true as const, snapshot, memberCosts, decision: decide(policy, snapshot.codespaces, { now, memberCosts }) };
  }

  type Recheck = { proceed: true; note: string | null } | { proceed: false; why: string; failure: boolean; rateLimited?: boolean };

  /** The codespace as GitHub has it now; judged again if it changed since the decision. */
  async function recheck(
    org: string,
    policy: StoredPolicy,
    action: PlannedAction,
    decided: PolicyCodespace,
    memberCosts: MemberCosts | undefined,
  ): Promise<Recheck> {
    const fresh = await conditionalRead(`member:${org}:${action.member.toLowerCase()}`, (etag) =>
      github.listMemberCodespaces(org, action.member, { etag }),
    );
    if (!fresh.ok)
      return {
        proceed: false,
        why: `Could not re-check it: ${answered(fresh)}`,
        failure: fresh.status === 0 || fresh.status >= 500,
        rateLimited: isRateLimited(fresh),
      };
    const current = fresh.page.codespaces.find((c) => c.name === action.codespace);
    if (!current) return { proceed: false, why: 'It no longer exists', failure: false };
    if (codespaceFingerprint(current) === codespaceFingerprint(decided)) return { proceed: true, note: null };
    const verdict = judgeCodespace(policy, current, { now: clock.now(), memberCosts });
    if (verdict.outcome === 'act' && verdict.action === action.action)
      return { proceed: true, note: `Changed since the decision; re-checked: ${verdict.reason}` };
    const why = verdict.outcome === 'exempt' ? verdict.exemptBecause : verdict.reason;
    return { proceed: false, why: `Changed since the decision and no longer qualifies: ${why}`, failure: false };
  }

  async function act(
    context: OrgContext,
    policy: StoredPolicy,
    runId: string,
    planned: PlannedAction[],
    decided: Map<string, PolicyCodespace>,
    memberCosts: MemberCosts | undefined,
  ): Promise<{ writes: WriteOutcome[]; skipped: SkippedAction[]; interrupted: string | null }> {
    const { org } = context;
    const pacer = createWritePacer({
      maxInFlight: options.maxWritesInFlight ?? MAX_WRITES_IN_FLIGHT,
      minSpacingMs: options.writeSpacingMs ?? DEFAULT_WRITE_SPACING_MS,
      clock,
    });
    const writes: WriteOutcome[] = [];
    const skipped: SkippedAction[] = [];
    let interrupted: string | null = null;
    let failuresInARow = 0;
    const skip = (action: PlannedAction, why: string) =>
      skipped.push({ codespace: action.codespace, displayName: action.displayName, member: action.member, action: action.action, why });
    const noteFailure = (answer: { status: number; message: string }) => {
      failuresInARow++;
      if (failuresInARow >= FAILURES_IN_A_ROW && !interrupted)
        interrupted = `GitHub failed ${FAILURES_IN_A_ROW} requests in a row (last: ${answered(answer)})`;
    };

    await Promise.all(
      planned.map((action) =>
        pacer.run(async (startWrite) => {
          const key = `${org}/${action.codespace}`;
          if (interrupted) return skip(action, `Not attempted: ${interrupted}`);
          const earlier = context.actedOn.get(key);
          if (earlier) return skip(action, `Already acted on by policy “${earlier}” in this evaluation`);
          const check = await recheck(org, policy, action, decided.get(action.codespace)!, memberCosts);
          if (!check.proceed) {
            if (check.rateLimited) interrupted ??= `GitHub asked Hangar to slow down (${check.why})`;
            else if (check.failure) noteFailure({ status: 0, message: check.why });
            return skip(action, check.why);
          }
          await startWrite();
          if (interrupted) return skip(action, `Not attempted: ${interrupted}`);
          context.actedOn.set(key, policy.name);
          const at = clock.now();
          let answer: GithubAnswer;
          try {
            answer = await (action.action === 'stop' ? github.stopMemberCodespace : github.deleteMemberCodespace).call(
              github,
              org,
              action.member,
              action.codespace,
            );
          } catch (error) {
            answer = noAnswer(error);
          }
          writes.push({ ...action, at, ok: answer.ok, status: answer.status, answer: answer.message, recheck: check.note });

          if (isRateLimited(answer)) interrupted ??= `GitHub asked Hangar to slow down (${answered(answer)})`;
          else if (answer.status === 0 || answer.status >= 500) noteFailure(answer);
          else failuresInARow = 0;

          try {
            await audit.append({
              at,
              org,
              actor: policyActor(policy.name),
              action: action.action === 'stop' ? 'codespace.stop' : 'codespace.delete',
              codespace: action.codespace,
              displayName: action.displayName,
              member: action.member,
              // Status 0 is no answer at all: the log has no status then, and says what happened.
              githubStatus: answer.status || null,
              githubAnswer: answer.message,
              details: { policyId: policy.id, runId },
            });
          } catch (error) {
            // Nothing more is done that cannot be recorded.
            interrupted ??= 'The audit log could not record an action';
            log('error', 'policy.audit-failed', {
              org,
              policy: policy.id,
              codespace: action.codespace,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        }),
      ),
    );
    // Writes finish in any order; the record lists them in the decision's order.
    const order = new Map(planned.map((a, i) => [a.codespace, i]));
    writes.sort((a, b) => order.get(a.codespace)! - order.get(b.codespace)!);
    skipped.sort((a, b) => order.get(a.codespace)! - order.get(b.codespace)!);
    return { writes, skipped, interrupted };
  }

  async function finish(run: Omit<PolicyRunRecord, 'summary' | 'finishedAt' | 'webhook'>): Promise<PolicyRunRecord> {
    const record: PolicyRunRecord = { ...run, summary: runSummary(run), finishedAt: clock.now(), webhook: null };
    if (record.writes.length > 0) {
      try {
        const url = await store.webhookUrl(record.org);
        if (url) {
          record.webhook = await webhook.post(url, record.summary);
          if (!record.webhook.ok)
            log('warn', 'policy.webhook-failed', { org: record.org, policy: record.policyId, message: record.webhook.message });
        }
      } catch (error) {
        record.webhook = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    }
    await store.recordRun(record);
    return record;
  }

  async function runWith(context: OrgContext, policy: StoredPolicy, trigger: 'scheduled' | 'manual', now: Date): Promise<RunResult> {
    if (running.has(policy.id)) return { ran: false, why: 'It is already running' };
    running.add(policy.id);
    const base = {
      id: randomUUID(),
      policyId: policy.id,
      org: context.org,
      policyName: policy.name,
      kind: policy.rule.kind,
      trigger,
      evaluatedAt: now,
      startedAt: clock.now(),
      writes: [],
      skipped: [],
      kept: [],
      exempt: [],
      notes: [],
      error: null,
    } satisfies Partial<PolicyRunRecord>;
    try {
      if (trigger === 'scheduled' && policy.rule.kind === 'quiet-hours') {
        const since = new Date(Math.max(policy.lastEvaluatedAt?.getTime() ?? 0, policy.updatedAt.getTime()));
        const timing = quietHoursTiming(policy.rule, { since, now, catchUpMs: options.quietHoursCatchUpMs ?? DEFAULT_CATCH_UP_MS });
        if (timing.missed) {
          const late = Math.round(timing.lateByMs / 60_000);
          const note = `Missed ${formatOccurrence(timing.occurrence, policy.rule.timeZone)} by ${late} minutes (Hangar was not evaluating); next: ${timing.next ? formatOccurrence(timing.next, policy.rule.timeZone) : 'none'}`;
          return { ran: true, run: await finish({ ...base, status: 'missed', notes: [note] }) };
        }
        if (!timing.due)
          return { ran: false, why: `Not due; next at ${timing.next ? formatOccurrence(timing.next, policy.rule.timeZone) : 'no time'}` };
      }

      const decided = await decideFor(context, policy, now);
      if (!decided.ok) return { ran: true, run: await finish({ ...base, status: 'failed', error: decided.message }) };
      const { decision, snapshot, memberCosts } = decided;
      const shared = { kept: decision.kept, exempt: decision.exempt, notes: decision.notes };
      if (decision.actions.length === 0 && trigger === 'scheduled') {
        await store.markEvaluated(policy.id, now);
        return { ran: false, why: 'Nothing to do' };
      }
      const byName = new Map(snapshot.codespaces.map((c) => [c.name, c]));
      const { writes, skipped, interrupted } = await act(context, policy, base.id, decision.actions, byName, memberCosts);
      const status: RunStatus = interrupted ? 'interrupted' : 'completed';
      return {
        ran: true,
        run: await finish({
          ...base,
          ...shared,
          writes,
          skipped,
          status,
          notes: interrupted ? [...shared.notes, interrupted] : shared.notes,
        }),
      };
    } catch (error) {
      // Recorded, not retried: the next interval runs it again.
      const message = error instanceof Error ? error.message : String(error);
      log('error', 'policy.run-failed', { org: context.org, policy: policy.id, error: message });
      try {
        return { ran: true, run: await finish({ ...base, status: 'failed', error: message }) };
      } catch (recordError) {
        log('error', 'policy.record-failed', {
          org: context.org,
          policy: policy.id,
          error: recordError instanceof Error ? recordError.message : String(recordError),
        });
        return { ran: false, why: `Failed (${message}), and the failure could not be recorded` };
      }
    } finally {
      running.delete(policy.id);
    }
  }

  return {
    async previewPolicy(org, policy, now) {
      const decided = await decideFor(orgContext(org), policy, now);
      if (!decided.ok) return { ok: false, message: decided.message };
      const next = policy.rule.kind === 'quiet-hours' ? nextOccurrence(policy.rule, now) : null;
      return {
        ok: true,
        decision: decided.decision,
        nextOccurrence:
          next && policy.rule.kind === 'quiet-hours' ? { at: next, words: formatOccurrence(next, policy.rule.timeZone) } : null,
      };
    },

    runPolicy(org, policy, trigger, now) {
      return runWith(orgContext(org), policy, trigger, now);
    },

    async evaluateAllPolicies(now) {
      if (evaluating) return { skipped: true, why: 'The previous evaluation is still running' };
      evaluating = true;
      const startedAt = clock.now();
      try {
        const orgs: OrgEvaluation[] = [];
        for (const org of await store.orgsWithEnabledPolicies()) {
          const context = orgContext(org);
          const evaluation: OrgEvaluation = { org, reads: null, policies: [] };
          orgs.push(evaluation);
          let policies: StoredPolicy[];
          try {
            policies = await store.enabledPolicies(org);
          } catch (error) {
            log('error', 'policy.store-failed', { org, error: error instanceof Error ? error.message : String(error) });
            continue;
          }
          for (const policy of policies) {
            const result = await runWith(context, policy, 'scheduled', now);
            evaluation.policies.push({ policyId: policy.id, name: policy.name, outcome: result.ran ? result.run.status : result.why });
          }
          // Read only if some policy needed the list: quiet hours that are not due read nothing.
          const snapshot = await context.snapshotIfRead();
          evaluation.reads = snapshot?.ok ? snapshot.reads : null;
        }
        return { skipped: false, startedAt, finishedAt: clock.now(), orgs };
      } finally {
        evaluating = false;
      }
    },
  };
}
