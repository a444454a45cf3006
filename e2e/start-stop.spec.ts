import { expect, test, type Page } from '@playwright/test';
import { emulator, row, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

async function findCodespace(page: Page, state: string) {
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const found = codespaces.find((c: { state: string }) => c.state === state);
  expect(found, `a seeded ${state} codespace`).toBeTruthy();
  return found as { name: string; display_name: string | null };
}

test('Stop shows ShuttingDown at once and then Shutdown, without a reload; Start brings it back', async ({ page }) => {
  await signIn(page, 'mona');
  const codespace = await findCodespace(page, 'Available');
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(codespace.name);
  const target = row(page, codespace.name);
  await expect(target).toBeVisible();

  await target.getByRole('button', { name: 'Stop' }).click();
  await expect(target.locator('[data-codespace-state]')).toHaveText('ShuttingDown');
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown', { timeout: 15_000 });
  // Its arrival is said in a notice (placed clear of the row's buttons, which stay pressable).
  await expect(
    page
      .getByRole('region', { name: /Notifications/ })
      .getByRole('listitem')
      .filter({ hasText: `${codespace.display_name || codespace.name} is stopped` }),
  ).toBeVisible();

  await target.getByRole('button', { name: 'Start' }).click();
  await expect(target.locator('[data-codespace-state]')).toHaveText('Starting');
  await expect(target.locator('[data-codespace-state]')).toHaveText('Available', { timeout: 15_000 });
  await expect(target.getByRole('button', { name: 'Stop' })).toBeVisible();
});

test('a billing refusal (402) on Start is explained in words and the page keeps working', async ({ page, request }) => {
  await signIn(page, 'mona');
  const codespace = await findCodespace(page, 'Shutdown');
  await emulator.fault(request, {
    method: 'POST',
    path: `^/user/codespaces/${codespace.name}/start$`,
    status: 402,
    body: {
      message: 'Payment required: the spending limit for Codespaces has been reached.',
      documentation_url: 'https://docs.github.com/rest',
      status: '402',
    },
  });
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(codespace.name);
  const target = row(page, codespace.name);
  await target.getByRole('button', { name: 'Start' }).click();

  await expect(page.getByText(/Codespaces billing limit reached/)).toBeVisible();
  await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown');
  // The message stays until dismissed, and the rest of the page still works.
  await page.waitForTimeout(4_000);
  await expect(page.getByText(/Codespaces billing limit reached/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill('');
  await expect(page.locator('[role="row"][data-codespace]').nth(5)).toBeVisible();
});

test('the detail page follows Stop to Shutdown on its own', async ({ page }) => {
  await signIn(page, 'mona');
  const codespace = await findCodespace(page, 'Available');
  await page.goto(`/codespaces/${codespace.name}`);
  const badge = page.locator('header [data-codespace-state]');
  await expect(badge).toHaveText('Available');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(badge).toHaveText('ShuttingDown');
  await expect(badge).toHaveText('Shutdown', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('a double-click on Start sends one request, from the list and from the codespace’s page', async ({ page, request }) => {
  await signIn(page, 'mona');
  const { codespaces } = await (await page.request.get('/api/github/user/codespaces?per_page=100')).json();
  const [fromList, fromPage] = (codespaces as { name: string; state: string }[]).filter((c) => c.state === 'Shutdown');
  const startsOf = async (name: string) =>
    (await emulator.log(request)).filter((entry) => entry.method === 'POST' && entry.path === `/user/codespaces/${name}/start`).length;

  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(fromList!.name);
  const target = row(page, fromList!.name);
  await target.getByRole('button', { name: 'Start' }).dblclick();
  await expect(target.locator('[data-codespace-state]')).toHaveText('Available', { timeout: 15_000 });
  expect(await startsOf(fromList!.name)).toBe(1);

  await page.goto(`/codespaces/${fromPage!.name}`);
  await page.getByRole('button', { name: 'Start' }).dblclick();
  await expect(page.locator('header [data-codespace-state]')).toHaveText('Available', { timeout: 15_000 });
  expect(await startsOf(fromPage!.name)).toBe(1);
});

/** Scrolls the list until an Available codespace's row can sit at the window's bottom edge, and puts its Stop button there. */
async function availableRowAtTheBottom(page: Page) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const name = await page.evaluate(() => {
      for (const row of document.querySelectorAll('[role="row"][data-codespace]')) {
        const below = row.getBoundingClientRect().bottom + window.scrollY > window.innerHeight;
        if (below && row.querySelector('[data-codespace-state]')?.textContent === 'Available') return row.getAttribute('data-codespace');
      }
      return null;
    });
    if (name) {
      const target = row(page, name);
      await target.evaluate((element) => element.scrollIntoView({ block: 'end' }));
      await target
        .getByRole('button', { name: 'Stop' })
        .evaluate((button) => window.scrollBy(0, button.getBoundingClientRect().bottom - (window.innerHeight - 30)));
      return { name, target };
    }
    await page.mouse.wheel(0, 500);
  }
  throw new Error('no Available codespace far enough down the list');
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [device, viewport] of [
  ['a desktop', { width: 1440, height: 900 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`on ${device}`, () => {
    test.use({ viewport });

    test('the notice that a codespace stopped does not cover the buttons of its row at the window’s bottom edge', async ({ page }) => {
      await signIn(page, 'mona');
      // By name, so the row stays where it is when its state and last use change.
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
      await expect(page.locator('[role="row"][data-codespace]').first()).toBeVisible();
      const { name, target } = await availableRowAtTheBottom(page);
      await target.getByRole('button', { name: 'Stop' }).click();
      await expect(target.locator('[data-codespace-state]')).toHaveText('Shutdown', { timeout: 15_000 });
      const notice = page
        .getByRole('region', { name: /Notifications/ })
        .getByRole('listitem')
        .filter({ hasText: 'is stopped' });
      await expect(notice).toBeVisible();
      // Let the notice finish sliding in before measuring where it rests.
      await page.waitForTimeout(600);

      const noticeBox = (await notice.boundingBox())!;
      const buttons = await target.getByRole('button').all();
      for (const button of buttons) {
        const box = (await button.boundingBox())!;
        // Still where the user pressed Stop: at the bottom edge, where notices used to appear.
        expect(box.y + box.height).toBeGreaterThan(viewport.height - 60);
        expect(overlaps(noticeBox, box), `the notice over ${name}'s ${await button.innerText()} button`).toBe(false);
      }
    });
  });
}
