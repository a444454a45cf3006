// baseline: a bare Next.js app (bench/baseline/), built and started in this run, as the floor
// under Hangar: its route handler forwarding the proxy's request, and its page's first-load JS and LCP.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { attributeScripts, modulesOver } from '../lib/attribution.mjs';
import { navigationMetrics } from '../lib/browser.mjs';
import { formatBytes } from '../lib/format.mjs';
import { interleaved, latencySamples } from '../lib/http.mjs';
import { root } from '../lib/paths.mjs';
import { startProcess } from '../lib/process.mjs';
import { log } from '../lib/report.mjs';
import { nextBin, trackServer } from '../lib/servers.mjs';
import { median, percentile } from '../lib/stats.mjs';

export async function measureBaseline({ quick, browser, ports, appUrl, emulatorUrl, cookie, token, results, record }) {
  const dir = path.join(root, 'bench', 'baseline');
  log('baseline: next build bench/baseline');
  const build = spawnSync(process.execPath, [nextBin, 'build', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`next build bench/baseline failed: ${`${build.stdout}\n${build.stderr}`.trim().slice(-2000)}`);
  const baselineUrl = `http://127.0.0.1:${ports.baseline}`;
  const baseline = trackServer(
    startProcess('baseline', process.execPath, [nextBin, 'start', dir, '-H', '127.0.0.1', '-p', String(ports.baseline)], {
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
    const samples = latencySamples(quick);
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
    const [proxied, forwarded] = await interleaved([proxyUrl, proxyHeaders], [forwardUrl, forwardHeaders], samples);
    const p = (values, q) => percentile(values, q);
    const delta = p(proxied, 50) - p(forwarded, 50);
    results.baseline = {
      samples,
      bodyBytes: { proxied: sizes[0], forwarded: sizes[1] },
      forwarded: { p50: p(forwarded, 50), p99: p(forwarded, 99) },
      proxied: { p50: p(proxied, 50), p99: p(proxied, 99) },
    };
    record(
      'baseline.forward',
      `baseline app: route handler forwarding GET /user/codespaces?per_page=100 with fetch, p50 / p99 (${samples} req)`,
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
    const hangarPage = results.pages?.['/'] ?? null;
    const hangarNow = hangarPage ? null : await navigationMetrics(browser, cookie, `${appUrl}/`);
    const hangarBytes = hangarPage?.jsGzipBytes ?? hangarNow.jsEncoded;
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
    // What that difference is, module by module (both builds' browser source maps): each of `/`'s
    // modules less the same module in the bare app, grouped by package or Hangar folder.
    const hangarModules = attributeScripts(hangarPage?.scriptUrls ?? hangarNow.js.map((script) => script.name));
    const baseModules = attributeScripts(
      base.js.map((script) => script.name),
      path.join(dir, '.next'),
    );
    if (!hangarModules || !baseModules) {
      record('baseline.jsOver', "/ first-load JS over the baseline app's, by module", null, 'not measured: no source maps');
      return;
    }
    const groups = modulesOver(hangarModules, baseModules);
    results.baseline.jsOver = groups;
    const kb = (bytes) => (bytes / 1024).toFixed(1);
    const shown = groups.filter((group) => group.gzip >= 512);
    for (const group of shown) {
      const listed = group.modules.map((m) => `${m.name.replace(`${group.name}/`, '')} ${kb(m.gzip)}`);
      if (group.smaller) listed.push(`${group.smaller} under 0.5 KB`);
      record(
        `baseline.jsOver.${group.name}`,
        `/ over the baseline app, gzip KB: ${group.name}`,
        group.gzip,
        `${kb(group.gzip)}: ${listed.join(', ')}`,
      );
    }
    const rest = groups.slice(shown.length);
    const sum = (list) => list.reduce((total, group) => total + group.gzip, 0);
    record(
      'baseline.jsOver.rest',
      '/ over the baseline app, gzip KB: the rest, and all attributed (vs. measured above)',
      sum(rest),
      `${kb(sum(rest))} in ${rest.length} groups under 0.5 KB each; ${kb(sum(groups))} in all`,
    );
  } finally {
    await baseline.stop();
  }
}
