import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { orgLogin } from '@/lib/audit/domain/entry';
import { database, type HangarDatabase } from '@/lib/db/database.server';
import { organisationPolicySettings, policies, policyRuns, type JsonObject } from '@/lib/db/schema';
import { ACCOUNT_NAME } from '@/lib/github/names';
import { policyDefinitionSchema, policyRuleSchema, exemptionsSchema, type PolicyDefinition, type PolicyRule } from './domain/schemas';
import type { PolicyRunRecord, PolicyStore, SavedPolicy, WriteOutcome } from './ports';

/**
 * Organisations' policies, their webhook URL and their runs, in Hangar's database: the runner's
 * `PolicyStore` port, and what the policies page reads and changes. One shape of a policy (the
 * rules' `PolicyDefinition`, lib/policies/domain/schemas.ts) and of a run (`PolicyRunRecord`):
 * every definition is parsed with the rules' schema before it is written, and again when read.
 * A row keeps a rule's kind in a column of its own (`kind`) and its settings beside it.
 */

/** Another policy of the organisation has this name (names are unique per organisation, ignoring case). */
export class PolicyNameTaken extends Error {
  constructor(readonly policyName: string) {
    super(`A policy named “${policyName}” already exists in this organisation.`);
    this.name = 'PolicyNameTaken';
  }
}

const UNIQUE_VIOLATION = '23505';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Drizzle wraps the driver's error; PostgreSQL's SQLSTATE is on the cause (both drivers). */
function sqlState(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = cause?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

async function nameTaken<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new PolicyNameTaken(name);
    throw error;
  }
}

const person = (login: string) => {
  if (!ACCOUNT_NAME.test(login)) throw new TypeError(`Not a GitHub login: ${login}`);
  return login;
};

type PolicyRow = typeof policies.$inferSelect;
type RunRow = typeof policyRuns.$inferSelect;

/** A rule as a row keeps it: its kind in a column, its settings beside it. */
function ruleColumns(rule: PolicyRule): { kind: string; settings: JsonObject } {
  const { kind, ...settings } = rule;
  return { kind, settings: settings as JsonObject };
}

function savedPolicy(row: PolicyRow): SavedPolicy {
  return {
    id: row.id,
    org: row.org,
    name: row.name,
    enabled: row.enabled,
    // Parsed as a form's input is: a row that is not a rule any more fails loudly, never acts.
    rule: policyRuleSchema.parse({ ...row.settings, kind: row.kind }),
    exempt: exemptionsSchema.parse(row.exemptions),
    updatedAt: row.updatedAt,
    lastEvaluatedAt: row.lastEvaluatedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
  };
}

type RunDetails = Pick<PolicyRunRecord, 'writes' | 'skipped' | 'kept' | 'exempt' | 'notes' | 'error' | 'webhook'>;

function runRecord(row: RunRow): PolicyRunRecord {
  const details = row.record as unknown as RunDetails;
  return {
    id: row.id,
    policyId: row.policyId,
    org: row.org,
    policyName: row.policyName,
    kind: row.kind as PolicyRunRecord['kind'],
    trigger: row.trigger,
    evaluatedAt: row.evaluatedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    status: row.status,
    summary: row.summary,
    writes: details.writes.map((write): WriteOutcome => ({ ...write, at: new Date(write.at) })),
    skipped: details.skipped,
    kept: details.kept,
    exempt: details.exempt,
    notes: details.notes,
    error: details.error,
    webhook: details.webhook,
  };
}

/** What the policies page and the runner need of the database. */
export interface PolicyRepository extends PolicyStore {
  create(org: string, definition: PolicyDefinition, by: string): Promise<SavedPolicy>;
  /** The changed policy, or null when the organisation has no such policy. */
  update(org: string, id: string, definition: PolicyDefinition, by: string): Promise<SavedPolicy | null>;
  setEnabled(org: string, id: string, enabled: boolean, by: string): Promise<SavedPolicy | null>;
  get(org: string, id: string): Promise<SavedPolicy | null>;
  /** An organisation's policies, by name. */
  list(org: string): Promise<SavedPolicy[]>;
  remove(org: string, id: string): Promise<boolean>;
  /** Saves (or, with null, clears) the organisation's webhook URL, checked by the caller (webhookUrlSchema and the DNS guard). */
  saveWebhookUrl(org: string, url: string | null, by: string): Promise<void>;
  /** A policy's runs, newest first. */
  runs(org: string, policyId: string, options?: { limit?: number }): Promise<PolicyRunRecord[]>;
  /** The latest run of each of an organisation's policies, by policy id. */
  latestRuns(org: string): Promise<Map<string, PolicyRunRecord>>;
}

export function policyRepository(db: HangarDatabase): PolicyRepository {
  const inOrg = (org: string, id: string) => and(eq(policies.org, orgLogin.parse(org)), eq(policies.id, id));

  const finished = (policyId: string, at: Date) => db.update(policies).set({ lastEvaluatedAt: at }).where(eq(policies.id, policyId));

  return {
    async create(org, definition, by) {
      const policy = policyDefinitionSchema.parse(definition);
      const [created] = await nameTaken(policy.name, () =>
        db
          .insert(policies)
          .values({
            org: orgLogin.parse(org),
            name: policy.name,
            ...ruleColumns(policy.rule),
            enabled: policy.enabled,
            exemptions: policy.exempt,
            createdBy: person(by),
            updatedBy: by,
          })
          .returning(),
      );
      return savedPolicy(created!);
    },

    async update(org, id, definition, by) {
      const policy = policyDefinitionSchema.parse(definition);
      if (!UUID.test(id)) return null;
      const [updated] = await nameTaken(policy.name, () =>
        db
          .update(policies)
          .set({
            name: policy.name,
            ...ruleColumns(policy.rule),
            enabled: policy.enabled,
            exemptions: policy.exempt,
            updatedBy: person(by),
            updatedAt: sql`now()`,
          })
          .where(inOrg(org, id))
          .returning(),
      );
      return updated ? savedPolicy(updated) : null;
    },

    async setEnabled(org, id, enabled, by) {
      if (!UUID.test(id)) return null;
      const [updated] = await db
        .update(policies)
        .set({ enabled, updatedBy: person(by), updatedAt: sql`now()` })
        .where(inOrg(org, id))
        .returning();
      return updated ? savedPolicy(updated) : null;
    },

    async get(org, id) {
      if (!UUID.test(id)) return null;
      const [found] = await db.select().from(policies).where(inOrg(org, id));
      return found ? savedPolicy(found) : null;
    },

    async list(org) {
      const rows = await db
        .select()
        .from(policies)
        .where(eq(policies.org, orgLogin.parse(org)))
        .orderBy(sql`lower(${policies.name})`);
      return rows.map(savedPolicy);
    },

    async remove(org, id) {
      if (!UUID.test(id)) return false;
      const removed = await db.delete(policies).where(inOrg(org, id)).returning({ id: policies.id });
      return removed.length > 0;
    },

    async orgsWithEnabledPolicies() {
      const rows = await db.selectDistinct({ org: policies.org }).from(policies).where(eq(policies.enabled, true)).orderBy(policies.org);
      return rows.map((row) => row.org);
    },

    async enabledPolicies(org) {
      const rows = await db
        .select()
        .from(policies)
        .where(and(eq(policies.org, orgLogin.parse(org)), eq(policies.enabled, true)))
        .orderBy(policies.createdAt);
      return rows.map(savedPolicy);
    },

    async webhookUrl(org) {
      const [found] = await db
        .select({ webhookUrl: organisationPolicySettings.webhookUrl })
        .from(organisationPolicySettings)
        .where(eq(organisationPolicySettings.org, orgLogin.parse(org)));
      return found?.webhookUrl ?? null;
    },

    async saveWebhookUrl(org, webhookUrl, by) {
      await db
        .insert(organisationPolicySettings)
        .values({ org: orgLogin.parse(org), webhookUrl, updatedBy: person(by) })
        .onConflictDoUpdate({ target: organisationPolicySettings.org, set: { webhookUrl, updatedBy: by, updatedAt: sql`now()` } });
    },

    async recordRun(run) {
      const { writes, skipped, kept, exempt, notes, error, webhook } = run;
      const record: RunDetails = { writes, skipped, kept, exempt, notes, error, webhook };
      await db.transaction(async (tx) => {
        await tx.insert(policyRuns).values({
          id: run.id,
          policyId: run.policyId,
          org: orgLogin.parse(run.org),
          policyName: run.policyName,
          kind: run.kind,
          trigger: run.trigger,
          status: run.status,
          evaluatedAt: run.evaluatedAt,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          summary: run.summary,
          record: JSON.parse(JSON.stringify(record)) as JsonObject,
        });
        // A finished scheduled evaluation moves the policy's clock (ports.ts: lastEvaluatedAt).
        if (run.trigger === 'scheduled' && (run.status === 'completed' || run.status === 'missed'))
          await tx.update(policies).set({ lastEvaluatedAt: run.evaluatedAt }).where(eq(policies.id, run.policyId));
      });
    },

    async markEvaluated(policyId, at) {
      if (UUID.test(policyId)) await finished(policyId, at);
    },

    async runs(org, id, { limit = 20 } = {}) {
      if (!UUID.test(id)) return [];
      const rows = await db
        .select()
        .from(policyRuns)
        .where(and(eq(policyRuns.org, orgLogin.parse(org)), eq(policyRuns.policyId, id)))
        .orderBy(desc(policyRuns.startedAt))
        .limit(Math.min(Math.max(1, Math.trunc(limit)), 500));
      return rows.map(runRecord);
    },

    async latestRuns(org) {
      const rows = await db
        .selectDistinctOn([policyRuns.policyId])
        .from(policyRuns)
        .where(eq(policyRuns.org, orgLogin.parse(org)))
        .orderBy(policyRuns.policyId, desc(policyRuns.startedAt));
      return new Map(rows.map((row) => [row.policyId, runRecord(row)]));
    },
  };
}

/** The server's policies, on its database (lib/db/database.server.ts). */
export async function serverPolicyRepository(): Promise<PolicyRepository> {
  return policyRepository((await database()).db);
}
