/**
 * Policies and the audit log survive restarts: with no configuration, `npm start` keeps them in an
 * embedded PostgreSQL under HANGAR_DATA_DIR, migrated when the server starts, closed cleanly when
 * it stops (SIGTERM), and there again at the next start. The test reads the data folder itself
 * with PGlite between the two runs, as another program would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { e2ePort, startHangar } from './hangar-server';

let folder: string;
let dataDir: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'hangar-e2e-data-'));
  dataDir = path.join(folder, 'data');
});

test.afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const start = () => startHangar(e2ePort(6), { HANGAR_DATA_DIR: dataDir, AUTH_URL: '', GITHUB_ID: '' });

/** Reads the folder as another program would, once the server has let go of it. */
async function withDatabase<T>(read: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dataDir);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

test('creates and migrates the embedded database at the first start, and closes it cleanly on SIGTERM', async () => {
  const hangar = await start();
  // Made (PostgreSQL's mark is moved in last) while the server already serves.
  await expect.poll(() => existsSync(path.join(dataDir, 'PG_VERSION')), { timeout: 60_000 }).toBe(true);
  expect((await fetch(`${hangar.url}/api/health`)).status).toBe(200);
  await hangar.stop();
  // Closed, not abandoned: neither Hangar's lock nor PostgreSQL's is left behind.
  expect(existsSync(path.join(dataDir, 'hangar.pid'))).toBe(false);
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  expect(hangar.output()).not.toMatch(/cannot open|"level":"error"/);

  const tables = await withDatabase(async (db) => {
    await db.query(
      "insert into audit_log (org, actor, action, codespace) values ('octo-org', 'mona', 'codespace.stop', 'kept-across-restarts')",
    );
    return (await db.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'")).rows;
  });
  expect(tables.map((t) => t.table_name).sort()).toEqual(['audit_log', 'organisation_policy_settings', 'policies', 'policy_runs']);
});

test('finds everything again at the next start, without migrating twice', async () => {
  const hangar = await start();
  await expect.poll(() => existsSync(path.join(dataDir, 'hangar.pid')), { timeout: 30_000 }).toBe(true);
  // Serving as ever.
  expect((await fetch(`${hangar.url}/api/health`)).status).toBe(200);
  await hangar.stop();

  const { entries, migrations } = await withDatabase(async (db) => ({
    entries: (await db.query<{ codespace: string }>('select codespace from audit_log')).rows,
    migrations: (await db.query<{ count: number }>('select count(*)::int as count from drizzle.__drizzle_migrations')).rows[0]!.count,
  }));
  expect(entries).toEqual([{ codespace: 'kept-across-restarts' }]);
  // Each migration once: as many as the journal lists, however many the next change adds.
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/db/migrations/meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  expect(migrations).toBe(journal.entries.length);
});
