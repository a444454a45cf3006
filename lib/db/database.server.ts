import 'server-only';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { serverConfig, type DatabaseTarget } from '@/lib/config';
import { logEvent } from '@/lib/server/log.server';
import { LOCK_FILE, lockDataDir, type DataDirLock } from './data-dir-lock.server';
import * as schema from './schema';

/**
 * Hangar's database: policies, their runs and the audit log. One schema and one query layer
 * (Drizzle) over two drivers:
 * - a PostgreSQL server when DATABASE_URL is set, shared by every instance (node-postgres);
 * - otherwise PostgreSQL embedded in this process (PGlite, PostgreSQL compiled to WebAssembly),
 *   persisted under HANGAR_DATA_DIR (default `.hangar-data/`), so `npm start` needs no service.
 * Either way the SQL migrations in lib/db/migrations are applied when it opens.
 */

export type HangarDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: HangarDatabase;
  kind: DatabaseTarget['kind'];
  /** Created by this opening: no migration had been applied before (what demo mode's first-start example waits for). */
  fresh: boolean;
  /** Where it is, for the log: the data folder, or the server without its credentials. */
  where: string;
  close(): Promise<void>;
}

/** The committed migrations, read where the server runs from (the checkout, or the container's /app). */
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');

/** Any number: instances that migrate the same server at once take turns on this advisory lock. */
const MIGRATION_LOCK = 0x4841_4e47; // "HANG"

/**
 * PGlite's defaults are sized for a database that is the application (128 MB of shared buffers);
 * Hangar's is a few small tables, read by index, so its buffers are small: each MB here is a MB of
 * the server's memory, and the operating system caches the files anyway.
 * The other settings are PGlite's own defaults, which a custom list replaces.
 */
const EMBEDDED_START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  ...['search_path=public', 'exit_on_error=false', 'log_checkpoints=false', 'io_method=sync', 'shared_buffers=1MB'].flatMap((setting) => [
    '-c',
    setting,
  ]),
  ...['max_worker_processes', 'max_parallel_workers', 'max_parallel_workers_per_gather', 'max_parallel_maintenance_workers'].flatMap(
    (setting) => ['-c', `${setting}=0`],
  ),
];

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = parsed.username ? '…' : '';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** PostgreSQL writes this file into a data folder it made; Hangar moves it in last, as the mark of a complete one. */
const COMPLETE_MARK = 'PG_VERSION';

/**
 * Runs PostgreSQL's initdb (through PGlite) into `folder`, in a short-lived child process: done in
 * this one, it would leave some 100 MB behind for good (initdb's own WebAssembly instance and its
 * larger buffers), where a process that exits gives everything back. A signal to the server's
 * process group ends it too; if the server alone dies, it stops as soon as initdb lets it run
 * (its stdin closes), and its folder is left for the next start to clear.
 */
function initdbIn(folder: string): Promise<void> {
  const script = [
    "process.stdin.on('end', () => process.exit(1)).resume();",
    "const { PGlite } = await import('@electric-sql/pglite');",
    'await (await PGlite.create(process.argv[1])).close();',
    'process.exit(0);',
  ].join(' ');
  return new Promise((resolve, reject) => {
    // From the server's working directory, whose node_modules hold PGlite (the checkout, or the image's /app).
    // V8's baseline compiler only, as in this process (below): the module compiles in a fraction of the time.
    const child = spawn(process.execPath, ['--liftoff-only', '--input-type=module', '-e', script, folder], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(errors.trim() || (signal ? `interrupted (${signal})` : `exit ${code}`))),
    );
  });
}

/**
 * Creates the embedded database in `dataDir` (which holds only the lock): made whole next to it,
 * then moved in, the completion mark last. A first start cut short (a stop, a crash) leaves no
 * half-made database that looks whole: the next start clears what is there and begins again.
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  // Each attempt its own staging folder: an earlier attempt's initdb may still be finishing (its
  // server crashed), and must not write into this one. Earlier attempts' folders go.
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.initialising-`;
  for (const entry of readdirSync(parent)) if (entry.startsWith(prefix)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  for (const entry of readdirSync(dataDir)) if (entry !== LOCK_FILE) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  const staging = path.join(parent, `${prefix}${randomBytes(6).toString('hex')}`);
  try {
    await initdbIn(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not create the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  for (const entry of readdirSync(staging)) if (entry !== COMPLETE_MARK) renameSync(path.join(staging, entry), path.join(dataDir, entry));
  renameSync(path.join(staging, COMPLETE_MARK), path.join(dataDir, COMPLETE_MARK));
  rmSync(staging, { recursive: true, force: true });
}

async function openEmbedded(dataDir: string, migrationsFolder: string): Promise<OpenDatabase> {
  const lock: DataDirLock = lockDataDir(dataDir);
  try {
    const fresh = !existsSync(path.join(dataDir, COMPLETE_MARK));
    if (fresh) await initialiseDataDir(dataDir);
    // PostgreSQL as WebAssembly: V8's baseline compiler only. Its optimising tier would compile the
    // 9 MB module again, for some 70 MB more memory, to speed up queries that take microseconds
    // here. Set before PGlite compiles the module; Hangar has no other WebAssembly on the server.
    setFlagsFromString('--liftoff-only');
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = await PGlite.create(dataDir, { startParams: EMBEDDED_START_PARAMS });
    try {
      const db = drizzle(client, { schema });
      // One process holds the folder (the lock above), so no one migrates alongside.
      await migrate(db, { migrationsFolder });
      return {
        db,
        kind: 'embedded',
        fresh,
        where: dataDir,
        async close() {
          try {
            await client.close();
          } finally {
            lock.release();
          }
        },
      };
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openServer(url: string, migrationsFolder: string): Promise<OpenDatabase> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  let fresh = false;
  const pool = new pg.Pool({ connectionString: url, max: 5, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart, a failover) must not take the process with it.
  pool.on('error', (error) => logEvent('warn', 'db', { state: 'connection lost', error: error.message }));
  try {
    // Drizzle's migrator takes no lock: instances starting together would each create the tables.
    // They take turns on a session advisory lock instead, and the later ones find nothing to do.
    const session = await pool.connect();
    try {
      await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        // Under the lock: of instances starting together, only the one that migrates first finds it fresh.
        const before = await session.query<{ fresh: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NULL AS fresh`);
        fresh = before.rows[0]?.fresh === true;
        await migrate(drizzle(session, { schema }), { migrationsFolder });
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      session.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return { db: drizzle(pool, { schema }), kind: 'postgres', fresh, where: redactUrl(url), close: () => pool.end() };
}

/** Opens the database (creating and migrating it as needed). */
export async function openDatabase(target: DatabaseTarget, { migrationsFolder = MIGRATIONS_FOLDER } = {}): Promise<OpenDatabase> {
  return target.kind === 'postgres' ? openServer(target.url, migrationsFolder) : openEmbedded(target.dataDir, migrationsFolder);
}

// On globalThis: the scheduler (instrumentation), route handlers and pages are bundled apart, and share one database.
const holder = globalThis as typeof globalThis & { __hangarDatabase?: Promise<OpenDatabase> };

/**
 * The server's database, opened on first use (at start, by the scheduler). If it cannot be opened
 * (the server is down, the data folder is another process's), this call fails, saying why, and
 * the next one tries again.
 */
export function database(): Promise<OpenDatabase> {
  if (!holder.__hangarDatabase) {
    const opening = openDatabase(serverConfig().database);
    holder.__hangarDatabase = opening;
    opening.then(
      (open) => logEvent('info', 'db', { state: 'open', kind: open.kind, where: open.where }),
      (error: Error) => {
        if (holder.__hangarDatabase === opening) holder.__hangarDatabase = undefined;
        logEvent('error', 'db', { state: 'cannot open', error: error.message });
      },
    );
  }
  return holder.__hangarDatabase;
}

/** Closes the server's database (graceful shutdown); the next `database()` opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__hangarDatabase;
  holder.__hangarDatabase = undefined;
  if (!opening) return;
  const open = await opening.catch(() => null);
  await open?.close();
}
