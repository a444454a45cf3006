// distance: GitHub 150 ms away (a second emulator with latency, a second Hangar pointed at it):
// `/` TTFB and LCP, and a 2,000-codespace list's first rows and whole list.
import { signIn } from '../lib/auth.mjs';
import { countPattern, listLoad, navigationMetrics } from '../lib/browser.mjs';
import { countByStatus, emulatorControl } from '../lib/emulator.mjs';
import { ms, statusText } from '../lib/format.mjs';
import { log } from '../lib/report.mjs';
import { startEmulator, startHangar } from '../lib/servers.mjs';
import { median, okFigure } from '../lib/stats.mjs';

const FAR = { latencyMs: 150, jitterMs: 30 };
const FAR_FLEET = 2000;
const FAR_ORG = 'octo-org';
const FAR_ORG_SIZE = 10_000;
const ORG_SCOPES = ['codespace', 'read:user', 'user:email', 'admin:org'];

export async function measureDistance({ quick, browser, ports, results, record }) {
  log(`distance (GitHub ${FAR.latencyMs} ms ± ${FAR.jitterMs} ms away)`);
  const emulator = startEmulator('far-emulator', ports.farEmulator, FAR);
  const app = startHangar('far-hangar', ports.far, emulator.url);
  try {
    await Promise.all([emulator.started, app.started]);
    const rtt = FAR.latencyMs;
    record(
      'distance.rtt',
      'distance: GitHub round trip used (emulator delay per request, ± uniform jitter)',
      FAR,
      `${FAR.latencyMs} ms ± ${FAR.jitterMs} ms`,
    );
    const { token } = await emulatorControl(emulator.url, '/tokens', { login: 'mona' });
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
    await emulatorControl(emulator.url, '/fleet', { login, count: FAR_FLEET });
    let fleetCookie;
    const pattern = countPattern(FAR_FLEET);
    const runs = [];
    let upstream = null;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      // A first visit each time: Hangar's store keeps answers per token, so a new sign-in (a new
      // token) finds nothing stored, where the same one would be a returning user from the second run on.
      fleetCookie = await signIn(app.url, login);
      const since = Date.now();
      const run = await listLoad(browser, fleetCookie, `${app.url}/`, pattern);
      await run.context.close();
      const { entries } = await emulatorControl(emulator.url, `/log?since=${since}`);
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
      // 20 pages at 4 in flight: page one, then 5 windows of 4 (6 round trips), and the rest on the machine.
      `≤ 6 × ${rtt} + 1,100 = ${(6 * rtt + 1100).toLocaleString('en-US')} ms`,
      okFigure(whole) && whole <= 6 * rtt + 1100,
    );

    // The same user again: Hangar's store holds every page now, so the first paint is the whole list.
    const returning = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const run = await listLoad(browser, fleetCookie, `${app.url}/`, pattern, { stored: true });
      const shownAt = await run.page.evaluate(() => window.__benchList.textPainted);
      await run.context.close();
      returning.push(shownAt);
    }
    const returningShown = median(returning);
    results.distance.returning = returning;
    record(
      'distance.returning',
      `the same, a returning user (the store holds every page): whole list shown (median of ${returning.length}), then revalidated`,
      returningShown,
      ms(returningShown),
      `≤ ${rtt} + 500 = ${rtt + 500} ms`,
      okFigure(returningShown) && returningShown <= rtt + 500,
    );

    // The organisation view, 10,000 codespaces, GitHub as far: assembled and streamed by the server.
    await emulatorControl(emulator.url, '/org-fleet', { org: FAR_ORG, codespaces: FAR_ORG_SIZE, members: FAR_ORG_SIZE / 10 });
    const { token: orgToken } = await emulatorControl(emulator.url, '/tokens', { login: 'mona', scopes: ORG_SCOPES });
    const orgTotal = (
      await (
        await fetch(`${emulator.url}/api/orgs/${FAR_ORG}/codespaces?per_page=1`, { headers: { authorization: `token ${orgToken}` } })
      ).json()
    ).total_count;
    const orgCookie = await signIn(app.url, 'mona', { scope: ORG_SCOPES.join(' ') });
    const orgRuns = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const run = await listLoad(browser, orgCookie, `${app.url}/orgs/${FAR_ORG}`, countPattern(orgTotal));
      await run.context.close();
      orgRuns.push(run.figures);
    }
    const orgFirst = median(orgRuns.map((r) => r.firstRows));
    const orgWhole = median(orgRuns.map((r) => r.whole));
    results.distance.org = { codespaces: orgTotal, runs: orgRuns };
    record(
      'distance.org.firstRows',
      `org view, ${FAR_ORG_SIZE.toLocaleString('en-US')} codespaces, ${rtt} ms upstream: first rows painted (median of ${orgRuns.length})`,
      orgFirst,
      ms(orgFirst),
      `≤ ${rtt} + 500 = ${rtt + 500} ms`,
      okFigure(orgFirst) && orgFirst <= rtt + 500,
    );
    record(
      'distance.org.whole',
      `org view, ${FAR_ORG_SIZE.toLocaleString('en-US')} codespaces, ${rtt} ms upstream: whole list loaded (${Math.ceil(orgTotal / 100)} pages upstream)`,
      orgWhole,
      ms(orgWhole),
      '≤ 4,000 ms',
      okFigure(orgWhole) && orgWhole <= 4000,
    );
  } finally {
    await Promise.all([app.stop(), emulator.stop()]);
  }
}
