// Where PostgreSQL's server programs (initdb, postgres) are: POSTGRES_BIN_DIR, else Debian's
// /usr/lib/postgresql/<version>/bin (the newest), else the PATH. Shared by scripts/ensure-postgres.mjs
// and the tests' throwaway server (lib/test/postgres-server.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb and postgres, or '' to find them on the PATH. */
export function postgresBinDir(env = process.env) {
  if (env.POSTGRES_BIN_DIR) return env.POSTGRES_BIN_DIR;
  if (!existsSync(DEBIAN_ROOT)) return '';
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(DEBIAN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(DEBIAN_ROOT, versions[0], 'bin') : '';
}

/** The path of one of the server's programs (`initdb`, `postgres`). */
export function postgresProgram(name, env = process.env) {
  const dir = postgresBinDir(env);
  return dir ? path.join(dir, name) : name;
}

/** Whether initdb and postgres can be run. */
export function postgresAvailable(env = process.env) {
  return ['initdb', 'postgres'].every((name) => spawnSync(postgresProgram(name, env), ['--version'], { stdio: 'ignore' }).status === 0);
}
