#!/usr/bin/env node
/**
 * `npm run bench`: Hangar's performance, measured side by side in one run.
 *
 * Starts the GitHub emulator on its own (bench/emulator.ts, port 4310) and the production build of
 * Hangar pointed at it as if it were GitHub (port 3320; `next build` first when there is none),
 * then measures: proxy overhead, throughput, upstream economy of an idle tab, page speed and
 * first-load JS, a 2,000-codespace list, and server memory. Then, each with servers of its own:
 * a bare Next.js app built in the same run (bench/baseline/) as the framework's floor, Hangar with
 * GitHub 150 ms away (a second emulator with latency), an organisation of 2,000 and 10,000
 * codespaces, and 1,000 signed-in users polling one server. Prints a table with targets and
 * writes bench/results.json. Set BENCH_QUICK=1 for a shorter run while developing (figures are
 * then indicative only); BENCH_ONLY=part,part… runs some parts.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { descendants, formatBytes, median, percentile, rssOf, signIn, sleep, startProcess, table } from './lib.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const quick = process.env.BENCH_QUICK === '1';
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 4310);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3320);
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const appUrl = `http://127.0.0.1:${APP_PORT}`;
const CLIENT = { id: 'hangar-bench', secret: 'hangar-bench-secret' };
// The later parts' own servers, each on the next port up unless told otherwise.
const FAR_EMULATOR_PORT = Number(process.env.BENCH_FAR_EMULATOR_PORT ?? EMULATOR_PORT + 1);
const FAR_APP_PORT = Number(process.env.BENCH_FAR_PORT ?? APP_PORT + 1);
const USERS_APP_PORT = Number(process.env.BENCH_USERS_PORT ?? APP_PORT + 2);
const ORG_APP_PORT = Number(process.env.BENCH_ORG_PORT ?? APP_PORT + 3);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? APP_PORT + 4);

/**
 * BENCH_ONLY=latency,throughput,economy,pages,scale,baseline,distance,orgscale,users runs only
 * those parts (while developing).
 */
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const runs = (part) => only.size === 0 || only.has(part);
const LATENCY_SAMPLES = quick ? 200 : 600;
const LOAD_SECONDS = quick ? 5 : 20;
const CONNECTIONS = 32;
const FLEET = 2000;

const os = await import('node:os');
const results = {
  at: new Date().toISOString(),
  quick,
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg(),
  figures: {},
};
const rows = [['measure', 'figure', 'target', '']];
function record(key, label, value, shown, target, pass) {
  results.figures[key] = { value, target: target ?? null, pass: pass ?? null };
  rows.push([label, shown, target ?? '', pass === undefined || pass === null ? '' : pass ? 'pass' : 'FAIL']);
}
const log = (...args) => console.error('[bench]', ...args);

// ---------------------------------------------------------------------------------------------

async function emulatorControl(pathname, body, base = emulatorUrl) {
  const response = await fetch(`${base}/_emulator${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${pathname} answered ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** The emulator's request log since `since` (epoch ms), only REST calls of `login`. */
async function upstreamLog(since, login) {
  const { entries } = await emulatorControl(`/log?since=${since}`);
  return entries.filter((e) => e.login === login && !e.path.startsWith('/login/'));
}

function countByStatus(entries) {
  const counts = {};
  for (const e of entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}

const statusText = (counts) =>
  Object.entries(counts)
    .map(([status, n]) => `${n}×${status}`)
    .join(', ') || 'none';

/** The Next server's own process (start.mjs runs `next start` as a child). */
function serverPid(app) {
  const candidates = [app.child.pid, ...descendants(app.child.pid)];
  return candidates.reduce((best, pid) => (rssOf(pid) > rssOf(best) ? pid : best), app.child.pid);
}

// ---------------------------------------------------------------------------------------------

/** One GET, timed until its whole body has arrived; anything but a 200 stops the benchmark. */
async function once(url, headers) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measureLatency(cookie, token) {
  const proxied = [];
  const direct = [];
  const proxyUrl = `${appUrl}/api/github/user/codespaces`;
  const directUrl = `${emulatorUrl}/api/user/codespaces`;
  const proxyHeaders = { cookie, accept: 'application/json' };
  const directHeaders = { authorization: `token ${token}`, accept: 'application/vnd.github+json' };
  for (let i = 0; i < 100; i++) {
    await once(proxyUrl, proxyHeaders);
    await once(directUrl, directHeaders);
  }
  // Interleaved, so both see the same machine at the same moment.
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    proxied.push(await once(proxyUrl, proxyHeaders));
    direct.push(await once(directUrl, directHeaders));
  }
  // Calibration, same moment: Next.js serving a static file (its own floor per request), and the
  // proxied request asking for an uncompressed answer (Next gzips every answer it sends).
  const floor = [];
  const identity = [];
  const directIdentity = [];
  for (let i = 0; i < Math.min(LATENCY_SAMPLES, 300); i++) {
    floor.push(await once(`${appUrl}/icon.svg`, {}));
    identity.push(await once(proxyUrl, { ...proxyHeaders, 'accept-encoding': 'identity' }));
    directIdentity.push(await once(directUrl, { ...directHeaders, 'accept-encoding': 'identity' }));
  }
  const p = (values, q) => percentile(values, q);
  const overhead50 = p(proxied, 50) - p(direct, 50);
  const overhead99 = p(proxied, 99) - p(direct, 99);
  results.latency = {
    samples: LATENCY_SAMPLES,
    proxied: { p50: p(proxied, 50), p99: p(proxied, 99) },
    direct: { p50: p(direct, 50), p99: p(direct, 99) },
  };
  record('latency.floor', 'calibration: Next.js serving a static file (/icon.svg), p50', p(floor, 50), `${p(floor, 50).toFixed(2)} ms`);
  record(
    'latency.identity',
    'calibration: proxied minus direct, both uncompressed (accept-encoding: identity), p50',
    p(identity, 50) - p(directIdentity, 50),
    `+${(p(identity, 50) - p(directIdentity, 50)).toFixed(2)} ms`,
  );
  record(
    'latency.direct',
    `GET /user/codespaces straight to the emulator, p50 / p99 (${LATENCY_SAMPLES} req)`,
    results.latency.direct,
    `${p(direct, 50).toFixed(2)} / ${p(direct, 99).toFixed(2)} ms`,
  );
  record(
    'latency.proxied',
    `the same through Hangar, p50 / p99 (${LATENCY_SAMPLES} req)`,
    results.latency.proxied,
    `${p(proxied, 50).toFixed(2)} / ${p(proxied, 99).toFixed(2)} ms`,
  );
  record(
    'latency.overhead',
    'proxy overhead p50 (p99), ratio proxied/direct p50',
    { p50: overhead50, p99: overhead99, ratio: p(proxied, 50) / p(direct, 50) },
    `+${overhead50.toFixed(2)} ms (+${overhead99.toFixed(2)} ms), ×${(p(proxied, 50) / p(direct, 50)).toFixed(2)}`,
    // No target of its own any more: most of it is Next.js's handling of any request, so the
    // target is on what Hangar adds over a bare Next.js route handler (the baseline part).
  );
}

async function load(url, headers, seconds) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    requests: result.requests.total,
    seconds,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Several rounds, direct and proxied in turn, so a machine busy with something else hurts both alike. */
async function measureThroughput(cookie, token, app) {
  const rounds = 4;
  const seconds = Math.ceil(LOAD_SECONDS / rounds);
  log(`throughput: ${CONNECTIONS} connections, ${rounds} rounds of ${seconds} s each way`);
  const sum = { direct: [], proxied: [] };
  const since = Date.now();
  for (let round = 0; round < rounds; round++) {
    sum.direct.push(
      await load(`${emulatorUrl}/api/user/codespaces`, { authorization: `token ${token}`, accept: 'application/vnd.github+json' }, seconds),
    );
    sum.proxied.push(await load(`${appUrl}/api/github/user/codespaces`, { cookie, accept: 'application/json' }, seconds));
  }
  const total = (runs) => ({
    rps: runs.reduce((n, r) => n + r.requests, 0) / runs.reduce((n, r) => n + r.seconds, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    p50: median(runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
  });
  const direct = total(sum.direct);
  const proxied = total(sum.proxied);
  const upstream = countByStatus((await upstreamLog(since, 'mona')).filter((e) => e.path === '/user/codespaces'));
  results.throughput = { direct, proxied, upstream, rounds: sum };
  const ratio = proxied.rps / direct.rps;
  record(
    'throughput.direct',
    `direct req/s at ${CONNECTIONS} connections, ${rounds * seconds} s (errors)`,
    direct,
    `${direct.rps.toFixed(0)} req/s (${direct.errors} errors)`,
  );
  record(
    'throughput.proxied',
    `proxied req/s at ${CONNECTIONS} connections, ${rounds * seconds} s (errors; ratio to direct)`,
    { ...proxied, ratio },
    `${proxied.rps.toFixed(0)} req/s (${proxied.errors} errors), ×${ratio.toFixed(2)}`,
    '≥ 0.6× direct, 0 errors',
    ratio >= 0.6 && proxied.errors === 0,
  );
  record('throughput.upstream', 'what GitHub saw of the proxied load (and the direct one, all 200)', upstream, statusText(upstream));
  const rss = rssOf(serverPid(app));
  results.memory.rssAfterLoad = rss;
  record('memory.rss', 'Hangar server RSS after the load test', rss, formatBytes(rss), '≤ 300 MB', rss <= 300 * 1024 * 1024);
}

// ---------------------------------------------------------------------------------------------

/** A fresh browser context (empty cache), signed in to the Hangar at `url` when given a cookie. */
async function newContext(browser, cookie, options = {}, url = appUrl) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
  if (!cookie) return context;
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  await context.addCookies([{ name, value, url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Counts the page's requests in flight, to wait for quiet after each simulated minute. */
function trackInflight(page) {
  let inflight = 0;
  let browserRequests = 0;
  const statuses = {};
  page.on('request', (request) => {
    if (request.url().includes('/api/github/')) {
      inflight++;
      browserRequests++;
    }
  });
  const done = (request) => {
    if (request.url().includes('/api/github/')) inflight--;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response) => {
    if (response.url().includes('/api/github/')) statuses[response.status()] = (statuses[response.status()] ?? 0) + 1;
  });
  return {
    get inflight() {
      return inflight;
    },
    get count() {
      return browserRequests;
    },
    statuses,
    async quiet() {
      // Let timers' fetches start, then wait for every one to finish.
      await sleep(50);
      for (let i = 0; i < 200 && inflight > 0; i++) await sleep(20);
    },
  };
}

async function measureEconomy(browser) {
  const login = 'bench-idle';
  await emulatorControl('/fleet', { login, count: 60 });
  const cookie = await signIn(appUrl, login);
  const context = await newContext(browser, cookie);
  const page = await context.newPage();
  // Fake timers in the page: an hour of polling runs in seconds, minute by minute, and every
  // request it makes is real (through Hangar to the emulator). The server's clock is not faked.
  await page.clock.install();
  const tracker = trackInflight(page);
  const since = Date.now();
  await page.goto(`${appUrl}/`);
  await page.locator('[role="row"][data-codespace]').first().waitFor();
  await tracker.quiet();
  const loadEntries = await upstreamLog(since, login);
  await page.clock.pauseAt(Date.now() + 1000);
  const hourSince = Date.now();
  const minutes = quick ? 15 : 60;
  for (let minute = 0; minute < minutes; minute++) {
    await page.clock.runFor(60_000);
    await tracker.quiet();
  }
  const hour = await upstreamLog(hourSince, login);
  const hourCounts = countByStatus(hour);
  const scale = 60 / minutes;
  // The first load's full answer counts once; the polls of a shortened hour are scaled to an hour.
  const full200 = (countByStatus(loadEntries)[200] ?? 0) + (hourCounts[200] ?? 0) * scale;
  results.economy = {
    load: countByStatus(loadEntries),
    idleHour: hourCounts,
    minutesSimulated: minutes,
    browserRequests: tracker.count,
    browserStatuses: { ...tracker.statuses },
  };
  record(
    'economy.load',
    'upstream requests for the first page load (60-codespace fleet)',
    countByStatus(loadEntries),
    statusText(countByStatus(loadEntries)),
  );
  record(
    'economy.idleHour',
    `idle list tab, load + simulated hour (page.clock, ${minutes} min): upstream 200s`,
    { full200, hour: hourCounts },
    `${full200} (hour: ${statusText(hourCounts)})`,
    '≤ 2×200 per hour',
    full200 <= 2,
  );
  record('economy.browser', 'the same hour, browser → Hangar', { ...tracker.statuses }, statusText(tracker.statuses));

  // One codespace starting, in real time now: from the click to the word "Available".
  await page.clock.resume();
  const row = page
    .locator('[role="row"][data-codespace]')
    .filter({ has: page.locator('[data-codespace-state="Shutdown"]') })
    .first();
  const name = await row.getAttribute('data-codespace');
  const startSince = Date.now();
  const started = performance.now();
  await row.getByRole('button', { name: 'Start' }).click();
  await page.locator(`[role="row"][data-codespace="${name}"] [data-codespace-state="Available"]`).waitFor({ timeout: 60_000 });
  const tookMs = performance.now() - started;
  await tracker.quiet();
  const starting = countByStatus(await upstreamLog(startSince, login));
  results.economy.start = { upstream: starting, ms: tookMs };
  record(
    'economy.start',
    'one codespace starting: upstream until the row shows Available',
    { ...starting, ms: tookMs },
    `${statusText(starting)} in ${(tookMs / 1000).toFixed(1)} s`,
  );
  await context.close();
}

// ---------------------------------------------------------------------------------------------

/** TTFB, LCP and the JavaScript loaded by one cold navigation (fresh context: empty cache). */
async function navigationMetrics(browser, cookie, url) {
  const context = await newContext(browser, cookie, {}, new URL(url).origin);
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(response.url(), { encoding: (await response.allHeaders())['content-encoding'] ?? 'identity' });
  });
  const document = await page.goto(url, { waitUntil: 'load' });
  // First-load JS: the scripts the page's own HTML names (what it needs to start). Scripts fetched
  // later (a prefetched link's route, a menu opened) are counted apart.
  const html = await document.text();
  await page.waitForLoadState('networkidle');
  const metrics = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const js = performance
            .getEntriesByType('resource')
            .filter((e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name))
            .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
          resolve({ ttfb: nav.responseStart, lcp, domContentLoaded: nav.domContentLoadedEventEnd, js });
        }, 300);
      }),
  );
  await context.close();
  const initial = metrics.js.filter((s) => html.includes(new URL(s.name).pathname));
  const later = metrics.js.filter((s) => !html.includes(new URL(s.name).pathname));
  const encodings = new Set(initial.map((s) => scripts.get(s.name)?.encoding ?? 'unknown'));
  return {
    ...metrics,
    js: initial,
    jsEncoded: initial.reduce((sum, s) => sum + s.encoded, 0),
    jsDecoded: initial.reduce((sum, s) => sum + s.decoded, 0),
    laterEncoded: later.reduce((sum, s) => sum + s.encoded, 0),
    encodings: [...encodings],
  };
}

async function measurePages(browser) {
  const cookie = await signIn(appUrl, 'mona');
  const name = (await (await fetch(`${appUrl}/api/github/user/codespaces?per_page=1`, { headers: { cookie } })).json()).codespaces[0].name;
  results.pages = {};
  for (const [label, url] of [
    ['/', `${appUrl}/`],
    ['/codespaces/<name>', `${appUrl}/codespaces/${name}`],
  ]) {
    const runs = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) runs.push(await navigationMetrics(browser, cookie, url));
    const ttfb = median(runs.map((r) => r.ttfb));
    const lcp = median(runs.map((r) => r.lcp));
    const js = runs[runs.length - 1];
    results.pages[label] = {
      ttfb,
      lcp,
      jsGzipBytes: js.jsEncoded,
      jsBytes: js.jsDecoded,
      laterJsGzipBytes: js.laterEncoded,
      scripts: js.js.length,
      encodings: js.encodings,
      runs: runs.length,
    };
    record(`page.${label}.ttfb`, `${label}: TTFB (median of ${runs.length} cold loads)`, ttfb, `${ttfb.toFixed(0)} ms`);
    record(`page.${label}.lcp`, `${label}: LCP`, lcp, `${lcp.toFixed(0)} ms`, '≤ 500 ms', lcp <= 500);
    // No target of its own any more (React and Next.js are most of it): the target is on what
    // Hangar adds over a bare Next.js page (the baseline part).
    record(
      `page.${label}.js`,
      `${label}: first-load JS, ${js.encodings.join('/')} (uncompressed), ${js.js.length} files [+ fetched later]`,
      js.jsEncoded,
      `${formatBytes(js.jsEncoded)} (${formatBytes(js.jsDecoded)}) [+${formatBytes(js.laterEncoded)}]`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

async function measureScale(browser) {
  const login = 'bench-fleet';
  await emulatorControl('/fleet', { login, count: FLEET });
  const cookie = await signIn(appUrl, login);
  const renders = [];
  const filters = [];
  for (let run = 0; run < (quick ? 2 : 4); run++) {
    const context = await newContext(browser, cookie);
    const page = await context.newPage();
    await page.goto(`${appUrl}/`, { waitUntil: 'commit' });
    // Hydrated: React has attached to the rows (its fiber keys are on the element).
    await page.waitForFunction(
      () => {
        const row = document.querySelector('[role="row"][data-codespace]');
        return row && Object.keys(row).some((k) => k.startsWith('__reactFiber'));
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { ttfb: nav.responseStart, fcp: paint?.startTime ?? NaN, hydrated: performance.now(), htmlBytes: nav.encodedBodySize };
    });
    await page
      .getByText(`${FLEET.toLocaleString('en')} codespaces`)
      .or(page.getByText(`${FLEET} codespaces`))
      .first()
      .waitFor();
    renders.push(timing);

    // Filtering: from the keystroke's input event to the filtered rows painted.
    for (const query of ['service-07', 'feat/search', 'fluffy', '']) {
      const ms = await page.evaluate(async (q) => {
        const input = document.querySelector('input[type="search"]');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const summary = () => document.querySelector('main h1')?.parentElement?.querySelector('p')?.textContent ?? '';
        const before = summary();
        const started = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Until the filtered rows are in the document (React may render them in the event itself, or
        // a little later), then until the frame showing them is painted: the first animation frame
        // after it, and the task that follows that frame's paint (as INP counts "next paint").
        while (summary() === before) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      }, query);
      filters.push({ query, ms });
    }
    await context.close();
  }
  const hydrated = median(renders.map((r) => r.hydrated));
  const fcp = median(renders.map((r) => r.fcp));
  const filterMs = filters.map((f) => f.ms);
  results.scale = { fleet: FLEET, renders, filters };
  record(
    'scale.render',
    `${FLEET} codespaces: first rows painted (FCP) / hydrated`,
    { fcp, hydrated },
    `${fcp.toFixed(0)} ms / ${hydrated.toFixed(0)} ms`,
  );
  record(
    'scale.filter',
    `${FLEET} codespaces: text filter, keystroke to painted (median, max of ${filterMs.length})`,
    { median: median(filterMs), max: Math.max(...filterMs) },
    `${median(filterMs).toFixed(1)} ms, max ${Math.max(...filterMs).toFixed(1)} ms`,
    '≤ 50 ms',
    median(filterMs) <= 50,
  );
}

// ---------------------------------------------------------------------------------------------
// Servers of the later parts: each part starts what it needs and stops it when done.

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const nextBin = require.resolve('next/dist/bin/next');
const runningServers = new Set();

function track(proc) {
  runningServers.add(proc);
  const stop = proc.stop;
  return {
    ...proc,
    stop: async () => {
      await stop();
      runningServers.delete(proc);
    },
  };
}

/** The emulator on its own port (bench/emulator.ts), `latency` away (none by default, whatever the shell says). */
function startEmulator(name, port, { latencyMs = 0, jitterMs = 0 } = {}) {
  const proc = startProcess(name, tsx, [path.join(root, 'bench', 'emulator.ts')], {
    cwd: root,
    env: {
      BENCH_EMULATOR_PORT: String(port),
      BENCH_CLIENT_ID: CLIENT.id,
      BENCH_CLIENT_SECRET: CLIENT.secret,
      EMULATOR_LATENCY_MS: String(latencyMs),
      EMULATOR_JITTER_MS: String(jitterMs),
    },
    ready: (output) => output.includes('ready '),
    timeoutMs: 30_000,
  });
  return { ...track(proc), url: `http://127.0.0.1:${port}` };
}

/** Hangar's production server (`npm start`) on `port`, with the emulator at `githubUrl` as its GitHub. */
function startHangar(name, port, githubUrl, env = {}) {
  const url = `http://127.0.0.1:${port}`;
  const proc = startProcess(name, process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_URL: url,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      GITHUB_ID: CLIENT.id,
      GITHUB_SECRET: CLIENT.secret,
      GITHUB_WEB_URL: githubUrl,
      GITHUB_API_URL: `${githubUrl}/api`,
      HANGAR_LOG: 'off',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REDIS_URL: '',
      ...env,
    },
    ready: async () => (await fetch(`${url}/api/health`)).ok,
  });
  return { ...track(proc), url };
}

/** A part that fails says so in the table ("not measured") instead of stopping the other parts. */
const notMeasured = [];
async function part(name, fn) {
  try {
    await fn();
  } catch (error) {
    const message = String(error?.message ?? error);
    log(`${name} could not be measured:`, error);
    notMeasured.push(name);
    record(`${name}.error`, `${name}: not measured`, message, `not measured: ${message.split('\n')[0].slice(0, 90)}`);
  }
}

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

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'not measured');
const okFigure = (value) => Number.isFinite(value);

// ---------------------------------------------------------------------------------------------
// baseline: a bare Next.js app (bench/baseline/), built and started in this run, as the floor.

async function measureBaseline(browser, cookie, token) {
  const dir = path.join(root, 'bench', 'baseline');
  log('baseline: next build bench/baseline');
  const build = spawnSync(process.execPath, [nextBin, 'build', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`next build bench/baseline failed: ${`${build.stdout}\n${build.stderr}`.trim().slice(-2000)}`);
  const baselineUrl = `http://127.0.0.1:${BASELINE_PORT}`;
  const baseline = track(
    startProcess('baseline', process.execPath, [nextBin, 'start', dir, '-H', '127.0.0.1', '-p', String(BASELINE_PORT)], {
      cwd: root,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        BASELINE_UPSTREAM_URL: `${emulatorUrl}/api`,
        BASELINE_TOKEN: token,
      },
      ready: async () => (await fetch(`${baselineUrl}/`)).ok,
    }),
  );
  try {
    await baseline.started;
    // The same upstream request both ways: GitHub's list of mona's codespaces, one page of 100.
    const proxyUrl = `${appUrl}/api/github/user/codespaces?per_page=100`;
    const forwardUrl = `${baselineUrl}/api/forward`;
    const proxyHeaders = { cookie, accept: 'application/json' };
    const forwardHeaders = { accept: 'application/json' };
    const sizes = await Promise.all(
      [
        [proxyUrl, proxyHeaders],
        [forwardUrl, forwardHeaders],
      ].map(async ([url, headers]) => (await (await fetch(url, { headers })).arrayBuffer()).byteLength),
    );
    for (let i = 0; i < 100; i++) {
      await once(proxyUrl, proxyHeaders);
      await once(forwardUrl, forwardHeaders);
    }
    const proxied = [];
    const forwarded = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      proxied.push(await once(proxyUrl, proxyHeaders));
      forwarded.push(await once(forwardUrl, forwardHeaders));
    }
    const p = (values, q) => percentile(values, q);
    const delta = p(proxied, 50) - p(forwarded, 50);
    results.baseline = {
      samples: LATENCY_SAMPLES,
      bodyBytes: { proxied: sizes[0], forwarded: sizes[1] },
      forwarded: { p50: p(forwarded, 50), p99: p(forwarded, 99) },
      proxied: { p50: p(proxied, 50), p99: p(proxied, 99) },
    };
    record(
      'baseline.forward',
      `baseline app: route handler forwarding GET /user/codespaces?per_page=100 with fetch, p50 / p99 (${LATENCY_SAMPLES} req)`,
      results.baseline.forwarded,
      `${p(forwarded, 50).toFixed(2)} / ${p(forwarded, 99).toFixed(2)} ms`,
    );
    record(
      'baseline.proxied',
      `the same through Hangar's proxy, interleaved, p50 / p99 (bodies ${formatBytes(sizes[0])} / ${formatBytes(sizes[1])})`,
      results.baseline.proxied,
      `${p(proxied, 50).toFixed(2)} / ${p(proxied, 99).toFixed(2)} ms`,
    );
    record(
      'baseline.proxyDelta',
      "proxy p50 minus the baseline route handler's p50",
      delta,
      `${delta >= 0 ? '+' : ''}${delta.toFixed(2)} ms`,
      '≤ 1 ms',
      delta <= 1,
    );

    // First-load JS, measured as for Hangar's pages (scripts the HTML names, as transferred), and
    // the browser's own floor for painting a Next.js page on this machine, as a reading for LCP.
    const baseRuns = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) baseRuns.push(await navigationMetrics(browser, null, `${baselineUrl}/`));
    const base = baseRuns[baseRuns.length - 1];
    const baseTtfb = median(baseRuns.map((r) => r.ttfb));
    const baseLcp = median(baseRuns.map((r) => r.lcp));
    results.baseline.page = { ttfb: baseTtfb, lcp: baseLcp, runs: baseRuns.length };
    record(
      'baseline.lcp',
      `baseline app /: TTFB / LCP (median of ${baseRuns.length} cold loads), the floor under Hangar's LCP`,
      baseLcp,
      `${baseTtfb.toFixed(0)} / ${baseLcp.toFixed(0)} ms`,
    );
    // Hangar's / as the pages part measured it (or, when that part did not run, measured now).
    const hangarBytes = results.pages?.['/']?.jsGzipBytes ?? (await navigationMetrics(browser, cookie, `${appUrl}/`)).jsEncoded;
    const jsDelta = hangarBytes - base.jsEncoded;
    results.baseline.js = { gzipBytes: base.jsEncoded, bytes: base.jsDecoded, scripts: base.js.length, encodings: base.encodings };
    record(
      'baseline.js',
      `baseline app /: first-load JS, ${base.encodings.join('/')} (uncompressed), ${base.js.length} files`,
      base.jsEncoded,
      `${formatBytes(base.jsEncoded)} (${formatBytes(base.jsDecoded)})`,
    );
    record(
      'baseline.jsDelta',
      "/ first-load JS gzipped, minus the baseline app's",
      jsDelta,
      `${formatBytes(hangarBytes)} − ${formatBytes(base.jsEncoded)} = ${formatBytes(jsDelta)}`,
      '≤ 40 KB',
      jsDelta <= 40 * 1024,
    );
  } finally {
    await baseline.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// distance: GitHub 150 ms away (a second emulator with latency, a second Hangar pointed at it).

const FAR = { latencyMs: 150, jitterMs: 30 };
const FAR_FLEET = 2000;

/**
 * In the page, from its first byte: when the first row is in the document and when the frame after
 * it is painted, and the same for `pattern` appearing in the main content (the list's own count).
 */
function watchList(pattern) {
  const mark = {};
  window.__benchList = mark;
  const re = new RegExp(pattern);
  const paintedAfter = (key) => requestAnimationFrame(() => setTimeout(() => (mark[key] = performance.now()), 0));
  const check = () => {
    if (mark.rowInDom === undefined && document.querySelector('[role="row"][data-codespace]')) {
      mark.rowInDom = performance.now();
      paintedAfter('rowPainted');
    }
    if (mark.textInDom === undefined && re.test(document.querySelector('main')?.textContent ?? '')) {
      mark.textInDom = performance.now();
      paintedAfter('textPainted');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

/** "2,000 codespaces" (or "2000 codespaces") in text where elements' words run together, not "12,000 codespaces". */
const countPattern = (n) => `(?:^|[^\\d,])${String(n).replace(/(\d)(?=(\d{3})+$)/g, '$1,?')} codespaces`;

/** Until no /api/github request has been in flight for `quietMs`. */
async function settled(tracker, quietMs = 500, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let quietSince = tracker.inflight === 0 ? Date.now() : null;
  while (Date.now() < deadline) {
    await sleep(25);
    if (tracker.inflight > 0) quietSince = null;
    else quietSince ??= Date.now();
    if (quietSince !== null && Date.now() - quietSince >= quietMs) return;
  }
  throw new Error(`requests to /api/github still in flight after ${timeoutMs / 1000} s`);
}

/**
 * One cold load of a list until all of it is there: first rows painted (the first paint if the
 * rows were in it), and the whole list (its count shown, every /api/github request answered and
 * the document itself fully received).
 */
async function listLoad(browser, cookie, url, pattern) {
  const context = await newContext(browser, cookie, {}, new URL(url).origin);
  try {
    await context.addInitScript(watchList, pattern);
    const page = await context.newPage();
    const tracker = trackInflight(page);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__benchList?.textPainted !== undefined, null, { timeout: 90_000, polling: 50 });
    } catch (error) {
      const shown = await page.evaluate(() => document.querySelector('main')?.textContent ?? '(no main)').catch(() => '?');
      throw new Error(`the page never showed /${pattern}/ (${error.name}); it shows: ${shown.slice(0, 160)}`);
    }
    await page.waitForLoadState('load');
    await settled(tracker);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/github/'));
      return {
        ...window.__benchList,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        documentEnd: nav.responseEnd,
        lastApiEnd: Math.max(0, ...api.map((e) => e.responseEnd)),
        apiRequests: api.length,
      };
    });
    // In the document before the first paint: shown by it. Added later: shown by the next frame.
    const shown = (inDom, painted) => (inDom === undefined ? NaN : inDom <= t.fcp ? t.fcp : painted);
    const firstRows = shown(t.rowInDom, t.rowPainted);
    const whole = Math.max(shown(t.textInDom, t.textPainted), t.lastApiEnd, t.documentEnd);
    return { figures: { ...t, firstRows, whole }, page, context };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function measureDistance(browser) {
  const emulator = startEmulator('far-emulator', FAR_EMULATOR_PORT, FAR);
  const app = startHangar('far-hangar', FAR_APP_PORT, emulator.url);
  try {
    await Promise.all([emulator.started, app.started]);
    const rtt = FAR.latencyMs;
    record(
      'distance.rtt',
      'distance: GitHub round trip used (emulator delay per request, ± uniform jitter)',
      FAR,
      `${FAR.latencyMs} ms ± ${FAR.jitterMs} ms`,
    );
    const { token } = await emulatorControl('/tokens', { login: 'mona' }, emulator.url);
    const fleetOf = async (t) =>
      (await (await fetch(`${emulator.url}/api/user/codespaces?per_page=1`, { headers: { authorization: `token ${t}` } })).json())
        .total_count;
    const monaCount = await fleetOf(token);
    const cookie = await signIn(app.url, 'mona');
    await navigationMetrics(browser, cookie, `${app.url}/`); // warm-up: the server's first render of /
    const loads = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) loads.push(await navigationMetrics(browser, cookie, `${app.url}/`));
    const lcp = median(loads.map((r) => r.lcp));
    const ttfb = median(loads.map((r) => r.ttfb));
    results.distance = { latency: FAR, mona: { codespaces: monaCount, lcp, ttfb, runs: loads.length } };
    record('distance.ttfb', `/: TTFB, ${monaCount} codespaces, ${rtt} ms upstream (median of ${loads.length})`, ttfb, ms(ttfb));
    record(
      'distance.lcp',
      `/: LCP, ${monaCount} codespaces, ${rtt} ms upstream`,
      lcp,
      ms(lcp),
      `≤ ${rtt} + 350 = ${rtt + 350} ms`,
      lcp <= rtt + 350,
    );

    const login = 'bench-far-fleet';
    await emulatorControl('/fleet', { login, count: FAR_FLEET }, emulator.url);
    const fleetCookie = await signIn(app.url, login);
    const pattern = countPattern(FAR_FLEET);
    const runs = [];
    let upstream = null;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const since = Date.now();
      const run = await listLoad(browser, fleetCookie, `${app.url}/`, pattern);
      await run.context.close();
      const { entries } = await emulatorControl(`/log?since=${since}`, undefined, emulator.url);
      upstream ??= countByStatus(entries.filter((e) => e.login === login && e.path.startsWith('/user/codespaces')));
      runs.push(run.figures);
    }
    const firstRows = median(runs.map((r) => r.firstRows));
    const whole = median(runs.map((r) => r.whole));
    results.distance.fleet = { codespaces: FAR_FLEET, runs, upstream };
    record(
      'distance.firstRows',
      `first rows painted, ${FAR_FLEET} codespaces, ${rtt} ms upstream (median of ${runs.length})`,
      firstRows,
      ms(firstRows),
      `≤ ${rtt} + 500 = ${rtt + 500} ms`,
      okFigure(firstRows) && firstRows <= rtt + 500,
    );
    record(
      'distance.whole',
      `whole list loaded, ${FAR_FLEET} codespaces, ${rtt} ms upstream (upstream for one load: ${statusText(upstream)})`,
      whole,
      ms(whole),
      '≤ 1.5 s',
      okFigure(whole) && whole <= 1500,
    );
  } finally {
    await Promise.all([app.stop(), emulator.stop()]);
  }
}

// ---------------------------------------------------------------------------------------------
// orgscale: the organisation view with 2,000 and 10,000 codespaces (the emulator's org fleet).

const ORG = 'octo-org';
const ORG_SIZES = [2000, 10_000];
const ORG_SCOPES = ['codespace', 'read:user', 'user:email', 'admin:org'];

/** The tab's live JavaScript heap, after a full garbage collection (Chrome DevTools Protocol). */
async function jsHeapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * In the page: makes the change (`input`: types `value` into the text box; `select`: chooses
 * `value`), waits for the view to show it (the table's row count or the summary under the
 * heading changes), then for the frame showing it to be painted, as the 2,000-row filter does.
 * Milliseconds, or null when nothing changed within 10 s.
 */
async function untilPainted({ element, kind, value }) {
  const marker = () =>
    `${document.querySelector('[role="table"]')?.getAttribute('aria-rowcount') ?? 'no table'}|${
      document.querySelector('main h1')?.nextElementSibling?.textContent ?? ''
    }`;
  const before = marker();
  const started = performance.now();
  if (kind === 'input') {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
  while (marker() === before) {
    if (performance.now() - started > 10_000) return null;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - started;
}

/** Median and max of the measured ones, and how many never showed (null). */
function summarise(values) {
  const measured = values.filter((v) => v !== null);
  return { median: median(measured), max: measured.length ? Math.max(...measured) : NaN, missed: values.length - measured.length };
}
const shownTimes = ({ median: m, max, missed }, n) =>
  okFigure(m)
    ? `${m.toFixed(1)} ms, max ${max.toFixed(1)} ms${missed ? ` (${missed} of ${n} never showed)` : ''}`
    : 'not measured: nothing changed';

async function measureOrgScale(browser) {
  const app = startHangar('org-hangar', ORG_APP_PORT, emulatorUrl);
  try {
    await app.started;
    const { token } = await emulatorControl('/tokens', { login: 'mona', scopes: ORG_SCOPES });
    // Signed in as an owner is after the view's consent screen: with admin:org granted.
    const cookie = await signIn(app.url, 'mona', { scope: ORG_SCOPES.join(' ') });
    results.orgscale = {};
    for (const size of ORG_SIZES) {
      const members = size / 10;
      log(`orgscale: ${size} codespaces, ${members} members`);
      await emulatorControl('/org-fleet', { org: ORG, codespaces: size, members });
      // What GitHub says the organisation has: the generated fleet, plus mona's own there.
      const listed = await fetch(`${emulatorUrl}/api/orgs/${ORG}/codespaces?per_page=1`, { headers: { authorization: `token ${token}` } });
      const total = (await listed.json()).total_count;
      const label = `org view, ${size.toLocaleString('en-US')} codespaces`;
      const big = size === Math.max(...ORG_SIZES);
      const load = await listLoad(browser, cookie, `${app.url}/orgs/${ORG}`, countPattern(total));
      const { page, context } = load;
      try {
        const cdp = await context.newCDPSession(page);
        const heapLoaded = await jsHeapAfterGc(cdp);
        const input = await page.getByRole('searchbox', { name: 'Filter by text' }).elementHandle({ timeout: 10_000 });
        const queries = ['member-1', 'member-12', 'api-server', ''];
        const filters = [];
        for (let i = 0; i < (quick ? 8 : 16); i++) {
          const query = queries[i % queries.length];
          filters.push({ query, ms: await page.evaluate(untilPainted, { element: input, kind: 'input', value: query }) });
        }
        const select = await page.getByRole('combobox', { name: 'Group by' }).elementHandle({ timeout: 10_000 });
        const grouping = [];
        for (let i = 0; i < (quick ? 2 : 4); i++) {
          for (const value of ['member', '']) {
            grouping.push({ value, ms: await page.evaluate(untilPainted, { element: select, kind: 'select', value }) });
          }
        }
        const heapAfter = await jsHeapAfterGc(cdp);
        const heap = Math.max(heapLoaded, heapAfter);
        const filter = summarise(filters.map((f) => f.ms));
        const group = summarise(grouping.filter((g) => g.value === 'member').map((g) => g.ms));
        const ungroup = summarise(grouping.filter((g) => g.value === '').map((g) => g.ms));
        const rss = rssOf(serverPid(app));
        results.orgscale[size] = { total, members, load: load.figures, filters, grouping, heapLoaded, heapAfter, serverRss: rss };
        record(
          `orgscale.${size}.load`,
          `${label}: first rows painted / whole list loaded (loopback GitHub, ${load.figures.apiRequests} requests)`,
          { firstRows: load.figures.firstRows, whole: load.figures.whole },
          `${ms(load.figures.firstRows)} / ${ms(load.figures.whole)}`,
        );
        record(
          `orgscale.${size}.filter`,
          `${label}: filter keystroke to paint (median, max of ${filters.length})`,
          filter,
          shownTimes(filter, filters.length),
          big ? '≤ 50 ms' : undefined,
          big ? okFigure(filter.median) && filter.median <= 50 : undefined,
        );
        record(
          `orgscale.${size}.group`,
          `${label}: group by member, change to paint (median, max of ${grouping.length / 2}); back to no grouping`,
          { group, ungroup },
          `${shownTimes(group, grouping.length / 2)}; ${okFigure(ungroup.median) ? `${ungroup.median.toFixed(1)} ms` : 'not measured'}`,
        );
        record(
          `orgscale.${size}.heap`,
          `${label}: tab JS heap after GC (loaded / after filtering and grouping)`,
          { loaded: heapLoaded, after: heapAfter },
          `${formatBytes(heapLoaded)} / ${formatBytes(heapAfter)}`,
          big ? '≤ 150 MB' : undefined,
          big ? okFigure(heap) && heap <= 150 * 1024 * 1024 : undefined,
        );
        record(`orgscale.${size}.rss`, `${label}: Hangar server RSS after serving it`, rss, formatBytes(rss));
      } finally {
        await context.close();
      }
    }
  } finally {
    await app.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// users: many signed-in users on one server, each polling the list once a minute.

const USERS = quick ? 200 : 1000;
// Once a minute for 3 minutes; a quick run polls every 30 s for one minute, so that it too sends
// If-None-Match after the first answer.
const POLL_MS = quick ? 30_000 : 60_000;
const POLLS = quick ? 2 : 3;

async function measureUsers() {
  const logins = Array.from({ length: USERS }, (_, i) => `poller-${String(i + 1).padStart(4, '0')}`);
  log(`users: ${USERS} emulator users with 3 codespaces each`);
  for (const login of logins) await emulatorControl('/fleet', { login, count: 3 });
  // Event-loop delay from inside the server, without changing it: a preload (bench/eld-probe.mjs).
  const eldDir = mkdtempSync(path.join(os.tmpdir(), 'hangar-bench-eld-'));
  const probe = pathToFileURL(path.join(root, 'bench', 'eld-probe.mjs')).href;
  const app = startHangar('users-hangar', USERS_APP_PORT, emulatorUrl, {
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
    log(`users: ${USERS} users polling ${POLLS} times, every ${POLL_MS / 1000} s (signed in in ${signInSeconds.toFixed(0)} s)`);
    const t0 = performance.now();
    await Promise.all(
      cookies.map(async (cookie, i) => {
        let etag = null;
        for (let poll = 0; poll < POLLS; poll++) {
          // Spread evenly over the period, like tabs opened at any moment.
          await sleep(Math.max(0, t0 + (i / USERS) * POLL_MS + poll * POLL_MS - performance.now()));
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
      users: USERS,
      pollMs: POLL_MS,
      polls: POLLS,
      signInSeconds,
      requests: latencies.length,
      statuses,
      errors,
      latency: { p50, p99, max: Math.max(...latencies) },
      eventLoopDelay: eld,
      rss: { peak: rssPeak, end: rssEnd },
    };
    const label = `${USERS.toLocaleString('en-US')} users polling`;
    record(
      'users.requests',
      `${label} every ${POLL_MS / 1000} s for ${(POLLS * POLL_MS) / 60_000} min, spread evenly: answers (errors)`,
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

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('no production build: running npm run build');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const emulator = startEmulator('emulator', EMULATOR_PORT);
  const app = startHangar('hangar', APP_PORT, emulatorUrl);
  const stopAll = () => Promise.all([...runningServers].map((proc) => proc.stop()));
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    await Promise.all([emulator.started, app.started]);
    log('emulator and Hangar are up');
    const cookie = await signIn(appUrl, 'mona');
    const { token } = await emulatorControl('/tokens', { login: 'mona' });

    results.memory = {};
    if (runs('latency')) {
      log('proxy latency');
      await measureLatency(cookie, token);
    }
    if (runs('throughput')) await measureThroughput(cookie, token, app);

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      if (runs('economy')) {
        log('upstream economy (idle hour, then one start)');
        await measureEconomy(browser);
      }
      if (runs('pages')) {
        log('pages');
        await measurePages(browser);
      }
      if (runs('scale')) {
        log(`scale (${FLEET} codespaces)`);
        await measureScale(browser);
      }
      if (runs('baseline')) await part('baseline', () => measureBaseline(browser, cookie, token));
      if (runs('distance')) {
        log(`distance (GitHub ${FAR.latencyMs} ms ± ${FAR.jitterMs} ms away)`);
        await part('distance', () => measureDistance(browser));
      }
      if (runs('orgscale')) await part('orgscale', () => measureOrgScale(browser));
    } finally {
      await browser.close();
    }
    // Last, with nothing else running: many users on one server of their own.
    if (runs('users')) await part('users', () => measureUsers());
    const rssEnd = rssOf(serverPid(app));
    results.memory.rssAtEnd = rssEnd;
    record('memory.rssEnd', 'Hangar server RSS at the end of the run', rssEnd, formatBytes(rssEnd));
  } finally {
    await stopAll();
  }

  const text = table(rows);
  results.loadAverageAtEnd = os.loadavg();
  const load = (l) => l.map((n) => n.toFixed(1)).join(' ');
  console.log(
    `\nHangar benchmark${quick ? ' (BENCH_QUICK: shortened, indicative only)' : ''}: ${results.cpus} CPUs, Node ${process.version}, ` +
      `load average ${load(results.loadAverageAtStart)} at the start, ${load(results.loadAverageAtEnd)} at the end\n`,
  );
  console.log(text);
  results.table = text;
  writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/results.json');
  const failed = Object.values(results.figures).filter((f) => f.pass === false).length;
  if (failed) console.log(`${failed} target(s) missed.`);
  if (notMeasured.length) {
    console.log(`Not measured (see the log above): ${notMeasured.join(', ')}.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
