// pages: TTFB, LCP and first-load JS of `/` and `/codespaces/<name>`, from cold loads in Chromium.
import { attributeScripts } from '../lib/attribution.mjs';
import { signIn } from '../lib/auth.mjs';
import { navigationMetrics } from '../lib/browser.mjs';
import { formatBytes } from '../lib/format.mjs';
import { log } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';

export async function measurePages({ quick, browser, appUrl, results, record }) {
  log('pages');
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
    if (label !== '/') continue;
    // What those kilobytes are: the largest modules, through the build's browser source maps.
    const modules = attributeScripts(js.js.map((script) => script.name));
    results.pages[label].modules = modules?.slice(0, 10);
    // For the baseline part, which attributes what `/` adds over the bare app's modules.
    results.pages[label].scriptUrls = js.js.map((script) => script.name);
    if (!modules) {
      record(
        `page.${label}.modules`,
        `${label}: first-load JS by module`,
        null,
        'not measured: no source maps (HANGAR_SOURCEMAPS=1 npm run build)',
      );
      continue;
    }
    modules
      .slice(0, 10)
      .forEach((module, i) =>
        record(
          `page.${label}.module.${i + 1}`,
          `${label}: first-load JS, module ${i + 1} of the 10 largest (gzip, at its chunk's ratio): ${module.name}`,
          module.gzip,
          `${formatBytes(module.gzip)} (${formatBytes(module.raw)})`,
        ),
      );
  }
}
