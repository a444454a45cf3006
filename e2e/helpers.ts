import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { FaultRule } from '../emulator/faults';

/** The emulator's test hooks, served by the app in demo mode (HANGAR_EMULATOR_CONTROL=1). */
export const emulator = {
  async reset(request: APIRequestContext) {
    expect((await request.post('/emulator/_emulator/reset')).status()).toBe(204);
  },
  async fault(
    request: APIRequestContext,
    /** `path` is a regular expression over the path without the mount and `/api`. */
    rule: FaultRule,
  ) {
    expect((await request.post('/emulator/_emulator/faults', { data: rule })).status()).toBe(201);
  },
  async log(
    request: APIRequestContext,
    since = 0,
  ): Promise<{ method: string; path: string; status: number; login: string | null; at: number }[]> {
    const response = await request.get(`/emulator/_emulator/log?since=${since}`);
    return (await response.json()).entries;
  },
  async tokens(request: APIRequestContext): Promise<string[]> {
    return (await (await request.get('/emulator/_emulator/tokens')).json()).tokens;
  },
  /** The value the emulator decrypted and holds for a secret, or null when there is no such secret. */
  async secretValue(
    request: APIRequestContext,
    place: { scope: 'user' | 'org'; owner: string } | { scope: 'repo'; owner: string; repo: string },
    name: string,
  ): Promise<string | null> {
    const query = new URLSearchParams({ ...place, name });
    const response = await request.get(`/emulator/_emulator/secrets?${query}`);
    if (response.status() === 404) return null;
    expect(response.status()).toBe(200);
    return (await response.json()).value;
  },
  /** Who may use Codespaces in an organisation, as the emulator holds it (GitHub itself has no read of it). */
  async codespacesAccess(request: APIRequestContext, org: string): Promise<{ visibility: string; selected_usernames: string[] }> {
    const response = await request.get(`/emulator/_emulator/codespaces-access?org=${org}`);
    expect(response.status()).toBe(200);
    return response.json();
  },
};

/** Signs in through the real OAuth web flow: Hangar → emulator's authorize page → back to Hangar. */
export async function signIn(page: Page, login = 'mona', path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: /Sign in with GitHub/ }).click();
  await expect(page).toHaveURL(/\/emulator\/login\/oauth\/authorize/);
  await page.getByRole('button', { name: `Sign in as ${login}` }).click();
  await expect(page.getByRole('button', { name: `Account: ${login}` })).toBeVisible();
}

/** A codespace's row in the list, found by its name (scrolling the virtualised list if needed). */
export function row(page: Page, name: string) {
  return page.locator(`[role="row"][data-codespace="${name}"]`);
}

/** Reads every codespace name in the list by scrolling through it. */
export async function collectListedNames(page: Page): Promise<Set<string>> {
  const names = new Set<string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 200; i++) {
    for (const name of await page
      .locator('[role="row"][data-codespace]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-codespace')!))) {
      names.add(name);
    }
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (atBottom) break;
    await page.waitForTimeout(50);
  }
  return names;
}

/** Signs in, then grants the admin:org scope through the organisation view's consent, as a user would. */
export async function signInWithOrgAccess(page: Page, login = 'mona', org = 'octo-org') {
  await signIn(page, login);
  await grantOrgAccess(page, login, org);
}

/** Already signed in: opens the organisation and grants the admin:org scope it asks for. */
export async function grantOrgAccess(page: Page, login = 'mona', org = 'octo-org') {
  await page.goto(`/orgs/${org}`);
  await page.getByRole('button', { name: 'Grant organization access on GitHub' }).click();
  await expect(page).toHaveURL(/\/emulator\/login\/oauth\/authorize/);
  await page.getByRole('button', { name: `Sign in as ${login}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org}$`));
}
