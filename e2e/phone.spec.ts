import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { emulator, signIn, signInWithOrgAccess } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

/** The page does not scroll sideways: everything fits the phone's width (wide tables scroll in their own box). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: the page is ${scrollWidth} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

/** A box wholly on screen. */
async function expectOnScreen(page: Page, locator: Locator, what: string) {
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box, what).toBeTruthy();
  expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends on screen`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what} ends on screen`).toBeLessThanOrEqual(viewport.height);
}

/**
 * Every codespace row on screen names its codespace legibly: the name is visible, given a real
 * width (not squeezed to nothing), and its text is in the row; so is the repository.
 */
async function expectReadableRows(page: Page, rows: Locator, what: string) {
  await expect(rows.first()).toBeVisible();
  const count = Math.min(await rows.count(), 6);
  for (let i = 0; i < count; i++) {
    const card = rows.nth(i);
    const name = card.locator('[data-codespace-title]');
    await expect(name, `${what}: row ${i + 1}'s name`).toBeVisible();
    const box = (await name.boundingBox())!;
    const text = (await name.textContent())!.trim();
    expect(text.length, `${what}: row ${i + 1} has a name`).toBeGreaterThan(0);
    // Wide enough for a name: at least 40% of the screen, or the whole name when it is short.
    const fullWidth = await name.evaluate((el) => el.scrollWidth);
    expect(box.width, `${what}: “${text}” is ${box.width} px wide`).toBeGreaterThanOrEqual(
      Math.min(fullWidth, page.viewportSize()!.width * 0.4),
    );
    const repository = card.locator('[data-codespace-repository]');
    if (await repository.count()) {
      const repoBox = (await repository.boundingBox())!;
      expect(repoBox.width, `${what}: row ${i + 1}'s repository is legible`).toBeGreaterThan(60);
    }
    // Nothing in the card spills past the screen's edge.
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true });

    test('the codespace list, a codespace, usage and secrets fit a phone and stay usable', async ({ page }) => {
      await signInWithOrgAccess(page);

      await page.goto('/');
      const rows = page.locator('[role="row"][data-codespace]');
      await expectReadableRows(page, rows, 'your codespaces');
      // Each card still carries its selection, its state and its Start or Stop, within reach.
      const first = rows.first();
      await expect(first.getByRole('checkbox')).toBeVisible();
      await expect(first.locator('[data-codespace-state]')).toBeVisible();
      await expect(
        first.getByRole('button', { name: /^(Start|Stop)$/ }).or(first.getByRole('group', { name: /^Start unavailable/ })),
      ).toBeVisible();
      await first.getByRole('checkbox').check();
      await expect(page.getByText('1 codespace selected')).toBeVisible();
      await expectNoSidewaysScroll(page, 'your codespaces');
      expect(await seriousViolations(page)).toEqual([]);

      const name = (await first.getAttribute('data-codespace'))!;
      await page.goto(`/codespaces/${name}`);
      await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible();
      await expectNoSidewaysScroll(page, 'a codespace');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/usage');
      await expect(page.getByRole('table', { name: 'Cost of each codespace' })).toBeVisible();
      await expectNoSidewaysScroll(page, 'usage');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/secrets');
      const secrets = page.getByRole('table', { name: 'Your Codespaces secrets' });
      await expect(secrets.getByRole('link', { name: 'mona/blog' }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, 'secrets');
      for (const button of await secrets.getByRole('button', { name: /^(Edit|Delete)$/ }).all())
        await expectOnScreen(page, button, `${await button.getAttribute('title')}`);
      // A secret's name breaks only between its words, never inside one.
      for (const cell of await secrets.locator('[data-secret-name]').all()) {
        const words = (await cell.textContent())!.split(/[_\-./]/).filter((w) => w.length > 1);
        const lines = await cell.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return [...range.getClientRects()].map((r) => Math.round(r.top));
        });
        expect(new Set(lines).size, `${await cell.textContent()} on ${new Set(lines).size} lines`).toBeLessThanOrEqual(words.length);
      }
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the organization view fits a phone, and the header collapses into a menu', async ({ page }) => {
      await signInWithOrgAccess(page);
      await expect(page.getByRole('table', { name: 'Organization codespaces' })).toBeVisible();
      await expectReadableRows(page, page.locator('[role="row"][data-codespace]'), 'octo-org');
      await expectNoSidewaysScroll(page, 'octo-org');
      expect(await seriousViolations(page)).toEqual([]);

      // The account menu opens wholly on screen.
      await page.getByRole('button', { name: 'Account: mona' }).click();
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      await expectOnScreen(page, menu, 'the account menu');
      await page.keyboard.press('Escape');

      // Search, the demo notice and every page of the navigation are within reach.
      await expect(page.getByRole('button', { name: 'Search or run a command' })).toBeVisible();
      await expect(page.getByText('Demo data')).toBeVisible();
      const toggle = page.getByRole('button', { name: 'Menu' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const link of ['Codespaces', 'Usage', 'Secrets']) await expectOnScreen(page, nav.getByRole('link', { name: link }), link);
      await expect(nav.getByRole('button', { name: 'Organizations' })).toBeVisible();
      await nav.getByRole('link', { name: 'Usage' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your usage' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Usage' })).toBeHidden();
      await expectNoSidewaysScroll(page, 'usage, from the menu');
    });

    test('2,000 codespaces scroll as cards: the last one is there, and no card overlaps the next', async ({ page, request }) => {
      expect((await request.post('/emulator/_emulator/fleet', { data: { login: 'phone-fleet', count: 2000 } })).status()).toBe(201);
      await signIn(page, 'phone-fleet');
      await expect(page.getByText('2,000 codespaces', { exact: true })).toBeVisible({ timeout: 30_000 });
      const rows = page.locator('[role="row"][data-codespace]');

      /** The cards on screen, top to bottom, each starting where the one before it ends (once scrolling has settled). */
      const expectStacked = async (where: string) => {
        const misfit = () =>
          rows.evaluateAll((els) => {
            const boxes = els.map((el) => el.getBoundingClientRect()).sort((a, b) => a.y - b.y);
            if (boxes.length < 4) return Infinity;
            return Math.max(...boxes.slice(1).map((box, i) => Math.abs(box.y - (boxes[i]!.y + boxes[i]!.height))));
          });
        await expect.poll(misfit, { message: `cards stacked ${where}` }).toBeLessThan(1);
      };
      await expectStacked('at the top');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(rows.first()).toBeVisible();
      await expectStacked('half way down');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const last = page.locator('[role="row"][aria-rowindex="2001"]');
      await expect(last).toBeInViewport();
      await expectReadableRows(page, last, 'the last card');
      await expectStacked('at the bottom');
      await expectNoSidewaysScroll(page, 'a long list');
    });

    test('the other pages fit a phone too', async ({ page }) => {
      await signInWithOrgAccess(page);
      for (const [path, ready] of [
        ['/orgs/octo-org/members/lisa-dev', page.getByRole('table', { name: 'Organization codespaces' })],
        ['/orgs/octo-org/usage', page.getByRole('table', { name: 'Cost by repository and SKU' })],
        ['/orgs/octo-org/settings', page.getByRole('table', { name: 'Codespaces secrets of octo-org' })],
        ['/repos/octo-org/octo-app', page.getByRole('table', { name: 'Machine types' })],
        ['/codespaces/new', page.getByRole('button', { name: 'Create codespace' })],
        ['/no/such/page', page.getByRole('heading', { name: 'This page does not exist' })],
      ] as const) {
        await page.goto(path);
        await expect(ready).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page, path);
      }
    });
  });
}
