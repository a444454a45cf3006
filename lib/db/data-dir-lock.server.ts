import 'server-only';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded database is one process's: PGlite keeps no lock of its own, and two processes
 * writing one data folder would corrupt it. So the folder holds a lock file with the holder's
 * process id, as PostgreSQL's own postmaster.pid does. A lock whose process is gone (a crash, a
 * kill -9) is stale and taken over; so is one naming this very process or its parent (a container
 * restarted with the same data folder hands out the same small process ids).
 */

export const LOCK_FILE = 'hangar.pid';

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Hangar (process ${pid}). ` +
        'Several instances share one database through DATABASE_URL (PostgreSQL); or give each its own HANGAR_DATA_DIR.',
    );
    this.name = 'DataDirInUse';
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Folders this process holds (on globalThis: each part of the server is bundled apart). */
const holder = globalThis as typeof globalThis & { __hangarDataDirLocks?: Set<string> };
const heldHere = () => (holder.__hangarDataDirLocks ??= new Set());

export interface DataDirLock {
  release(): void;
}

/** Takes the data folder for this process (creating it), or throws DataDirInUse. */
export function lockDataDir(dataDir: string): DataDirLock {
  const key = path.resolve(dataDir);
  if (heldHere().has(key)) throw new DataDirInUse(dataDir, process.pid);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      heldHere().add(key);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere().delete(key);
          if (holderOf(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (holder !== null && holder !== process.pid && holder !== process.ppid && running(holder)) throw new DataDirInUse(dataDir, holder);
      // Stale: remove it and try once more (if another process takes it meanwhile, it wins).
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUse(dataDir, holderOf(file) ?? 0);
}
