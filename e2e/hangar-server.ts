/**
 * Extra Hangar servers for end-to-end tests that need a configuration of their own (a GitHub App,
 * local mode, demo mode without AUTH_URL): real `npm start` processes on the production build,
 * each its own process group, with their output kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HangarServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** A port of this test run's own block: E2E_PORT + offset (1–9; the shared server has E2E_PORT). */
export function e2ePort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + offset;
}

export async function startHangar(port: number, env: Record<string, string | undefined>, ready = '/api/health'): Promise<HangarServer> {
  let printed = '';
  // Each server its own embedded database, as separate deployments have (one folder, one process),
  // unless the test names one; the shared server keeps the checkout's .hangar-data.
  const ownData = env.HANGAR_DATA_DIR === undefined ? mkdtempSync(path.join(tmpdir(), 'hangar-e2e-')) : null;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HANGAR_LOG: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
      ...(ownData ? { HANGAR_DATA_DIR: ownData } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.once('exit', () => resolve());
      // start.mjs and the Next server under it.
      process.kill(-child.pid, 'SIGTERM');
    }).then(() => {
      if (ownData) rmSync(ownData, { recursive: true, force: true });
    });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`Hangar on ${url} exited (${child.exitCode}):\n${printed}`);
    try {
      if ((await fetch(`${url}${ready}`)).status < 500) return { url, child, output: () => printed, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`Hangar on ${url} did not start:\n${printed}`);
}
