// Chromium, driven by Playwright: fresh contexts, requests in flight, and what a page load costs.
import { sleep } from './process.mjs';

/** A fresh browser context (empty cache), signed in to the Hangar at `url` when given a cookie. */
export async function newContext(browser, cookie, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
  if (!cookie) return context;
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  await context.addCookies([{ name, value, url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Hangar's data requests: the GitHub proxy's and its own streamed lists'. */
const isDataRequest = (url) => url.includes('/api/github/') || url.includes('/api/lists/');

/** Counts the page's requests in flight, to wait for quiet after each simulated minute. */
export function trackInflight(page) {
  let inflight = 0;
  let browserRequests = 0;
  const statuses = {};
  page.on('request', (request) => {
    if (isDataRequest(request.url())) {
      inflight++;
      browserRequests++;
    }
  });
  const done = (request) => {
    if (isDataRequest(request.url())) inflight--;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response) => {
    if (isDataRequest(response.url())) statuses[response.status()] = (statuses[response.status()] ?? 0) + 1;
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

/** TTFB, LCP and the JavaScript loaded by one cold navigation (fresh context: empty cache). */
export async function navigationMetrics(browser, cookie, url) {
  const context = await newContext(browser, cookie, new URL(url).origin);
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

/**
 * In the page, from its first byte: when the first row is in the document and when the frame after
 * it is painted, and the same for `pattern` appearing in the main content (the list's own count).
 */
function watchList({ pattern, stored }) {
  const mark = {};
  window.__benchList = mark;
  const re = new RegExp(pattern);
  const paintedAfter = (key) => requestAnimationFrame(() => setTimeout(() => (mark[key] = performance.now()), 0));
  // Content streamed into a Suspense boundary waits in a hidden element until React reveals it:
  // it is not shown until then.
  const shown = (selector) => [...document.querySelectorAll(selector)].find((element) => !element.closest('[hidden]'));
  const check = () => {
    if (mark.rowInDom === undefined && shown('[role="row"][data-codespace]')) {
      mark.rowInDom = performance.now();
      paintedAfter('rowPainted');
    }
    const text = shown('main')?.textContent ?? '';
    // The count alone is not the whole list: a first paint shows GitHub's count with the first page
    // ("Loaded 100 of 2,000 codespaces; the rest are on their way"), and a stored list says it is
    // being checked; the whole list is there when the page says neither.
    const unfinished = stored ? /the rest are on their way/ : /the rest are on their way|checking with GitHub/;
    // Not while the HTML of a streaming list is still being parsed: the heading's count comes before
    // the line saying the rest are on their way, and matched alone (measured: the organisation view's
    // whole list was taken as shown ~0.2-0.35 s before its last render, at the stream's end). A stored
    // list is whole with its first chunk and has no such line, while its HTML stays open for the
    // revalidation behind it: waiting for the end of parsing there measured GitHub's round trips too.
    if (!stored && document.readyState === 'loading') return;
    if (mark.textInDom === undefined && re.test(text) && !unfinished.test(text)) {
      mark.textInDom = performance.now();
      paintedAfter('textPainted');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('readystatechange', check);
}

/** "2,000 codespaces" (or "2000 codespaces") in text where elements' words run together, not "12,000 codespaces". */
export const countPattern = (n) => `(?:^|[^\\d,])${String(n).replace(/(\d)(?=(\d{3})+$)/g, '$1,?')} codespaces`;

/** Until no data request (/api/github, /api/lists) has been in flight for `quietMs`. */
async function settled(tracker, quietMs = 500, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let quietSince = tracker.inflight === 0 ? Date.now() : null;
  while (Date.now() < deadline) {
    await sleep(25);
    if (tracker.inflight > 0) quietSince = null;
    else quietSince ??= Date.now();
    if (quietSince !== null && Date.now() - quietSince >= quietMs) return;
  }
  throw new Error(`requests to /api/github or /api/lists still in flight after ${timeoutMs / 1000} s`);
}

/**
 * One cold load of a list until all of it is there: first rows painted (the first paint if the
 * rows were in it), and the whole list (its count shown, every data request answered and
 * the document itself fully received). `stored`: a list shown from Hangar's store counts as shown
 * while the page checks it with GitHub (a returning user's first paint).
 */
export async function listLoad(browser, cookie, url, pattern, { stored = false } = {}) {
  const context = await newContext(browser, cookie, new URL(url).origin);
  try {
    await context.addInitScript(watchList, { pattern, stored });
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
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/github/') || e.name.includes('/api/lists/'));
      return {
        ...window.__benchList,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        documentEnd: nav.responseEnd,
        lastApiEnd: Math.max(0, ...api.map((e) => e.responseEnd)),
        apiRequests: api.length,
        // What the list's data cost on the wire (as transferred: gzipped), headers left out.
        apiBytes: api.reduce((sum, e) => sum + e.encodedBodySize, 0),
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
