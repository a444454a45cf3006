import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { database, type HangarDatabase } from './database.server';
import {
  newPolicy,
  newPolicyRun,
  orgLogin,
  organisationSettingsInput,
  policyChanges,
  policyId,
  type NewPolicy,
  type NewPolicyRun,
  type OrganisationSettingsInput,
  type PolicyChanges,
} from './domain/records';
import { organisationPolicySettings, policies, policyRuns } from './schema';

export type Policy = typeof policies.$inferSelect;
export type PolicyRun = typeof policyRuns.$inferSelect;
export type OrganisationPolicySettings = typeof organisationPolicySettings.$inferSelect;
export type { NewPolicy, NewPolicyRun, OrganisationSettingsInput, PolicyChanges };

/** Another policy of the organisation has this name (names are unique per organisation, ignoring case). */
export class PolicyNameTaken extends Error {
  constructor(readonly name: string) {
    super(`A policy named “${name}” already exists in this organisation.`);
    this.name = 'PolicyNameTaken';
  }
}

const UNIQUE_VIOLATION = '23505';

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

/** Whether `id` can be a policy's: anything else finds nothing, rather than a database error. */
const isPolicyId = (id: string) => policyId.safeParse(id).success;

/**
 * Organisations' policies, their settings and the record of every run. Every input is checked
 * (domain/records.ts) before it is written; an invalid one throws zod's error and writes nothing.
 */
export interface PolicyStore {
  create(input: NewPolicy): Promise<Policy>;
  /** The changed policy, or null when the organisation has no such policy. */
  update(org: string, id: string, changes: PolicyChanges): Promise<Policy | null>;
  get(org: string, id: string): Promise<Policy | null>;
  /** An organisation's policies, by name. */
  list(org: string): Promise<Policy[]>;
  /** Every organisation's enabled policies: what the scheduler runs. */
  listEnabled(): Promise<Policy[]>;
  remove(org: string, id: string): Promise<boolean>;
  settings(org: string): Promise<OrganisationPolicySettings | null>;
  saveSettings(org: string, input: OrganisationSettingsInput): Promise<OrganisationPolicySettings>;
  recordRun(run: NewPolicyRun): Promise<PolicyRun>;
  /** A policy's runs, newest first. */
  runs(org: string, policyId: string, options?: { limit?: number }): Promise<PolicyRun[]>;
  /** The latest run of each of an organisation's policies, by policy id. */
  latestRuns(org: string): Promise<Map<string, PolicyRun>>;
}

export function policyStore(db: HangarDatabase): PolicyStore {
  return {
    async create(input) {
      const policy = newPolicy.parse(input);
      const [created] = await nameTaken(policy.name, () =>
        db
          .insert(policies)
          .values({
            org: policy.org,
            name: policy.name,
            kind: policy.kind,
            settings: policy.settings,
            enabled: policy.enabled,
            exemptions: policy.exemptions,
            createdBy: policy.by,
            updatedBy: policy.by,
          })
          .returning(),
      );
      return created!;
    },

    async update(org, id, changes) {
      const { by, ...fields } = policyChanges.parse(changes);
      if (!isPolicyId(id)) return null;
      const [updated] = await nameTaken(fields.name ?? '', () =>
        db
          .update(policies)
          .set({ ...fields, updatedBy: by, updatedAt: sql`now()` })
          .where(and(eq(policies.org, orgLogin.parse(org)), eq(policies.id, id)))
          .returning(),
      );
      return updated ?? null;
    },

    async get(org, id) {
      if (!isPolicyId(id)) return null;
      const [found] = await db
        .select()
        .from(policies)
        .where(and(eq(policies.org, orgLogin.parse(org)), eq(policies.id, id)));
      return found ?? null;
    },

    list(org) {
      return db
        .select()
        .from(policies)
        .where(eq(policies.org, orgLogin.parse(org)))
        .orderBy(sql`lower(${policies.name})`);
    },

    listEnabled() {
      return db.select().from(policies).where(eq(policies.enabled, true)).orderBy(policies.org, policies.createdAt);
    },

    async remove(org, id) {
      if (!isPolicyId(id)) return false;
      const removed = await db
        .delete(policies)
        .where(and(eq(policies.org, orgLogin.parse(org)), eq(policies.id, id)))
        .returning({ id: policies.id });
      return removed.length > 0;
    },

    async settings(org) {
      const [found] = await db
        .select()
        .from(organisationPolicySettings)
        .where(eq(organisationPolicySettings.org, orgLogin.parse(org)));
      return found ?? null;
    },

    async saveSettings(org, input) {
      const { webhookUrl, by } = organisationSettingsInput.parse(input);
      const [saved] = await db
        .insert(organisationPolicySettings)
        .values({ org: orgLogin.parse(org), webhookUrl, updatedBy: by })
        .onConflictDoUpdate({ target: organisationPolicySettings.org, set: { webhookUrl, updatedBy: by, updatedAt: sql`now()` } })
        .returning();
      return saved!;
    },

    async recordRun(input) {
      const run = newPolicyRun.parse(input);
      const [recorded] = await db.insert(policyRuns).values(run).returning();
      return recorded!;
    },

    async runs(org, id, { limit = 20 } = {}) {
      if (!isPolicyId(id)) return [];
      return db
        .select()
        .from(policyRuns)
        .where(and(eq(policyRuns.org, orgLogin.parse(org)), eq(policyRuns.policyId, id)))
        .orderBy(desc(policyRuns.startedAt))
        .limit(Math.min(Math.max(1, Math.trunc(limit)), 500));
    },

    async latestRuns(org) {
      const rows = await db
        .selectDistinctOn([policyRuns.policyId])
        .from(policyRuns)
        .where(eq(policyRuns.org, orgLogin.parse(org)))
        .orderBy(policyRuns.policyId, desc(policyRuns.startedAt));
      return new Map(rows.map((run) => [run.policyId, run]));
    },
  };
}

/** The server's policy store, on its database (lib/db/database.server.ts). */
export async function serverPolicyStore(): Promise<PolicyStore> {
  return policyStore((await database()).db);
}
