// throughput: autocannon, direct to the emulator and through Hangar, in alternating rounds; then
// the server's memory after that load.
import autocannon from 'autocannon';
import { countByStatus, upstreamLog } from '../lib/emulator.mjs';
import { formatBytes, statusText } from '../lib/format.mjs';
import { rssOf, serverPid } from '../lib/process.mjs';
import { log } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';

const CONNECTIONS = 32;

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
export async function measureThroughput({ quick, app, appUrl, emulatorUrl, cookie, token, results, record }) {
  const rounds = 4;
  const seconds = Math.ceil((quick ? 5 : 20) / rounds);
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
  const upstream = countByStatus((await upstreamLog(emulatorUrl, since, 'mona')).filter((e) => e.path === '/user/codespaces'));
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
