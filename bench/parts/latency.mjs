// latency: the proxy's overhead, `GET /user/codespaces` through Hangar and straight to the emulator.
import { latencySamples, interleaved, once } from '../lib/http.mjs';
import { log } from '../lib/report.mjs';
import { percentile } from '../lib/stats.mjs';

export async function measureLatency({ quick, appUrl, emulatorUrl, cookie, token, results, record }) {
  log('proxy latency');
  const samples = latencySamples(quick);
  const proxyUrl = `${appUrl}/api/github/user/codespaces`;
  const directUrl = `${emulatorUrl}/api/user/codespaces`;
  const proxyHeaders = { cookie, accept: 'application/json' };
  const directHeaders = { authorization: `token ${token}`, accept: 'application/vnd.github+json' };
  const [proxied, direct] = await interleaved([proxyUrl, proxyHeaders], [directUrl, directHeaders], samples);
  // Calibration, same moment: Next.js serving a static file (its own floor per request), and the
  // proxied request asking for an uncompressed answer (Next gzips every answer it sends).
  const floor = [];
  const identity = [];
  const directIdentity = [];
  for (let i = 0; i < Math.min(samples, 300); i++) {
    floor.push(await once(`${appUrl}/icon.svg`, {}));
    identity.push(await once(proxyUrl, { ...proxyHeaders, 'accept-encoding': 'identity' }));
    directIdentity.push(await once(directUrl, { ...directHeaders, 'accept-encoding': 'identity' }));
  }
  const p = (values, q) => percentile(values, q);
  const overhead50 = p(proxied, 50) - p(direct, 50);
  const overhead99 = p(proxied, 99) - p(direct, 99);
  results.latency = {
    samples,
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
    `GET /user/codespaces straight to the emulator, p50 / p99 (${samples} req)`,
    results.latency.direct,
    `${p(direct, 50).toFixed(2)} / ${p(direct, 99).toFixed(2)} ms`,
  );
  record(
    'latency.proxied',
    `the same through Hangar, p50 / p99 (${samples} req)`,
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
