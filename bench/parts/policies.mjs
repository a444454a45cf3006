// policies: the policy runner as a deployment runs it (Hangar's GitHub App, the emulator as GitHub,
// 150 ms away): (a) one evaluation of four policies over an organisation of 10,000 codespaces where
// nothing changed: what it asks GitHub, and its CPU time; (b) 500 codespaces to stop: when GitHub had
// every stop, and the most writes in flight, at GitHub's one second between writes and at the spacing
// the target would need; (c) Hangar's idle memory with the embedded database and the scheduler running,
// against a Hangar with neither (no GitHub App, so no schedule; a DATABASE_URL nothing answers, so no
// database is loaded: it logs that it cannot open one and serves on).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatBytes, ms } from '../lib/format.mjs';
import { rssOf, serverPid, sleep } from '../lib/process.mjs';
import { root } from '../lib/paths.mjs';
import { log } from '../lib/report.mjs';
import { startEmulator, startHangar } from '../lib/servers.mjs';

const APP_ID = '31415';
const LATENCY_MS = 150;
const TARGET_S = 60;
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function evaluate(emulatorUrl, keyPath, env) {
  const run = spawnSync(tsx, ['--conditions=react-server', path.join(root, 'bench', 'policies-eval.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_EMULATOR_URL: emulatorUrl, BENCH_APP_ID: APP_ID, BENCH_APP_KEY_PATH: keyPath, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  if (run.status !== 0) throw new Error(`policies-eval (${env.BENCH_POLICY_MODE}) failed:\n${run.stderr.slice(-3000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

async function control(url, route, body) {
  const response = await fetch(`${url}/_emulator/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** The names of `count` running codespaces of the organisation, as its owner lists them. */
async function runningCodespaces(url, count) {
  const { token } = await control(url, 'tokens', { login: 'mona', scopes: ['codespace', 'read:user', 'admin:org'] });
  const names = [];
  for (let page = 1; names.length < count; page++) {
    const response = await fetch(`${url}/api/orgs/octo-org/codespaces?per_page=100&page=${page}`, {
      headers: { authorization: `token ${token}` },
    });
    const { codespaces } = await response.json();
    if (!codespaces.length) break;
    names.push(...codespaces.filter((c) => c.state === 'Available').map((c) => c.name));
  }
  return names.slice(0, count);
}

export async function measurePolicies({ quick, ports, results, record }) {
  const folder = mkdtempSync(path.join(tmpdir(), 'hangar-bench-policies-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const keyPath = path.join(folder, 'app.pem');
  const publicKeyPath = path.join(folder, 'app.pub.pem');
  writeFileSync(keyPath, privateKey);
  writeFileSync(publicKeyPath, publicKey);
  const emulatorPort = ports.policiesEmulator;
  const emulatorEnv = { BENCH_APP_ID: APP_ID, BENCH_APP_PUBLIC_KEY_PATH: publicKeyPath };
  results.policies = {};
  try {
    // (a) Nothing changed: every list page a 304, and the CPU time of deciding.
    {
      // The seed's transitional codespaces (mona's Starting, Rebuilding, …) settle 8 to ~50 transitions
      // after the emulator starts, staggered: at 3 s a transition, during the evaluations, which then
      // saw real changes (pages answered 200, not 304). Here they settle at once: nothing changes.
      const github = startEmulator('policies-emulator', emulatorPort, {
        latencyMs: LATENCY_MS,
        env: { ...emulatorEnv, BENCH_TRANSITION_MS: '1' },
      });
      await github.started;
      await control(github.url, 'org-fleet', { org: 'octo-org', codespaces: 10_000, members: 500 });
      const a = evaluate(github.url, keyPath, { BENCH_POLICY_MODE: 'unchanged' });
      results.policies.unchanged = a;
      // The list pages and the billing report a budget needs are read conditionally (If-None-Match).
      const pages = Object.entries(a.statuses).filter(([key]) => key.startsWith('codespaces '));
      const all304 = pages.length > 0 && pages.every(([key]) => key === 'codespaces 304');
      const shown = Object.entries(a.statuses)
        .map(([key, count]) => `${count} × ${key}`)
        .join(', ');
      record(
        'policies.unchanged.requests',
        '4 policies, 10,000 codespaces, nothing changed: upstream requests (target: list pages all 304)',
        a.statuses,
        shown,
        'all 304',
        all304,
      );
      record('policies.unchanged.cpu', '… CPU time of the evaluation (target ≤ 1 s)', a.cpuMs, ms(a.cpuMs), '≤ 1000 ms', a.cpuMs <= 1000);
      await github.stop();
    }

    // (b) Codespaces to stop, at GitHub's spacing and at the spacing the target would need.
    const stops = quick ? 50 : 500;
    // First at GitHub's one second; then at the spacing that would bring the last stop within the
    // target, given how long the first run took to decide (reading 10,000 codespaces) before its first stop.
    const spacings = [1000];
    for (let i = 0; i < spacings.length; i++) {
      const spacingMs = spacings[i];
      const github = startEmulator('policies-emulator', emulatorPort, { latencyMs: LATENCY_MS, env: emulatorEnv });
      await github.started;
      await control(github.url, 'org-fleet', { org: 'octo-org', codespaces: 10_000, members: 500 });
      // The fleet's running codespaces were used within 3 hours; `stops` of them five hours ago (the policy's limit: 4 hours).
      for (const name of await runningCodespaces(github.url, stops))
        await control(github.url, 'codespace-usage', { name, lastUsedMinutesAgo: 300 });
      const b = evaluate(github.url, keyPath, { BENCH_POLICY_MODE: 'stops', BENCH_POLICY_SPACING_MS: String(spacingMs) });
      results.policies[`stops-${spacingMs}`] = b;
      if (i === 0) spacings.push(Math.max(0, Math.floor((TARGET_S * 1000 - b.untilFirstStopMs) / stops)));
      const note =
        spacingMs === 1000
          ? `${stops} stops, 150 ms away, 1 s between writes (GitHub's guidance): time until GitHub had every stop (target ≤ ${TARGET_S} s)`
          : `… the same at ${spacingMs} ms between writes: what ${TARGET_S} s would need after deciding (GitHub asks for 1 s: the lead decides)`;
      record(
        `policies.stops.${spacingMs}.time`,
        note,
        b.untilLastStopMs,
        `${(b.untilLastStopMs / 1000).toFixed(1)} s (${b.ok}/${b.stops} stopped)`,
        `≤ ${TARGET_S} s`,
        b.untilLastStopMs <= TARGET_S * 1000 && b.ok === stops,
      );
      record(
        `policies.stops.${spacingMs}.inflight`,
        '… most writes in flight (target ≤ 4)',
        b.maxInFlight,
        String(b.maxInFlight),
        '≤ 4',
        b.maxInFlight <= 4,
      );
      await github.stop();
    }

    // (c) Idle memory, with and without the embedded database and the scheduler.
    {
      const github = startEmulator('policies-emulator', emulatorPort, { env: emulatorEnv });
      await github.started;
      const rss = {};
      const variants = [
        ['without', { DATABASE_URL: 'postgres://hangar@127.0.0.1:9/none' }],
        [
          'with',
          {
            GITHUB_APP_ID: APP_ID,
            GITHUB_APP_PRIVATE_KEY_PATH: keyPath,
            HANGAR_POLICY_INTERVAL_S: '5',
            HANGAR_DATA_DIR: path.join(folder, 'data'),
          },
        ],
      ];
      for (const [which, env] of variants) {
        const app = startHangar(`policies-hangar-${which}`, ports.policies, github.url, env);
        await app.started;
        await fetch(`${app.url}/api/health`);
        // Idle: a few intervals of the schedule (each evaluates the organisation), then measured.
        await sleep(quick ? 12_000 : 30_000);
        rss[which] = rssOf(serverPid(app));
        await app.stop();
      }
      await github.stop();
      const added = rss.with - rss.without;
      results.policies.rss = rss;
      record(
        'policies.rss',
        `Hangar idle RSS with the embedded database and the scheduler (${formatBytes(rss.with)}) against neither (${formatBytes(rss.without)}) (target ≤ +60 MB)`,
        added,
        `${added >= 0 ? '+' : '−'}${formatBytes(Math.abs(added))}`,
        '≤ +60 MB',
        added <= 60 * 1024 * 1024,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    log('policies: done');
  }
}
