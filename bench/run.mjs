#!/usr/bin/env node
/**
 * `npm run bench`: Hangar's performance, measured side by side in one run.
 *
 * Starts the GitHub emulator on its own (bench/emulator.ts, port 4310) and the production build of
 * Hangar pointed at it as if it were GitHub (port 3320; `next build` first when there is none),
 * then runs the parts in PARTS, in order, each measured by its module in bench/parts/. Prints a
 * table with targets and writes bench/results.json. Set BENCH_QUICK=1 for a shorter run while
 * developing (figures are then indicative only); BENCH_ONLY=part,part… runs some parts.
 *
 * Adding a part: write bench/parts/<name>.mjs exporting `async function measure<Name>(context)`,
 * which measures and calls `context.record(key, label, value, shown, target, pass)` for each row
 * (and may put details in `context.results.<name>`); then add its entry to PARTS below, where it
 * should run. The context holds `quick`, the shared servers (`app`, `appUrl`, `emulatorUrl`),
 * mona's session and token (`cookie`, `token`), the later parts' `ports`, and `browser` for a part
 * marked `browser: true`. A part that starts servers of its own (bench/lib/servers.mjs) is marked
 * `notMeasuredOnError: true`: its failure is a "not measured" row, the others still run, and the
 * run exits non-zero; any other part's failure stops the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { signIn } from './lib/auth.mjs';
import { emulatorControl } from './lib/emulator.mjs';
import { formatBytes } from './lib/format.mjs';
import { root } from './lib/paths.mjs';
import { rssOf, serverPid } from './lib/process.mjs';
import { createReport, log } from './lib/report.mjs';
import { startEmulator, startHangar, stopAllServers } from './lib/servers.mjs';
import { measureBaseline } from './parts/baseline.mjs';
import { measureDistance } from './parts/distance.mjs';
import { measureEconomy } from './parts/economy.mjs';
import { measureLatency } from './parts/latency.mjs';
import { measureOrgScale } from './parts/orgscale.mjs';
import { measurePages } from './parts/pages.mjs';
import { measurePolicies } from './parts/policies.mjs';
import { measureScale } from './parts/scale.mjs';
import { measureThroughput } from './parts/throughput.mjs';
import { measureUsers } from './parts/users.mjs';

/** The parts, in the order they run. */
const PARTS = [
  { name: 'latency', measure: measureLatency },
  { name: 'throughput', measure: measureThroughput },
  { name: 'economy', measure: measureEconomy, browser: true },
  { name: 'pages', measure: measurePages, browser: true },
  { name: 'scale', measure: measureScale, browser: true },
  // With servers of their own, each on the next port up from Hangar's unless told otherwise.
  { name: 'baseline', measure: measureBaseline, browser: true, notMeasuredOnError: true },
  { name: 'distance', measure: measureDistance, browser: true, notMeasuredOnError: true },
  { name: 'orgscale', measure: measureOrgScale, browser: true, notMeasuredOnError: true },
  // The policy runner against an emulator 150 ms away, in processes of its own (no browser).
  { name: 'policies', measure: measurePolicies, notMeasuredOnError: true },
  // Last, with nothing else running (the browser closed): many users on one server of their own.
  { name: 'users', measure: measureUsers, notMeasuredOnError: true },
];

const quick = process.env.BENCH_QUICK === '1';
/** BENCH_ONLY=latency,throughput,… runs only those parts (while developing). */
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 4310);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3320);
const ports = {
  farEmulator: Number(process.env.BENCH_FAR_EMULATOR_PORT ?? EMULATOR_PORT + 1),
  far: Number(process.env.BENCH_FAR_PORT ?? APP_PORT + 1),
  users: Number(process.env.BENCH_USERS_PORT ?? APP_PORT + 2),
  org: Number(process.env.BENCH_ORG_PORT ?? APP_PORT + 3),
  baseline: Number(process.env.BENCH_BASELINE_PORT ?? APP_PORT + 4),
  policiesEmulator: Number(process.env.BENCH_POLICIES_EMULATOR_PORT ?? EMULATOR_PORT + 2),
  policies: Number(process.env.BENCH_POLICIES_PORT ?? APP_PORT + 5),
};

function hasBrowserSourceMaps() {
  const chunks = path.join(root, '.next', 'static', 'chunks');
  return existsSync(chunks) && readdirSync(chunks).some((name) => name.endsWith('.js.map'));
}

async function main() {
  const unknown = [...only].filter((name) => !PARTS.some((part) => part.name === name));
  if (unknown.length) log(`BENCH_ONLY: no part named ${unknown.join(', ')} (the parts: ${PARTS.map((part) => part.name).join(', ')})`);
  const selected = PARTS.filter((part) => only.size === 0 || only.has(part.name));
  const report = createReport({ quick });

  // A build without browser source maps (npm test's, npm start's) is built again with them: without
  // them the pages part can say how much / adds but not what it is.
  const built = existsSync(path.join(root, '.next', 'BUILD_ID'));
  if (!built || !hasBrowserSourceMaps()) {
    log(`${built ? 'a production build without browser source maps' : 'no production build'}: running HANGAR_SOURCEMAPS=1 npm run build`);
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      stdio: 'inherit',
      // With browser source maps: the pages part attributes the first-load JS to modules with them.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HANGAR_SOURCEMAPS: '1' },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const emulator = startEmulator('emulator', EMULATOR_PORT);
  const app = startHangar('hangar', APP_PORT, emulator.url);
  process.on('SIGINT', () => void stopAllServers().then(() => process.exit(130)));

  try {
    await Promise.all([emulator.started, app.started]);
    log('emulator and Hangar are up');
    const context = {
      quick,
      results: report.results,
      record: report.record,
      app,
      appUrl: app.url,
      emulatorUrl: emulator.url,
      cookie: await signIn(app.url, 'mona'),
      token: (await emulatorControl(emulator.url, '/tokens', { login: 'mona' })).token,
      ports,
    };
    report.results.memory = {};

    // One Chromium for the browser parts: launched before the first, closed after the last.
    const lastBrowserPart = selected.findLast((part) => part.browser);
    let browser = null;
    try {
      for (const part of selected) {
        if (part.browser) browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
        try {
          await part.measure({ ...context, browser: part.browser ? browser : undefined });
        } catch (error) {
          if (!part.notMeasuredOnError) throw error;
          report.recordNotMeasured(part.name, error);
        }
        if (part === lastBrowserPart) {
          await browser.close();
          browser = null;
        }
      }
    } finally {
      await browser?.close();
    }
    const rssEnd = rssOf(serverPid(app));
    report.results.memory.rssAtEnd = rssEnd;
    report.record('memory.rssEnd', 'Hangar server RSS at the end of the run', rssEnd, formatBytes(rssEnd));
  } finally {
    await stopAllServers();
  }

  // A missed target is a FAIL row (and a line under the table); only a part not measured fails the run.
  const { notMeasured } = report.finish();
  if (notMeasured.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
