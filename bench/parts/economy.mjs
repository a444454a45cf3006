// economy: what an idle list tab costs GitHub over an hour (Playwright's page.clock), then one
// codespace started from its row until it shows Available.
import { signIn } from '../lib/auth.mjs';
import { newContext, trackInflight } from '../lib/browser.mjs';
import { countByStatus, emulatorControl, upstreamLog } from '../lib/emulator.mjs';
import { statusText } from '../lib/format.mjs';
import { log } from '../lib/report.mjs';

export async function measureEconomy({ quick, browser, appUrl, emulatorUrl, results, record }) {
  log('upstream economy (idle hour, then one start)');
  const login = 'bench-idle';
  await emulatorControl(emulatorUrl, '/fleet', { login, count: 60 });
  const cookie = await signIn(appUrl, login);
  const context = await newContext(browser, cookie, appUrl);
  const page = await context.newPage();
  // Fake timers in the page: an hour of polling runs in seconds, minute by minute, and every
  // request it makes is real (through Hangar to the emulator). The server's clock is not faked.
  await page.clock.install();
  const tracker = trackInflight(page);
  const since = Date.now();
  await page.goto(`${appUrl}/`);
  await page.locator('[role="row"][data-codespace]').first().waitFor();
  await tracker.quiet();
  const loadEntries = await upstreamLog(emulatorUrl, since, login);
  await page.clock.pauseAt(Date.now() + 1000);
  const hourSince = Date.now();
  const minutes = quick ? 15 : 60;
  for (let minute = 0; minute < minutes; minute++) {
    await page.clock.runFor(60_000);
    await tracker.quiet();
  }
  const hour = await upstreamLog(emulatorUrl, hourSince, login);
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
  const starting = countByStatus(await upstreamLog(emulatorUrl, startSince, login));
  results.economy.start = { upstream: starting, ms: tookMs };
  record(
    'economy.start',
    'one codespace starting: upstream until the row shows Available',
    { ...starting, ms: tookMs },
    `${statusText(starting)} in ${(tookMs / 1000).toFixed(1)} s`,
  );
  await context.close();
}
