#!/usr/bin/env node
// Load test: `npm run load` (also run by the benchmark). Starts the GitHub emulator and Hangar's
// production build as two processes on loopback, then runs 50 signed-in sessions for 60 s. Each
// session creates its own codespace, polls the list like an open tab does, and starts and stops its
// codespace whenever it settles. Afterwards the emulator's request log must match exactly what was
// sent (nothing lost, nothing duplicated), no answer may be a 5xx, no token may appear in the server's
// logs, and the server's memory must level off. Prints a table and writes bench/load.json.
//
// Options (environment): LOAD_SESSIONS (50), LOAD_SECONDS (60), LOAD_POLL_MS (1000), LOAD_PORT (3600).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'next-auth/jwt';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const POLL_MS = Number(process.env.LOAD_POLL_MS ?? 1000);
const PORT = Number(process.env.LOAD_PORT ?? 3600);
const EMULATOR_PORT = PORT + 1;
const APP = `http://127.0.0.1:${PORT}`;
const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;
const SECRET = randomBytes(32).toString('base64url');
const USERS = ['mona', 'hubot'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const serverOutput = [];

function startProcess(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => serverOutput.push(`[${name}] ${chunk}`));
  return child;
}

async function waitFor(url, what) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await sleep(500);
  }
  throw new Error(`${what} did not start; its output:\n${serverOutput.join('').slice(-3000)}`);
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let kb = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop();
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {}
    queue.push(...(children.get(current) ?? []));
  }
  return Math.round(kb / 1024);
}

const stats = { requests: 0, byStatus: {}, networkErrors: 0, latencies: [] };

/** One signed-in browser: a session cookie, and the requests it makes through Hangar. Like a
 * browser's HTTP cache, it revalidates a GET it has seen with If-None-Match and reuses the body on 304. */
function session(cookie) {
  const cached = new Map();
  return async function call(method, githubPath, body) {
    const previous = method === 'GET' ? cached.get(githubPath) : undefined;
    const started = performance.now();
    let response;
    try {
      response = await fetch(`${APP}/api/github${githubPath}`, {
        method,
        headers: {
          cookie,
          accept: 'application/json',
          ...(method === 'GET' ? {} : { origin: APP }),
          ...(previous ? { 'if-none-match': previous.etag } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      stats.networkErrors += 1;
      throw error;
    }
    stats.requests += 1;
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
    stats.latencies.push(performance.now() - started);
    if (response.status === 304 && previous) return { status: 200, data: previous.data };
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    const etag = response.headers.get('etag');
    if (method === 'GET' && response.status === 200 && etag) cached.set(githubPath, { etag, data });
    return { status: response.status, data };
  };
}

async function signedInCookie(login) {
  const minted = await fetch(`${EMULATOR}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login }),
  });
  const { token } = await minted.json();
  const signedInAt = Math.floor(Date.now() / 1000);
  const jwt = await encode({
    token: { sub: login, name: login, login, accessToken: token, signedInAt, sessionId: randomUUID() },
    secret: SECRET,
  });
  return { cookie: `next-auth.session-token=${jwt}`, token };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};

async function main() {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const emulator = startProcess('emulator', process.execPath, ['--import', 'tsx', 'emulator/serve.ts'], {
    EMULATOR_PORT: String(EMULATOR_PORT),
    EMULATOR_CLIENT_ID: 'hangar-load',
    EMULATOR_CLIENT_SECRET: 'hangar-load-secret',
    EMULATOR_CALLBACK_URL: `${APP}/api/auth/callback/github`,
    EMULATOR_TRANSITION_MS: '1000',
    EMULATOR_RATE_LIMIT: '1000000',
  });
  const hangar = startProcess('hangar', process.execPath, ['scripts/start.mjs'], {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    AUTH_URL: APP,
    AUTH_SECRET: SECRET,
    GITHUB_ID: 'hangar-load',
    GITHUB_SECRET: 'hangar-load-secret',
    GITHUB_WEB_URL: EMULATOR,
    GITHUB_API_URL: `${EMULATOR}/api`,
  });
  const stop = () => {
    hangar.kill('SIGTERM');
    emulator.kill('SIGTERM');
  };
  process.on('exit', stop);

  try {
    await waitFor(`${EMULATOR}/api`, 'The emulator');
    await waitFor(`${APP}/api/health`, 'Hangar');

    // Sign in every session, and give each a codespace of its own (so operations cannot collide).
    const tokens = [];
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) {
      const login = USERS[i % USERS.length];
      const { cookie, token } = await signedInCookie(login);
      tokens.push(token);
      sessions.push({ login, call: session(cookie) });
    }
    const repoIds = {};
    for (const login of USERS) {
      const owner = sessions.find((s) => s.login === login);
      const repos = await owner.call('GET', '/user/repos?per_page=100');
      repoIds[login] = repos.data.find((r) => r.owner.login === login)?.id ?? repos.data[0].id;
    }
    const since = Date.now();
    const sent = [];
    await Promise.all(
      sessions.map(async (s, i) => {
        const created = await s.call('POST', '/user/codespaces', { repository_id: repoIds[s.login], display_name: `load ${i}` });
        sent.push({ method: 'POST', path: '/user/codespaces', status: created.status });
        if (created.status !== 201 && created.status !== 202) throw new Error(`create answered ${created.status}`);
        s.codespace = created.data.name;
      }),
    );

    // Warm-up done: measure memory from here.
    const rssSamples = [{ at: 0, mb: treeRssMb(hangar.pid) }];
    const loadStarted = Date.now();
    const sampler = setInterval(
      () => rssSamples.push({ at: Math.round((Date.now() - loadStarted) / 1000), mb: treeRssMb(hangar.pid) }),
      3_000,
    );
    const deadline = Date.now() + SECONDS * 1000;
    const operations = { start: 0, stop: 0 };

    await Promise.all(
      sessions.map(async (s, i) => {
        await sleep((i * POLL_MS) / SESSIONS); // tabs are not opened in lockstep
        while (Date.now() < deadline) {
          const list = await s.call('GET', '/user/codespaces?per_page=100');
          const mine = list.status === 200 ? list.data.codespaces.find((c) => c.name === s.codespace) : undefined;
          const action = mine?.state === 'Available' ? 'stop' : mine?.state === 'Shutdown' ? 'start' : null;
          if (action) {
            const path = `/user/codespaces/${s.codespace}/${action}`;
            const answer = await s.call('POST', path, {});
            sent.push({ method: 'POST', path, status: answer.status });
            operations[action] += 1;
          }
          await sleep(POLL_MS);
        }
      }),
    );
    clearInterval(sampler);
    rssSamples.push({ at: Math.round((Date.now() - loadStarted) / 1000), mb: treeRssMb(hangar.pid) });

    // What GitHub (the emulator) saw must be exactly what the sessions sent: same writes, same answers.
    const log = (await (await fetch(`${EMULATOR}/_emulator/log?since=${since}`)).json()).entries;
    const key = (e) => `${e.method} ${e.path.split('?')[0]} ${e.status}`;
    const count = (entries) => entries.reduce((m, e) => m.set(key(e), (m.get(key(e)) ?? 0) + 1), new Map());
    const seenWrites = count(log.filter((e) => e.method !== 'GET'));
    const sentWrites = count(sent);
    const mismatches = [...new Set([...seenWrites.keys(), ...sentWrites.keys()])]
      .filter((k) => seenWrites.get(k) !== sentWrites.get(k))
      .map((k) => `${k}: sent ${sentWrites.get(k) ?? 0}, GitHub saw ${seenWrites.get(k) ?? 0}`);

    const output = serverOutput.join('');
    const leakedTokens = tokens.filter((t) => output.includes(t)).length;
    const fiveXx = Object.entries(stats.byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((n, [, c]) => n + c, 0);
    // RSS swings with garbage collection; growth is judged on the mean of the last third of the
    // run against the middle third (the first third is warm-up).
    const third = (k) => rssSamples.filter((s) => s.at >= (k * SECONDS) / 3 && s.at < ((k + 1) * SECONDS) / 3 + 5);
    const mean = (samples) => samples.reduce((n, s) => n + s.mb, 0) / Math.max(1, samples.length);
    const middle = mean(third(1));
    const last = mean(third(2));
    const growthPct = middle ? Math.round(((last - middle) / middle) * 100) : 0;

    const result = {
      at: new Date().toISOString(),
      sessions: SESSIONS,
      seconds: SECONDS,
      pollMs: POLL_MS,
      requests: stats.requests,
      requestsPerSecond: Math.round(stats.requests / SECONDS),
      byStatus: stats.byStatus,
      networkErrors: stats.networkErrors,
      latencyMs: { p50: Math.round(percentile(stats.latencies, 50)), p99: Math.round(percentile(stats.latencies, 99)) },
      created: SESSIONS,
      operations,
      writesSent: sent.length,
      writesSeenUpstream: log.filter((e) => e.method !== 'GET').length,
      mismatches,
      fiveXx,
      leakedTokens,
      rssMb: {
        start: rssSamples[0].mb,
        end: rssSamples.at(-1).mb,
        max: Math.max(...rssSamples.map((s) => s.mb)),
        middleThirdMean: Math.round(middle),
        lastThirdMean: Math.round(last),
        growthPct,
      },
      rssSamples,
    };
    const checks = [
      ['no 5xx answers', fiveXx === 0, `${fiveXx}`],
      ['no network errors', stats.networkErrors === 0, `${stats.networkErrors}`],
      [
        'writes upstream = writes sent (none lost or repeated)',
        mismatches.length === 0,
        `${result.writesSeenUpstream} / ${result.writesSent}`,
      ],
      ['no token in server logs', leakedTokens === 0, `${leakedTokens} of ${tokens.length}`],
      [
        'memory levels off (last third within 20% of the middle third)',
        growthPct <= 20,
        `${Math.round(middle)} → ${Math.round(last)} MB (${growthPct >= 0 ? '+' : ''}${growthPct}%)`,
      ],
    ];
    result.passed = checks.every(([, ok]) => ok);

    mkdirSync(path.join(root, 'bench'), { recursive: true });
    writeFileSync(path.join(root, 'bench', 'load.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nLoad: ${SESSIONS} sessions for ${SECONDS} s, each polling every ${POLL_MS} ms and starting/stopping its own codespace`);
    console.log(`  requests           ${stats.requests} (${result.requestsPerSecond}/s), by status ${JSON.stringify(stats.byStatus)}`);
    console.log(`  latency            p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms`);
    console.log(`  operations         ${SESSIONS} creates, ${operations.start} starts, ${operations.stop} stops`);
    console.log(`  server memory      ${result.rssMb.start} MB → ${result.rssMb.end} MB (max ${result.rssMb.max} MB)`);
    for (const [name, ok, figure] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
    for (const line of mismatches.slice(0, 10)) console.log(`        ${line}`);
    console.log('Written to bench/load.json');
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
