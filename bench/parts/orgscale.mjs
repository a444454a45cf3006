// orgscale: the organisation view with 2,000 and 10,000 codespaces (the emulator's org fleet):
// loading, a text filter and grouping by member to the painted frame, and the tab's JS heap.
import { signIn } from '../lib/auth.mjs';
import { countPattern, listLoad } from '../lib/browser.mjs';
import { emulatorControl } from '../lib/emulator.mjs';
import { formatBytes, ms } from '../lib/format.mjs';
import { rssOf, serverPid } from '../lib/process.mjs';
import { log } from '../lib/report.mjs';
import { startHangar } from '../lib/servers.mjs';
import { okFigure, summarise } from '../lib/stats.mjs';

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

/** A summary (`summarise`) of `n` changes as "12.3 ms, max 20.1 ms", with how many never showed. */
const shownTimes = ({ median: m, max, missed }, n) =>
  okFigure(m)
    ? `${m.toFixed(1)} ms, max ${max.toFixed(1)} ms${missed ? ` (${missed} of ${n} never showed)` : ''}`
    : 'not measured: nothing changed';

export async function measureOrgScale({ quick, browser, ports, emulatorUrl, results, record }) {
  const app = startHangar('org-hangar', ports.org, emulatorUrl);
  try {
    await app.started;
    const { token } = await emulatorControl(emulatorUrl, '/tokens', { login: 'mona', scopes: ORG_SCOPES });
    // Signed in as an owner is after the view's consent screen: with admin:org granted.
    const cookie = await signIn(app.url, 'mona', { scope: ORG_SCOPES.join(' ') });
    results.orgscale = {};
    for (const size of ORG_SIZES) {
      const members = size / 10;
      log(`orgscale: ${size} codespaces, ${members} members`);
      await emulatorControl(emulatorUrl, '/org-fleet', { org: ORG, codespaces: size, members });
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
        const upstreamPages = Math.ceil(total / 100);
        record(
          `orgscale.${size}.load`,
          `${label}: first rows painted / whole list loaded (loopback GitHub, ${upstreamPages} pages; browser: ${load.figures.apiRequests} requests)`,
          { firstRows: load.figures.firstRows, whole: load.figures.whole },
          `${ms(load.figures.firstRows)} / ${ms(load.figures.whole)}`,
          big ? '≤ 3,000 ms whole' : undefined,
          big ? okFigure(load.figures.whole) && load.figures.whole <= 3000 : undefined,
        );
        const perCodespace = load.figures.apiBytes / total;
        record(
          `orgscale.${size}.bytes`,
          `${label}: bytes the browser receives per codespace (list data as transferred, gzipped; ${formatBytes(load.figures.apiBytes)} in all)`,
          perCodespace,
          `${Math.round(perCodespace)} B`,
          big ? '≤ 400 B' : undefined,
          big ? okFigure(perCodespace) && perCodespace > 0 && perCodespace <= 400 : undefined,
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
