import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { emulator, grantOrgAccess, signIn } from './helpers';

test.beforeEach(async ({ request }) => emulator.reset(request));

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    // Notices may arrive while axe reads the page (the toaster loads on the first one); without
    // motion they are never caught half-faded, which axe would measure as low contrast.
    test.use({ colorScheme, reducedMotion: 'reduce' });

    test('sign-in, list, detail and create pages have no serious accessibility problems', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: /Sign in with GitHub/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await signIn(page);
      await expect(page.getByRole('table', { name: 'Codespaces' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const name = await page.locator('[role="row"][data-codespace]').nth(4).getAttribute('data-codespace');
      await page.goto(`/codespaces/${name}`);
      await expect(page.getByRole('region', { name: 'Git status' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/codespaces/new');
      await expect(page.getByRole('region', { name: 'Private repositories are hidden' })).toBeVisible();
      await page.getByRole('listbox', { name: 'Repository' }).selectOption('octo-org/octo-app');
      await expect(page.getByRole('textbox', { name: 'Branch' })).toBeVisible();
      await expect(page.getByLabel('Machine type')).not.toHaveValue('');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('organization, usage and consent pages have no serious accessibility problems', async ({ page }) => {
      await signIn(page);
      await page.goto('/orgs/octo-org');
      await expect(page.getByRole('heading', { name: 'See every codespace of octo-org' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/usage');
      await expect(page.getByRole('table', { name: 'Cost of each codespace' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await grantOrgAccess(page, 'mona');
      await expect(page.getByRole('table', { name: 'Organization codespaces' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/orgs/octo-org/usage');
      await expect(page.getByRole('table', { name: 'Cost by repository and SKU' })).toBeVisible();
      await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('secrets, repository, organization settings and member pages have no serious accessibility problems', async ({ page }) => {
      await signIn(page);
      await page.goto('/secrets');
      await expect(page.getByRole('table', { name: 'Your Codespaces secrets' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'mona/blog' }).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'New secret' }).click();
      const form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
      await form.getByRole('option', { name: 'mona/blog' }).click();
      await form.getByRole('button', { name: 'Save secret' }).click();
      await expect(form.getByText('Enter a name')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto('/repos/mona/blog');
      await expect(page.getByRole('table', { name: 'Machine types' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Grant repository access on GitHub' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await grantOrgAccess(page, 'mona');
      await page.goto('/orgs/octo-org/settings');
      await expect(page.getByRole('table', { name: 'Codespaces secrets of octo-org' })).toBeVisible();
      await page.getByRole('radio', { name: /^Selected members/ }).check();
      await expect(page.getByRole('listbox', { name: 'Members' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/orgs/octo-org/members/lisa-dev');
      await expect(page.getByRole('table', { name: 'Organization codespaces' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the command palette, its actions and the not-found page have no serious accessibility problems', async ({ page }) => {
      await signIn(page);
      // The list renders once the page is live: Ctrl+K before that reaches no listener yet.
      await expect(page.getByRole('table', { name: 'Codespaces' })).toBeVisible();
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Search or run a command' });
      await expect(palette.getByRole('option').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.type('usage vi');
      await page.keyboard.press('ArrowRight');
      await expect(palette.getByRole('option', { name: 'Open in VS Code' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the list can be driven from the keyboard: filter, reach a row, open it', async ({ page }) => {
  await signIn(page);
  await page.getByRole('searchbox', { name: 'Filter by text' }).focus();
  await page.keyboard.type('Usage view');
  await expect(page.locator('[role="row"][data-codespace]')).toHaveCount(1);
  const link = page.locator('[role="row"][data-codespace]').getByRole('link', { name: 'Usage view' });
  for (let i = 0; i < 12 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Usage view' })).toBeVisible();
});
