/**
 * What a test file (or a `describe` block) sets up once for all its tests and takes down after
 * them: a throwaway server, Hangar's embedded database in a folder of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/database.server';

interface Closable {
  close(): Promise<unknown>;
}

/**
 * A server started before the tests and stopped after them (`stop`), once what `closeAfter` was
 * given (the tests' connections to it) is closed. `server` is there inside the tests.
 */
export function serverForTests<S>(
  start: () => Promise<S>,
  stop: (server: S) => Promise<void>,
  { startMs = 20_000, stopMs = 10_000 }: { startMs?: number; stopMs?: number } = {},
) {
  let started: S | undefined;
  const closing: Closable[] = [];
  beforeAll(async () => {
    started = await start();
  }, startMs);
  afterAll(async () => {
    await Promise.all(closing.map((c) => c.close()));
    if (started !== undefined) await stop(started);
  }, stopMs);
  return {
    get server(): S {
      if (started === undefined) throw new Error('The server starts before the tests: use it inside one');
      return started;
    },
    closeAfter<C extends Closable>(closable: C): C {
      closing.push(closable);
      return closable;
    },
  };
}

/** Hangar's embedded database (PGlite, migrated) in a new folder, for the tests; the folder is removed after them. */
export function embeddedDatabaseForTests(name: string): { readonly database: OpenDatabase } {
  const folder = mkdtempSync(path.join(tmpdir(), `hangar-${name}-`));
  const opened = serverForTests(
    () => openDatabase({ kind: 'embedded', dataDir: path.join(folder, 'data') }),
    async (database) => {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
    { startMs: 120_000 },
  );
  return {
    get database() {
      return opened.server;
    },
  };
}
