// scale: a 2,000-codespace fleet in one list: first paint, hydration, and a text filter from the
// keystroke to the frame that shows it.
import { signIn } from '../lib/auth.mjs';
import { newContext } from '../lib/browser.mjs';
import { emulatorControl } from '../lib/emulator.mjs';
import { log } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';

const FLEET = 2000;

export async function measureScale({ quick, browser, appUrl, emulatorUrl, results, record }) {
  log(`scale (${FLEET} codespaces)`);
  const login = 'bench-fleet';
  await emulatorControl(emulatorUrl, '/fleet', { login, count: FLEET });
  const cookie = await signIn(appUrl, login);
  const renders = [];
  const filters = [];
  for (let run = 0; run < (quick ? 2 : 4); run++) {
    const context = await newContext(browser, cookie, appUrl);
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
