import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { database, type HangarDatabase } from '@/lib/db/database.server';
import { auditLog } from '@/lib/db/schema';
import { auditQuery, newAuditEntry, orgLogin, type AuditEntry, type AuditQuery, type NewAuditEntry } from './domain/entry';

interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/**
 * The audit log: every change Hangar made to an organisation's codespaces and settings, by a
 * person or by a policy. It only grows: this interface appends and reads, nothing else, and the
 * database itself refuses UPDATE, DELETE and TRUNCATE of its table (migration 0001).
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Several entries at once, in one transaction (a bulk action's results), in the order given. */
  appendAll(entries: NewAuditEntry[]): Promise<AuditEntry[]>;
  /** One page of an organisation's entries, newest first, filtered by actor or action. */
  list(org: string, query?: AuditQuery): Promise<AuditPage>;
  /** Every entry matching the filters, newest first, page by page (for the CSV download). */
  all(org: string, query?: Omit<AuditQuery, 'before' | 'limit'>): AsyncGenerator<AuditEntry>;
  /** Who and what appear in an organisation's log, for the filters' choices. */
  actors(org: string): Promise<string[]>;
  actions(org: string): Promise<string[]>;
}

export function auditLogOf(db: HangarDatabase): AuditLog {
  const list = async (org: string, query: AuditQuery = {}): Promise<AuditPage> => {
    const { actor, action, before, limit } = auditQuery.parse(query);
    const conditions: SQL[] = [eq(auditLog.org, orgLogin.parse(org))];
    if (actor) conditions.push(eq(auditLog.actor, actor));
    if (action) conditions.push(eq(auditLog.action, action));
    if (before) conditions.push(lt(auditLog.id, before));
    // One more than asked: whether there is a next page, without counting.
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(limit + 1);
    const entries = rows.slice(0, limit);
    return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.id : null };
  };

  const distinct = async (org: string, column: typeof auditLog.actor | typeof auditLog.action) => {
    const rows = await db
      .selectDistinct({ value: column })
      .from(auditLog)
      .where(eq(auditLog.org, orgLogin.parse(org)))
      .orderBy(column);
    return rows.map((row) => row.value);
  };

  return {
    async append(entry) {
      const [appended] = await db.insert(auditLog).values(newAuditEntry.parse(entry)).returning();
      return appended!;
    },

    async appendAll(entries) {
      const rows = entries.map((entry) => newAuditEntry.parse(entry));
      if (!rows.length) return [];
      return db.transaction(async (tx) => {
        const appended: AuditEntry[] = [];
        // One at a time: the ids, and so the log's order, follow the order given.
        for (const row of rows) appended.push((await tx.insert(auditLog).values(row).returning())[0]!);
        return appended;
      });
    },

    list,

    async *all(org, query = {}) {
      let before: number | undefined;
      do {
        const page = await list(org, { ...query, before, limit: 500 });
        yield* page.entries;
        before = page.nextBefore ?? undefined;
      } while (before !== undefined);
    },

    actors: (org) => distinct(org, auditLog.actor),
    actions: (org) => distinct(org, auditLog.action),
  };
}

/** The server's audit log, on its database (lib/db/database.server.ts). */
export async function serverAuditLog(): Promise<AuditLog> {
  return auditLogOf((await database()).db);
}
