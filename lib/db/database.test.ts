/**
 * Hangar's database, on both engines it runs on: the embedded PostgreSQL (PGlite, in a data folder)
 * and a real PostgreSQL server (a throwaway one, lib/test/postgres-server.ts). The same migrations,
 * the same append-only audit log, and data that outlives the process that wrote it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '@/lib/config';
import { policyRun } from '@/lib/test/policy-runs';
import { startPostgresServer } from '@/lib/test/postgres-server';
import { serverForTests } from '@/lib/test/suite-resources';
import { auditLogOf } from '@/lib/audit/log.server';
import { DataDirInUse, LOCK_FILE } from './data-dir-lock.server';
import { openDatabase, type OpenDatabase } from './database.server';
import { policyDefinitionSchema } from '@/lib/policies/domain/schemas';
import { policyRepository } from '@/lib/policies/store.server';

// Stopping the server waits for PostgreSQL's shutdown, which takes longer than the default 10 s on a busy machine.
const postgres = serverForTests(startPostgresServer, (server) => server.destroy(), { startMs: 120_000, stopMs: 60_000 });
const folders: string[] = [];

function dataFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hangar-data-'));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Each engine, as a way to get a fresh, empty database target. */
const engines: { engine: string; target: () => Promise<DatabaseTarget> }[] = [
  { engine: 'embedded (PGlite)', target: async () => ({ kind: 'embedded', dataDir: path.join(dataFolder(), 'data') }) },
  { engine: 'PostgreSQL server', target: async () => ({ kind: 'postgres', url: await postgres.server.freshDatabase() }) },
];

const rows = async <T>(open: OpenDatabase, query: ReturnType<typeof sql>) => {
  const result = (await open.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

describe.each(engines)('on the $engine', ({ target }) => {
  it('applies every migration, once, however often it opens', { timeout: 120_000 }, async () => {
    const where = await target();
    const first = await openDatabase(where);
    expect(first.fresh).toBe(true);
    await first.close();
    const again = await openDatabase(where);
    try {
      const tables = await rows<{ table_name: string }>(
        again,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(['audit_log', 'organisation_policy_settings', 'policies', 'policy_runs']);
      const applied = await rows<{ count: number }>(again, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
      expect(applied[0]!.count).toBe(3);
      // Only the opening that created it finds it fresh (demo mode's example policy is made then, once).
      expect(again.fresh).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('refuses to change or remove an audit entry: UPDATE, DELETE and TRUNCATE all fail', { timeout: 120_000 }, async () => {
    const open = await openDatabase(await target());
    try {
      const log = auditLogOf(open.db);
      const entry = await log.append({ org: 'octo-org', actor: 'mona', action: 'codespace.stop', codespace: 'a-b-c', member: 'lisa-dev' });

      const refusal = /append-only/;
      await expect(open.db.execute(sql`update audit_log set actor = 'mallory' where id = ${entry.id}`)).rejects.toThrow();
      await expect(open.db.execute(sql`update audit_log set actor = 'mallory' where id = ${entry.id}`)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(refusal) }),
      });
      await expect(open.db.execute(sql`delete from audit_log where id = ${entry.id}`)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(refusal) }),
      });
      // Even a statement that would touch nothing, and the whole table at once.
      await expect(open.db.execute(sql`delete from audit_log where false`)).rejects.toThrow();
      await expect(open.db.execute(sql`truncate audit_log`)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(refusal) }),
      });

      expect((await log.list('octo-org')).entries).toEqual([entry]);
    } finally {
      await open.close();
    }
  });

  it('keeps policies, runs and the audit log across a restart', { timeout: 120_000 }, async () => {
    const where = await target();
    const before = await openDatabase(where);
    const policy = await policyRepository(before.db).create(
      'Octo-Org',
      policyDefinitionSchema.parse({
        name: 'Nightly stop',
        enabled: true,
        rule: { kind: 'quiet-hours', time: '19:00', weekdays: ['mon', 'tue'], timeZone: 'Europe/Paris' },
      }),
      'mona',
    );
    const at = new Date('2026-12-01T18:00:00.123Z');
    await policyRepository(before.db).recordRun(
      policyRun(policy.id, 'octo-org', {
        id: '7a1d3f0e-5b2c-4d8e-9f10-1a2b3c4d5e6f',
        policyName: 'Nightly stop',
        kind: 'quiet-hours',
        trigger: 'scheduled',
        evaluatedAt: at,
        startedAt: at,
        finishedAt: new Date('2026-12-01T18:00:02.456Z'),
        status: 'completed',
        summary: 'Stopped 1 codespace.',
        writes: [],
        skipped: [],
      }),
    );
    await auditLogOf(before.db).append({ org: 'octo-org', actor: 'policy: Nightly stop', action: 'codespace.stop', codespace: 'a-b-c' });
    await before.close();

    const after = await openDatabase(where);
    try {
      const store = policyRepository(after.db);
      expect(await store.get('octo-org', policy.id)).toEqual({ ...policy, lastEvaluatedAt: at });
      const [run] = await store.runs('octo-org', policy.id);
      expect(run).toMatchObject({ trigger: 'scheduled', status: 'completed', startedAt: at, summary: 'Stopped 1 codespace.' });
      expect((await auditLogOf(after.db).list('octo-org')).entries).toEqual([
        expect.objectContaining({ actor: 'policy: Nightly stop', action: 'codespace.stop' }),
      ]);
    } finally {
      await after.close();
    }
  });
});

describe('the embedded database’s folder', () => {
  it('is one process’s at a time: a second opening is refused, saying why, until the first closes', { timeout: 120_000 }, async () => {
    const dataDir = path.join(dataFolder(), 'data');
    const first = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(DataDirInUse);
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in use by another Hangar.*DATABASE_URL/);
    } finally {
      await first.close();
    }
    const second = await openDatabase({ kind: 'embedded', dataDir });
    await second.close();
  });

  it('holds no half-made database after a first start cut short: the next start makes a whole one', { timeout: 120_000 }, async () => {
    const dataDir = path.join(dataFolder(), 'data');
    // What a stop or a crash during the first start could leave: part of a data folder without
    // PostgreSQL's completion mark, and initdb's half-written staging folder beside it.
    mkdirSync(path.join(dataDir, 'base', '1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'base', '1', '1259'), 'half a catalog');
    mkdirSync(`${dataDir}.initialising-0a1b2c3d4e5f/global`, { recursive: true });
    const open = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const log = auditLogOf(open.db);
      await log.append({ org: 'octo-org', actor: 'mona', action: 'codespace.stop' });
      expect((await log.list('octo-org')).entries).toHaveLength(1);
    } finally {
      await open.close();
    }
    expect(readdirSync(path.dirname(dataDir)).filter((entry) => entry.includes('.initialising'))).toEqual([]);
  });

  it('is taken over from a process that died holding it', { timeout: 120_000 }, async () => {
    const dataDir = path.join(dataFolder(), 'data');
    await (await openDatabase({ kind: 'embedded', dataDir })).close();
    // A process id that is not running: the largest Linux hands out, plus one.
    writeFileSync(path.join(dataDir, LOCK_FILE), '4194305\n');
    const open = await openDatabase({ kind: 'embedded', dataDir });
    await open.close();
  });
});

describe('a PostgreSQL server shared by several instances', () => {
  it('is migrated once when instances start at the same moment', { timeout: 120_000 }, async () => {
    const url = await postgres.server.freshDatabase();
    const instances = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ kind: 'postgres', url })));
    try {
      const applied = await rows<{ count: number }>(instances[0]!, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
      expect(applied[0]!.count).toBe(3);
      // Exactly one of them created it: only that one finds it fresh.
      expect(instances.filter((open) => open.fresh)).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((open) => open.close()));
    }
  });

  it('keeps its data when the server itself restarts', { timeout: 120_000 }, async () => {
    const url = await postgres.server.freshDatabase();
    const open = await openDatabase({ kind: 'postgres', url });
    await auditLogOf(open.db).append({ org: 'octo-org', actor: 'mona', action: 'codespace.delete', codespace: 'x-y-z' });
    await open.close();
    await postgres.server.stop();
    await postgres.server.start();
    const reopened = await openDatabase({ kind: 'postgres', url });
    try {
      expect((await auditLogOf(reopened.db).list('octo-org')).entries).toEqual([expect.objectContaining({ codespace: 'x-y-z' })]);
    } finally {
      await reopened.close();
    }
  });
});
