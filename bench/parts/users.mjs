// users: many signed-in users on one server of its own, each polling the list once a minute, as
// browsers do (If-None-Match after the first answer): latency, the server's event-loop delay and RSS.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { signIn } from '../lib/auth.mjs';
import { emulatorControl } from '../lib/emulator.mjs';
import { formatBytes, statusText } from '../lib/format.mjs';
import { root } from '../lib/paths.mjs';
import { rssOf, serverPid, sleep } from '../lib/process.mjs';
import { log } from '../lib/report.mjs';
import { startHangar } from '../lib/servers.mjs';
import { percentile } from '../lib/stats.mjs';

/** Runs `fn` over `items`, `limit` at a time, keeping their order. */
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export async function measureUsers({ quick, ports, emulatorUrl, results, record }) {
  const users = quick ? 200 : 1000;
  // Once a minute for 3 minutes; a quick run polls every 30 s for one minute, so that it too sends
  // If-None-Match after the first answer.
  const pollMs = quick ? 30_000 : 60_000;
  const polls = quick ? 2 : 3;
  const logins = Array.from({ length: users }, (_, i) => `poller-${String(i + 1).padStart(4, '0')}`);
  log(`users: ${users} emulator users with 3 codespaces each`);
  for (const login of logins) await emulatorControl(emulatorUrl, '/fleet', { login, count: 3 });
  // Event-loop delay from inside the server, without changing it: a preload (bench/eld-probe.mjs).
  const eldDir = mkdtempSync(path.join(os.tmpdir(), 'hangar-bench-eld-'));
  const probe = pathToFileURL(path.join(root, 'bench', 'eld-probe.mjs')).href;
  const app = startHangar('users-hangar', ports.users, emulatorUrl, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
    BENCH_ELD_FILE: path.join(eldDir, 'eld-%p.json'),
  });
  try {
    await app.started;
    const signInStarted = performance.now();
    const cookies = await mapLimit(logins, 8, (login) => signIn(app.url, login));
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    const pid = serverPid(app);
    const eldFile = path.join(eldDir, `eld-${pid}.json`);
    if (!existsSync(eldFile)) throw new Error(`the event-loop probe did not start in the server (no ${eldFile})`);
    // From here on: the probe's window starts now, and RSS is sampled every second.
    process.kill(pid, 'SIGUSR2');
    let rssPeak = rssOf(pid);
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 1000);
    const latencies = [];
    const statuses = {};
    let errors = 0;
    const url = `${app.url}/api/github/user/codespaces?per_page=100`;
    log(`users: ${users} users polling ${polls} times, every ${pollMs / 1000} s (signed in in ${signInSeconds.toFixed(0)} s)`);
    const t0 = performance.now();
    await Promise.all(
      cookies.map(async (cookie, i) => {
        let etag = null;
        for (let poll = 0; poll < polls; poll++) {
          // Spread evenly over the period, like tabs opened at any moment.
          await sleep(Math.max(0, t0 + (i / users) * pollMs + poll * pollMs - performance.now()));
          const started = performance.now();
          try {
            // Like the browser: after the first answer, its ETag in If-None-Match.
            const response = await fetch(url, {
              headers: { cookie, accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
              signal: AbortSignal.timeout(30_000),
            });
            await response.arrayBuffer();
            latencies.push(performance.now() - started);
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (response.status === 200) etag = response.headers.get('etag') ?? etag;
            else if (response.status !== 304) errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    clearInterval(sampler);
    const rssEnd = rssOf(pid);
    rssPeak = Math.max(rssPeak, rssEnd);
    await sleep(1500); // the probe writes once a second
    const eld = JSON.parse(readFileSync(eldFile, 'utf8'));
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    results.users = {
      users,
      pollMs,
      polls,
      signInSeconds,
      requests: latencies.length,
      statuses,
      errors,
      latency: { p50, p99, max: Math.max(...latencies) },
      eventLoopDelay: eld,
      rss: { peak: rssPeak, end: rssEnd },
    };
    const label = `${users.toLocaleString('en-US')} users polling`;
    record(
      'users.requests',
      `${label} every ${pollMs / 1000} s for ${(polls * pollMs) / 60_000} min, spread evenly: answers (errors)`,
      { statuses, errors },
      `${statusText(statuses)} (${errors} errors)`,
    );
    record(
      'users.latency',
      `${label}: latency p50 / p99`,
      { p50, p99 },
      `${p50.toFixed(1)} / ${p99.toFixed(1)} ms`,
      '≤ 50 ms p99',
      p99 <= 50 && errors === 0,
    );
    record(
      'users.eld',
      `${label}: server event-loop delay p50 / p99 (max)`,
      eld,
      `${eld.p50.toFixed(1)} / ${eld.p99.toFixed(1)} ms (${eld.max.toFixed(0)} ms)`,
      '≤ 20 ms p99',
      eld.p99 <= 20,
    );
    record(
      'users.rss',
      `${label}: server RSS peak / at the end`,
      { peak: rssPeak, end: rssEnd },
      `${formatBytes(rssPeak)} / ${formatBytes(rssEnd)}`,
      '≤ 400 MB',
      rssPeak <= 400 * 1024 * 1024,
    );
  } finally {
    await app.stop();
    rmSync(eldDir, { recursive: true, force: true });
  }
}
