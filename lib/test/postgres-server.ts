/**
 * A throwaway PostgreSQL server for tests: initdb into a temporary folder, its own port on
 * loopback, no durability (fsync off), gone when stopped. Debian's `postgresql` (`.ci/run` and
 * `npm test` install it as root; scripts/postgres-bin.mjs finds its programs).
 *
 * initdb and postgres refuse to run as root: as root, they run as the `postgres` user (which
 * Debian's package creates), in a folder that user owns.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postgresProgram } from '../../scripts/postgres-bin.mjs';
import { freePort, startServerProcess, stopServerProcess } from './server-process';

export interface PostgresServer {
  /** The server's `postgres` database, as the superuser. */
  url: string;
  port: number;
  /** A new, empty database on this server: each test gets its own. */
  freshDatabase(): Promise<string>;
  /** Stops the server (fast shutdown); `start` on the same server brings it back with its data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

/** As root: the uid and gid of the `postgres` user, to run the server as. */
function unprivilegedUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('Running as root, and there is no `postgres` user to run PostgreSQL as (apt-get install -y postgresql creates one).');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const user = unprivilegedUser();
  const root = mkdtempSync(path.join(tmpdir(), 'hangar-pg-'));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = path.join(root, 'data');
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};

  const initdb = spawnSync(
    postgresProgram('initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions'],
    { encoding: 'utf8', ...asUser },
  );
  if (initdb.error || initdb.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `initdb failed (${initdb.error?.message ?? `exit ${initdb.status}`}): ${initdb.stderr}\nInstall PostgreSQL: apt-get install -y postgresql`,
    );
  }

  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async () => {
    child = await startServerProcess({
      name: 'postgres',
      path: postgresProgram('postgres'),
      args: [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${root}`,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      ready: /database system is ready to accept connections/,
      timeoutMs: 20_000,
      install: 'Install PostgreSQL: apt-get install -y postgresql',
      options: asUser,
    });
  };

  // SIGINT: PostgreSQL's fast shutdown (ends sessions, writes a checkpoint).
  const stop = () => stopServerProcess(child, 'SIGINT');

  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    start,
    stop,
    async freshDatabase() {
      const name = `hangar_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
