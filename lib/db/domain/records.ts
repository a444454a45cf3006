import { z } from 'zod';
import { ACCOUNT_NAME } from '@/lib/github/names';
import { RUN_OUTCOMES, RUN_TRIGGERS } from '../schema';

/**
 * What may be written to Hangar's database, checked before anything is: the repositories
 * (policies.server.ts, audit-log.server.ts) parse every input with these. Pure.
 */

/** An organisation, stored lower case: GitHub's logins are not case-sensitive, and one org is one row. */
export const orgLogin = z
  .string()
  .regex(ACCOUNT_NAME, 'Not a GitHub organisation name')
  .transform((login) => login.toLowerCase());

export const personLogin = z.string().regex(ACCOUNT_NAME, 'Not a GitHub login');

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const policyName = z
  .string()
  .trim()
  .min(1, 'Give the policy a name')
  .max(100, 'At most 100 characters')
  .regex(NO_CONTROL_CHARACTERS, 'No control characters');

/** Policy kinds are named by the policy rules (lib/policies); here only their form is checked. */
const policyKind = z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'Not a policy kind');

const jsonObject = z.record(z.string(), z.json());

const policyExemptions = z.strictObject({
  members: z.array(personLogin).max(1000),
  codespaces: z.array(z.string().min(1).max(100)).max(1000),
});

const NO_EXEMPTIONS = { members: [], codespaces: [] };

export const newPolicy = z.strictObject({
  org: orgLogin,
  name: policyName,
  kind: policyKind,
  settings: jsonObject,
  enabled: z.boolean(),
  exemptions: policyExemptions.default(NO_EXEMPTIONS),
  /** Who creates it (a login). */
  by: personLogin,
});
export type NewPolicy = z.input<typeof newPolicy>;

export const policyChanges = z.strictObject({
  name: policyName.optional(),
  settings: jsonObject.optional(),
  enabled: z.boolean().optional(),
  exemptions: policyExemptions.optional(),
  by: personLogin,
});
export type PolicyChanges = z.input<typeof policyChanges>;

export const policyId = z.uuid('Not a policy id');

/** An http(s) URL, or none. Which hosts a webhook may reach is the webhook guard's to say (lib/policies). */
export const webhookUrl = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'An http or https URL' }))
  .nullable();

export const organisationSettingsInput = z.strictObject({ webhookUrl, by: personLogin });
export type OrganisationSettingsInput = z.input<typeof organisationSettingsInput>;

const githubStatus = z.number().int().min(100).max(599).nullable();
/** GitHub's answer, as much of it as an operator needs to read (its `message`): bounded. */
const githubAnswer = z.string().max(2000).nullable();
const codespaceName = z.string().min(1).max(100);

const runAction = z.strictObject({
  action: z.enum(['stop', 'delete', 'keep']),
  codespace: codespaceName,
  displayName: z.string().max(100).nullable(),
  member: personLogin,
  githubStatus,
  githubAnswer,
});

const runFailure = z.strictObject({
  message: z.string().min(1).max(2000),
  codespace: codespaceName.nullable(),
  member: personLogin.nullable(),
  githubStatus,
});

export const newPolicyRun = z
  .strictObject({
    policyId,
    org: orgLogin,
    startedAt: z.date(),
    finishedAt: z.date(),
    trigger: z.enum(RUN_TRIGGERS),
    outcome: z.enum(RUN_OUTCOMES),
    actions: z.array(runAction).max(10_000),
    failures: z.array(runFailure).max(10_000),
  })
  .refine((run) => run.finishedAt >= run.startedAt, { message: 'A run finishes after it starts', path: ['finishedAt'] });
export type NewPolicyRun = z.input<typeof newPolicyRun>;

// ---------- the audit log ----------

const POLICY_ACTOR = 'policy: ';

/** The audit log's actor for what a policy did: `policy: <name>`. */
export function policyActor(name: string): string {
  return `${POLICY_ACTOR}${name}`;
}

/** A person's login, or `policy: <name>`. */
export const auditActor = z.union([
  personLogin,
  z
    .string()
    .startsWith(POLICY_ACTOR)
    .refine((actor) => policyName.safeParse(actor.slice(POLICY_ACTOR.length)).success, 'Not a policy name'),
]);

/** What was done, as a short dotted name, e.g. `codespace.stop`, `secret.update`. */
export const auditAction = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*$/, 'Not an action name')
  .max(64);

export const newAuditEntry = z.strictObject({
  org: orgLogin,
  actor: auditActor,
  action: auditAction,
  /** When it happened; the database's clock when omitted. */
  at: z.date().optional(),
  codespace: codespaceName.nullable().default(null),
  member: personLogin.nullable().default(null),
  githubStatus: githubStatus.default(null),
  githubAnswer: githubAnswer.default(null),
  details: jsonObject.nullable().default(null),
});
export type NewAuditEntry = z.input<typeof newAuditEntry>;

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 500;

/**
 * One page of an organisation's audit log, newest first, optionally of one actor or one action.
 * `before` continues a list: entries appended before the one with that id (the previous page's
 * `nextBefore`), so a page never repeats or skips an entry while new ones arrive.
 */
export const auditQuery = z.strictObject({
  actor: auditActor.optional(),
  action: auditAction.optional(),
  before: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
});
export type AuditQuery = z.input<typeof auditQuery>;
