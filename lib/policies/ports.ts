import type { NewAuditEntry } from '@/lib/audit/domain/entry';
import type { UsageItem } from '@/lib/usage/domain/usage-report';
import type { CodespaceRef, ExemptCodespace, KeptCodespace, PolicyAction, PolicyCodespace } from './domain/decide';
import type { PolicyDefinition, PolicyKind } from './domain/schemas';

/**
 * What the policy runner needs from the rest of Hangar, as small interfaces (ports), so it is
 * tested with fakes and wired to the real database, GitHub App client and scheduler in one place.
 * Types only: nothing here does I/O.
 */

// ─── GitHub, as Hangar's GitHub App on the organisation (installation token, /orgs/{org}/… only) ───

/** GitHub's answer to one request: its status (0 when none came: timeout, network) and message. */
export interface GithubAnswer {
  ok: boolean;
  status: number;
  /** GitHub's `message`, or the status text; for status 0, what went wrong. */
  message: string;
  /**
   * GitHub said to slow down: 429, or 403 with `retry-after` or `x-ratelimit-remaining: 0`
   * (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api). The runner also
   * treats a 429, and a 403 whose message mentions a rate limit, as this.
   */
  rateLimited?: boolean;
}

/** One page of codespaces, or `304 Not Modified` for a conditional read whose ETag still matches. */
export type CodespacePageAnswer =
  | { ok: true; status: 200; etag: string | null; codespaces: PolicyCodespace[]; hasNextPage: boolean }
  | { ok: true; status: 304 }
  | { ok: false; status: number; message: string; rateLimited?: boolean };

/** The month's usage report, or `304 Not Modified` for a conditional read whose ETag still matches. */
export type BillingUsageAnswer =
  | { ok: true; status: 200; etag: string | null; usageItems: UsageItem[] }
  | { ok: true; status: 304 }
  | { ok: false; status: number; message: string };

export interface OrgGithub {
  /**
   * `GET /orgs/{org}/codespaces?per_page={perPage}&page={page}`, with `If-None-Match: {etag}`
   * when an ETag is given. `hasNextPage` from the `Link` header's `rel="next"`. Codespaces that
   * cannot be read are left out (e.g. `readCodespacePage` in lib/codespaces/read-schemas.ts).
   * A `304` costs nothing against the primary rate limit
   * (docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
   */
  listOrgCodespaces(org: string, request: { page: number; perPage: number; etag?: string }): Promise<CodespacePageAnswer>;
  /**
   * `GET /orgs/{org}/members/{username}/codespaces?per_page=100`, conditional likewise: the fresh
   * state a codespace is re-checked against just before a write. One page: a codespace beyond the
   * first hundred of its member is taken as gone, and left alone.
   */
  listMemberCodespaces(org: string, member: string, request: { etag?: string }): Promise<CodespacePageAnswer>;
  /**
   * `POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop`. Made **once**: the
   * client must not retry it (Octokit's retry plugin retries 5xx; pass `request: { retries: 0 }`).
   */
  stopMemberCodespace(org: string, member: string, codespace: string): Promise<GithubAnswer>;
  /** `DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}`. Made once, likewise. */
  deleteMemberCodespace(org: string, member: string, codespace: string): Promise<GithubAnswer>;
  /**
   * `GET /organizations/{org}/settings/billing/usage?year=&month=`: the report the usage page
   * reads, for monthly budgets only. GitHub asks for the *Administration* (read) organisation
   * permission here; without it the answer is a 403 and budgets act on nothing, saying why.
   * With `If-None-Match: {etag}` when an ETag is given: a report of 10,000 codespaces' month is
   * large, and an unchanged one is then a `304`, neither sent nor read again.
   */
  orgBillingUsage(org: string, request: { year: number; month: number; etag?: string }): Promise<BillingUsageAnswer>;
}

// ─── The database ───

/** A saved policy, as the store gives it to the runner. */
export interface StoredPolicy extends PolicyDefinition {
  id: string;
  org: string;
  /** Last saved, enabled or disabled: a quiet-hours occurrence before this is not acted on. */
  updatedAt: Date;
  /**
   * The `now` of this policy's last scheduled evaluation that finished: a `markEvaluated`, or the
   * `evaluatedAt` of a recorded scheduled run whose status is `completed` or `missed` (not `failed` or `interrupted`, which the
   * next interval retries). Null if it never finished one.
   */
  lastEvaluatedAt: Date | null;
}

/** A policy as the policies page shows it: the runner's, and who made and last changed it. */
export interface SavedPolicy extends StoredPolicy {
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
}

export interface WriteOutcome extends CodespaceRef {
  action: PolicyAction;
  /** Why the policy acted, in words. */
  reason: string;
  at: Date;
  ok: boolean;
  /** GitHub's status (0 when no answer came) and answer. */
  status: number;
  answer: string;
  /** Set when the codespace changed after the decision and was judged again before acting. */
  recheck: string | null;
}

export interface SkippedAction extends CodespaceRef {
  action: PolicyAction;
  /** Why the planned action was not made: it changed and no longer qualifies, GitHub asked to slow down… */
  why: string;
}

export type RunStatus =
  /** Every planned action was attempted (some may have failed: see `writes`). */
  | 'completed'
  /** Writes stopped early (GitHub asked to slow down, or kept failing); the next interval retries. */
  | 'interrupted'
  /** The run could not decide (GitHub unreadable, an error); the next interval retries. */
  | 'failed'
  /** A quiet-hours occurrence passed while nothing evaluated; reported, not acted on. */
  | 'missed';

export interface PolicyRunRecord {
  id: string;
  policyId: string;
  org: string;
  policyName: string;
  kind: PolicyKind;
  trigger: 'scheduled' | 'manual';
  /**
   * The evaluation's `now`: what the decision was made for, and what `lastEvaluatedAt` takes
   * from a finished scheduled run (not `startedAt`, which may be later when many organisations
   * are evaluated in turn: an occurrence between the two would otherwise never act).
   */
  evaluatedAt: Date;
  startedAt: Date;
  finishedAt: Date;
  status: RunStatus;
  /** The run in words: what the webhook receives and the runs list shows. */
  summary: string;
  writes: WriteOutcome[];
  skipped: SkippedAction[];
  kept: KeptCodespace[];
  exempt: ExemptCodespace[];
  notes: string[];
  error: string | null;
  /** The webhook's answer when the run acted and the organisation has one; null otherwise. */
  webhook: { ok: boolean; status?: number; message?: string } | null;
}

export interface PolicyStore {
  /** Organisations with at least one enabled policy. */
  orgsWithEnabledPolicies(): Promise<string[]>;
  enabledPolicies(org: string): Promise<StoredPolicy[]>;
  /** The organisation's webhook URL, as saved on the policies page (validated), or null. */
  webhookUrl(org: string): Promise<string | null>;
  /** A run that did or tried something, failed, missed, or was asked for (Run now). */
  recordRun(run: PolicyRunRecord): Promise<void>;
  /** A scheduled evaluation that finished with nothing to do: only moves `lastEvaluatedAt`. */
  markEvaluated(policyId: string, at: Date): Promise<void>;
}

/**
 * The organisation's audit log (lib/audit), append-only. A policy's writes are entries with the
 * actor `policy: <name>`, the action `codespace.stop` or `codespace.delete`, and GitHub's answer.
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<unknown>;
}

// ─── The webhook and time ───

export interface Webhook {
  /** Posts `{ "text": text }` to `url` once (`postWebhook` in webhook.server.ts). Never throws. */
  post(url: string, text: string): Promise<{ ok: boolean; status?: number; message?: string }>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}
