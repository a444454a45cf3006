#!/usr/bin/env node
// Takes the README's screenshots from the real app: starts the production build in demo mode,
// signs in through the emulator and captures the pages, light and dark. Run after `npm run build`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const port = process.env.SCREENSHOT_PORT ?? '3200';
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', AUTH_URL: base, GITHUB_ID: '', HANGAR_LOG: 'off' },
  stdio: 'ignore',
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/auth/providers`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

try {
  await waitForServer();
  mkdirSync('docs', { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const suffix = scheme === 'dark' ? '-dark' : '';
    await page.goto(base);
    await page.screenshot({ path: `docs/signin${suffix}.png` });
    await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
    await page.getByRole('button', { name: 'Sign in as mona' }).waitFor();
    await page.screenshot({ path: `docs/authorize${suffix}.png` });
    await page.getByRole('button', { name: 'Sign in as mona' }).click();
    await page.getByRole('table', { name: 'Codespaces' }).waitFor();
    // Each row's cost this month, once GitHub's billing report is in.
    await page.locator('[role="row"][data-codespace] [data-cost]').first().waitFor();
    // The list with its attention panel folded (as a returning user may keep it), then the panel open.
    await page.getByRole('button', { name: /Needs your attention/ }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/list${suffix}.png` });
    await page.getByRole('button', { name: /Needs your attention/ }).click();
    await page.getByRole('region', { name: /attention/i }).screenshot({ path: `docs/attention${suffix}.png` });
    // The command palette, searching and then on a codespace's actions.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search or run a command' }).getByRole('option').first().waitFor();
    await page.keyboard.type('usage');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/palette${suffix}.png` });
    await page.keyboard.press('Escape');
    // A stopped codespace with work at risk shows the most of the detail page.
    const name = await page.locator('[role="row"][data-codespace]', { hasText: 'Usage view' }).first().getAttribute('data-codespace');
    await page.goto(`${base}/codespaces/${name}`);
    await page.getByRole('region', { name: 'Git status' }).waitFor();
    await page.getByRole('region', { name: 'Machine' }).locator('[data-cost]').waitFor();
    await page.screenshot({ path: `docs/detail${suffix}.png`, fullPage: true });
    await page.goto(`${base}/codespaces/new`);
    await page.getByRole('listbox', { name: 'Repository' }).or(page.getByLabel('Repository')).first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/create${suffix}.png`, fullPage: true });
    await page.goto(`${base}/usage`);
    await page.getByRole('table', { name: 'Cost of each codespace' }).locator('[data-cost]').first().waitFor();
    await page.screenshot({ path: `docs/usage${suffix}.png` });
    // The user's secrets, and the form (its value typed, never shown again once saved).
    await page.goto(`${base}/secrets`);
    await page.getByRole('table', { name: 'Your Codespaces secrets' }).getByRole('link').first().waitFor();
    await page.screenshot({ path: `docs/secrets${suffix}.png` });
    await page.getByRole('button', { name: 'New secret' }).click();
    const form = page.getByRole('dialog', { name: 'New secret for your codespaces' });
    await form.getByLabel('Name').fill('NPM_READ_TOKEN');
    await form.getByLabel('Value').fill('npm_5xY…');
    await form.getByRole('option', { name: 'mona/blog' }).click();
    await form.getByRole('option', { name: 'octo-org/octo-app' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/secret-form${suffix}.png` });
    await page.keyboard.press('Escape');
    // The organisation view asks for admin:org first (incremental consent).
    await page.goto(`${base}/orgs/octo-org`);
    await page.getByRole('button', { name: 'Grant organization access on GitHub' }).click();
    await page.getByRole('button', { name: 'Sign in as mona' }).click();
    await page.getByRole('table', { name: 'Organization codespaces' }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/org${suffix}.png` });
    await page.goto(`${base}/orgs/octo-org/usage`);
    await page.getByRole('table', { name: 'Cost by repository and SKU' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/org-usage${suffix}.png`, fullPage: true });
    // Organisation settings: who may use Codespaces (members chosen), and the organisation's secrets.
    await page.goto(`${base}/orgs/octo-org/settings`);
    await page.getByRole('table', { name: 'Codespaces secrets of octo-org' }).getByRole('link').first().waitFor();
    await page.getByRole('radio', { name: /^Selected members/ }).check();
    for (const member of ['hubot', 'lisa-dev', 'mona'])
      await page.getByRole('listbox', { name: 'Members' }).getByRole('option', { name: member }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/org-settings${suffix}.png`, fullPage: true });
    await context.close();
  }
  // On a phone (390 × 844): the list as cards, a codespace, the header's menu; light and dark.
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const suffix = scheme === 'dark' ? '-dark' : '';
    await page.goto(base);
    await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
    await page.getByRole('button', { name: 'Sign in as mona' }).click();
    await page.getByRole('table', { name: 'Codespaces' }).waitFor();
    await page.locator('[role="row"][data-codespace] [data-cost]').first().waitFor();
    // The cards, under a folded attention panel (the choice is remembered: put back after).
    await page.getByRole('button', { name: /Needs your attention/ }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/phone-list${suffix}.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/phone-menu${suffix}.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Needs your attention/ }).click();
    const name = await page.locator('[role="row"][data-codespace]', { hasText: 'Usage view' }).first().getAttribute('data-codespace');
    await page.goto(`${base}/codespaces/${name}`);
    await page.getByRole('region', { name: 'Git status' }).waitFor();
    await page.getByRole('region', { name: 'Machine' }).locator('[data-cost]').waitFor();
    // News toasts (work at risk) would cover the page: dismissed, as a reader would.
    await page.waitForTimeout(800);
    for (const close of await page.getByRole('button', { name: /close toast/i }).all()) await close.click().catch(() => {});
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/phone-detail${suffix}.png` });
    await context.close();
  }
  // GitHub's refusals as the README shows them, through sso-sam's hard edges (light only).
  const context = await browser.newContext({ viewport: { width: 1360, height: 760 }, colorScheme: 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await page.getByRole('button', { name: 'Sign in as sso-sam' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /single sign-on/ })
    .waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/sso-hidden.png' });
  await page
    .locator('[role="row"][data-codespace]', { hasText: 'Start needs a permission' })
    .getByRole('button', { name: 'Start' })
    .click();
  await page.getByText('codespaces_lifecycle_admin=write', { exact: false }).first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/permission.png' });
  await page.goto(`${base}/orgs/sso-corp`);
  await page.getByRole('button', { name: 'Grant organization access on GitHub' }).click();
  await page.getByRole('button', { name: 'Sign in as sso-sam' }).click();
  await page.getByRole('link', { name: /Authorize single sign-on for sso-corp/ }).waitFor();
  await page.screenshot({ path: 'docs/sso-required.png' });
  await page.goto(`${base}/orgs/locked-labs`);
  await page.getByRole('link', { name: /approve Hangar/i }).waitFor();
  await page.screenshot({ path: 'docs/oauth-restricted.png' });
  await context.close();
  await browser.close();
  console.log('Screenshots written to docs/');
} finally {
  server.kill('SIGTERM');
}
