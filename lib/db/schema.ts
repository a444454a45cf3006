/**
 * Hangar's tables, one schema for both databases it runs on: the embedded PostgreSQL (PGlite) and a
 * PostgreSQL server (DATABASE_URL). drizzle-kit generates the SQL migrations in lib/db/migrations
 * from this file (`npm run db:generate`); the audit log's append-only rule is a hand-written
 * migration there (a trigger), since a schema cannot say it.
 *
 * No `server-only` here: drizzle-kit loads this file outside Next. Nothing in the browser imports it.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Milliseconds, as JavaScript keeps time: a value read back is the value written. */
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who and what a policy leaves alone: members by login, codespaces by name. */
export interface PolicyExemptions {
  members: string[];
  codespaces: string[];
}

/** An organisation's settings for its policies. */
export const organisationPolicySettings = pgTable('organisation_policy_settings', {
  /** The organisation's login, lower case (GitHub's logins are not case-sensitive). */
  org: text('org').primaryKey(),
  /** Where a run that acted posts its summary (Slack or Teams incoming webhook), if anywhere. */
  webhookUrl: text('webhook_url'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    org: text('org').notNull(),
    name: text('name').notNull(),
    /** The policy kind (idle limit, quiet hours, …), whose rules read `settings`. */
    kind: text('kind').notNull(),
    settings: jsonb('settings').$type<JsonObject>().notNull(),
    enabled: boolean('enabled').notNull().default(false),
    exemptions: jsonb('exemptions').$type<PolicyExemptions>().notNull().default({ members: [], codespaces: [] }),
    createdBy: text('created_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** The `now` of its last scheduled evaluation that finished (the runner's `lastEvaluatedAt`). */
    lastEvaluatedAt: instant('last_evaluated_at'),
  },
  (t) => [
    // The audit log names a policy by its name (`policy: <name>`): one name, one policy, per organisation.
    uniqueIndex('policies_org_name_key').on(t.org, sql`lower(${t.name})`),
    index('policies_enabled_idx').on(t.enabled),
  ],
);

/** How a run was started: by the schedule, or by an owner's **Run now**. */
export const RUN_TRIGGERS = ['scheduled', 'manual'] as const;
/** How a run ended (lib/policies/ports.ts says what each means). */
export const RUN_STATUSES = ['completed', 'interrupted', 'failed', 'missed'] as const;

/**
 * One run of a policy as the runner records it: when and why, how it ended, its summary in words,
 * and what it did to each codespace (`record`: writes with GitHub's answers, skipped, kept, exempt,
 * notes, error, the webhook's answer), which lib/policies reads back with its own schema.
 */
export const policyRuns = pgTable(
  'policy_runs',
  {
    id: uuid('id').primaryKey(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    org: text('org').notNull(),
    /** The policy's name and kind when it ran (it may be renamed since). */
    policyName: text('policy_name').notNull(),
    kind: text('kind').notNull(),
    trigger: text('trigger').$type<(typeof RUN_TRIGGERS)[number]>().notNull(),
    status: text('status').$type<(typeof RUN_STATUSES)[number]>().notNull(),
    evaluatedAt: instant('evaluated_at').notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at').notNull(),
    summary: text('summary').notNull(),
    record: jsonb('record').$type<JsonObject>().notNull(),
  },
  (t) => [
    index('policy_runs_policy_started_idx').on(t.policyId, t.startedAt.desc()),
    index('policy_runs_org_started_idx').on(t.org, t.startedAt.desc()),
    check('policy_runs_trigger_check', sql`${t.trigger} in ('scheduled', 'manual')`),
    check('policy_runs_status_check', sql`${t.status} in ('completed', 'interrupted', 'failed', 'missed')`),
  ],
);

/**
 * Every change Hangar made to an organisation's codespaces and settings. Append-only: no code path
 * updates or deletes a row, and a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Append order: the log reads newest first by it. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    org: text('org').notNull(),
    at: instant('at').notNull().defaultNow(),
    /** A person's login, or `policy: <name>`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    codespace: text('codespace'),
    /** The codespace's display name when it was acted on (its name is what GitHub knows it by). */
    displayName: text('display_name'),
    member: text('member'),
    /** GitHub's HTTP status and the gist of its answer (its `message`), when GitHub was asked. */
    githubStatus: integer('github_status'),
    githubAnswer: text('github_answer'),
    details: jsonb('details').$type<JsonObject>(),
  },
  (t) => [
    index('audit_log_org_id_idx').on(t.org, t.id.desc()),
    index('audit_log_org_actor_idx').on(t.org, t.actor),
    index('audit_log_org_action_idx').on(t.org, t.action),
  ],
);
