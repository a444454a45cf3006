import { expect, test, type Locator, type Page } from '@playwright/test';
import { emulator, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

/** Whether a click at the middle of the control would reach it (nothing, a notice say, lies over it). */
const reachable = (control: Locator) =>
  control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return element.contains(hit);
  });

async function headerControls(page: Page) {
  const header = page.getByRole('banner');
  return [
    header.getByRole('button', { name: 'Menu' }),
    header.getByRole('link', { name: 'Hangar' }),
    header.getByRole('button', { name: /Search or run a command/ }),
    header.getByRole('button', { name: 'Account: mona' }),
  ];
}

test('on a phone an error notice that stays up hides neither the header’s controls nor any codespace’s buttons', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, 'mona');
  const startable = page
    .locator('[role="row"][data-codespace]')
    .filter({ has: page.getByRole('button', { name: 'Start', disabled: false }) });
  const row = startable.first();
  const name = (await row.getAttribute('data-codespace'))!;
  await emulator.fault(request, { method: 'POST', path: `^/user/codespaces/${name}/start$`, status: 502, times: 5 });
  await row.getByRole('button', { name: 'Start' }).click();
  const notice = page.locator('[data-sonner-toast]').filter({ hasText: /GitHub is having trouble/ });
  await expect(notice).toBeVisible();

  for (const control of await headerControls(page)) expect(await reachable(control), String(control)).toBe(true);
  // The notice stays while the user carries on: Start can be pressed again, and the list's last codespace reached.
  const start = row.getByRole('button', { name: 'Start' });
  await start.scrollIntoViewIfNeeded();
  expect(await reachable(start)).toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = page
    .locator('[role="row"][data-codespace]')
    .last()
    .getByRole('button', { name: /^(Start|Stop)$/ });
  await expect(last).toBeInViewport();
  await expect(notice).toBeVisible();
  expect(await reachable(last)).toBe(true);
});
