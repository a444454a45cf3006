/**
 * The production server's background work: at start the database opens (its migrations applied)
 * and the policies' schedule begins; at shutdown the schedule's worker and the database close.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigForTest } from '@/lib/config';
import { LOCK_FILE } from '@/lib/db/data-dir-lock.server';
import { openDatabase } from '@/lib/db/database.server';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { startBackgroundWork, stopBackgroundWork } from './background.server';

let folder: string;
let dataDir: string;
let redis: RedisServer;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'hangar-background-'));
  dataDir = path.join(folder, 'data');
  // The server's database is the configured one (lib/config.ts reads these when first asked).
  process.env.HANGAR_DATA_DIR = dataDir;
  redis = await startRedisServer();
});

afterAll(async () => {
  await stopBackgroundWork();
  await redis?.stop();
  delete process.env.HANGAR_DATA_DIR;
  rmSync(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function redisClients(): Promise<number> {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    // Every connection but this one.
    return (await client.clientList()).length - 1;
  } finally {
    await client.close();
  }
}

describe('the background work', () => {
  it('opens the database and runs the schedule at start; closes both at shutdown', { timeout: 120_000 }, async () => {
    const config = { ...readConfigForTest({ NODE_ENV: 'test', HANGAR_DATA_DIR: dataDir } as NodeJS.ProcessEnv), policyIntervalS: 1 };
    let runs = 0;
    await startBackgroundWork({ config, run: async () => void (runs += 1), onSignals: false });
    // Opening, without holding up the server's start.
    await expect.poll(() => existsSync(path.join(dataDir, LOCK_FILE)), { timeout: 30_000 }).toBe(true);
    await sleep(2_200);
    expect(runs).toBeGreaterThanOrEqual(1);

    await stopBackgroundWork();
    const stoppedAt = runs;
    await sleep(1_500);
    expect(runs).toBe(stoppedAt);
    // The data folder is free again: another process (here, another opening) may take it.
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    await (await openDatabase({ kind: 'embedded', dataDir })).close();
  });

  it('with REDIS_URL, schedules through Redis, and lets go of every connection at shutdown', { timeout: 120_000 }, async () => {
    const config = {
      ...readConfigForTest({ NODE_ENV: 'test', HANGAR_DATA_DIR: dataDir } as NodeJS.ProcessEnv),
      policyIntervalS: 1,
      redisUrl: redis.url,
    };
    let runs = 0;
    await startBackgroundWork({ config, run: async () => void (runs += 1), onSignals: false });
    await sleep(2_500);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(await redisClients()).toBeGreaterThan(0);

    await stopBackgroundWork();
    expect(await redisClients()).toBe(0);
  });

  it('does not schedule policies without a GitHub App to act with', { timeout: 120_000 }, async () => {
    const config = {
      ...readConfigForTest({ NODE_ENV: 'test', HANGAR_DATA_DIR: dataDir } as NodeJS.ProcessEnv),
      policyIntervalS: 1,
      githubApp: null,
    };
    let runs = 0;
    await startBackgroundWork({ config, run: async () => void (runs += 1), onSignals: false });
    await sleep(1_500);
    expect(runs).toBe(0);
    await stopBackgroundWork();
  });
});
