/**
 * The runner's GitHub over Hangar's GitHub App: what reaches GitHub for each thing a policy asks,
 * against a scripted GitHub (every request recorded, every answer chosen by the test).
 */
import { describe, expect, it } from 'vitest';
import type { GithubAppAuth } from '@/lib/github-app/app-auth.server';
import { installationClient } from '@/lib/github-app/installation-client.server';
import { InstallationTokens } from '@/lib/github-app/installation-tokens.server';
import { MemoryInstallationTokenStore } from '@/lib/github-app/token-store.server';
import { makeCodespace } from '@/lib/test/fixtures';
import { orgGithub } from './org-github.server';

const API = 'https://api.github.test';

interface Seen {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  authorization: string | null;
}

type Script = (request: Seen) => { status: number; body?: unknown; headers?: Record<string, string> };

/** GitHub as a script: each request is recorded and answered by `script`. */
function scriptedGithub(script: Script) {
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const request = {
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      ifNoneMatch: headers.get('if-none-match'),
      authorization: headers.get('authorization'),
    };
    seen.push(request);
    const { status, body, headers: answerHeaders = {} } = script(request);
    return new Response(status === 304 || status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...answerHeaders },
    });
  };
  const app: GithubAppAuth = {
    appId: '1',
    jwt: async () => 'jwt',
    installationId: async (org) => (org === 'octo-org' ? 7 : null),
    mintInstallationToken: async () => ({ token: 'ghs_scripted', expiresAt: Date.now() + 3_600_000 }),
    forgetInstallation: () => undefined,
  };
  const tokens = new InstallationTokens({
    appId: '1',
    mint: (id) => app.mintInstallationToken(id),
    local: new MemoryInstallationTokenStore(),
  });
  return { seen, github: orgGithub((org) => installationClient({ org, apiUrl: API, app, tokens, rulesOf: () => undefined, fetch })) };
}

const page = (names: string[]) => ({ total_count: names.length, codespaces: names.map((name) => makeCodespace({ name })) });

describe('reading an organisation’s codespaces', () => {
  it('asks for each page with that page’s ETag, and turns GitHub’s 304 into an answer', async () => {
    const etags: Record<string, string> = { '1': '"page-1-v1"', '2': '"page-2-v1"' };
    const { seen, github } = scriptedGithub(({ path, ifNoneMatch }) => {
      const pageNumber = new URL(path, API).searchParams.get('page')!;
      if (ifNoneMatch === etags[pageNumber]) return { status: 304, headers: { etag: etags[pageNumber]! } };
      return {
        status: 200,
        body: page([`cs-${pageNumber}`]),
        headers: {
          etag: etags[pageNumber]!,
          ...(pageNumber === '1' ? { link: `<${API}/orgs/octo-org/codespaces?page=2>; rel="next"` } : {}),
        },
      };
    });

    const first = await github.listOrgCodespaces('octo-org', { page: 1, perPage: 100 });
    expect(first).toMatchObject({ ok: true, status: 200, etag: '"page-1-v1"', hasNextPage: true });
    expect(first.ok && first.status === 200 && first.codespaces.map((c) => c.name)).toEqual(['cs-1']);
    const second = await github.listOrgCodespaces('octo-org', { page: 2, perPage: 100 });
    expect(second).toMatchObject({ ok: true, status: 200, etag: '"page-2-v1"', hasNextPage: false });

    expect(await github.listOrgCodespaces('octo-org', { page: 1, perPage: 100, etag: '"page-1-v1"' })).toEqual({ ok: true, status: 304 });
    expect(await github.listOrgCodespaces('octo-org', { page: 2, perPage: 100, etag: '"page-2-v1"' })).toEqual({ ok: true, status: 304 });
    expect(seen.map((r) => [r.path, r.ifNoneMatch])).toEqual([
      ['/orgs/octo-org/codespaces?page=1&per_page=100', null],
      ['/orgs/octo-org/codespaces?page=2&per_page=100', null],
      ['/orgs/octo-org/codespaces?page=1&per_page=100', '"page-1-v1"'],
      ['/orgs/octo-org/codespaces?page=2&per_page=100', '"page-2-v1"'],
    ]);
    // As the app, never as a person.
    expect(seen.every((r) => r.authorization === 'token ghs_scripted')).toBe(true);
  });

  it('reads a member’s codespaces conditionally too', async () => {
    const { seen, github } = scriptedGithub(({ ifNoneMatch }) =>
      ifNoneMatch === '"m1"' ? { status: 304 } : { status: 200, body: page(['mine']), headers: { etag: '"m1"' } },
    );
    expect(await github.listMemberCodespaces('octo-org', 'hubot', {})).toMatchObject({ ok: true, status: 200, etag: '"m1"' });
    expect(await github.listMemberCodespaces('octo-org', 'hubot', { etag: '"m1"' })).toEqual({ ok: true, status: 304 });
    expect(seen.map((r) => r.path)).toEqual([
      '/orgs/octo-org/members/hubot/codespaces?per_page=100',
      '/orgs/octo-org/members/hubot/codespaces?per_page=100',
    ]);
  });

  it('answers a refusal with GitHub’s status and message, and says when GitHub asked to slow down', async () => {
    const forbidden = scriptedGithub(() => ({ status: 403, body: { message: 'Must be an organization owner.' } }));
    expect(await forbidden.github.listOrgCodespaces('octo-org', { page: 1, perPage: 100 })).toEqual({
      ok: false,
      status: 403,
      message: 'Must be an organization owner.',
    });
    const limited = scriptedGithub(() => ({
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    }));
    expect(await limited.github.listOrgCodespaces('octo-org', { page: 1, perPage: 100 })).toMatchObject({
      ok: false,
      status: 403,
      rateLimited: true,
    });
  });

  it('says the app is not installed, in words, when it is not', async () => {
    const { seen, github } = scriptedGithub(() => ({ status: 200, body: page([]) }));
    const answer = await github.listOrgCodespaces('acme-corp', { page: 1, perPage: 100 });
    expect(answer).toMatchObject({ ok: false, status: 404 });
    expect(!answer.ok && answer.message).toMatch(/not installed on acme-corp/);
    expect(seen).toEqual([]);
  });
});

describe('stopping and deleting', () => {
  it('makes each write exactly once, even when GitHub fails it with a 5xx', async () => {
    const { seen, github } = scriptedGithub(({ method }) =>
      method === 'POST' ? { status: 502, body: { message: 'Server Error' } } : { status: 503, body: { message: 'Unavailable' } },
    );
    expect(await github.stopMemberCodespace('octo-org', 'hubot', 'cs-1')).toEqual({ ok: false, status: 502, message: 'Server Error' });
    expect(await github.deleteMemberCodespace('octo-org', 'hubot', 'cs-1')).toEqual({ ok: false, status: 503, message: 'Unavailable' });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /orgs/octo-org/members/hubot/codespaces/cs-1/stop',
      'DELETE /orgs/octo-org/members/hubot/codespaces/cs-1',
    ]);
  });

  it('does not retry a write GitHub rate-limited: the runner decides', async () => {
    const { seen, github } = scriptedGithub(() => ({
      status: 429,
      body: { message: 'Too many requests' },
      headers: { 'retry-after': '1' },
    }));
    expect(await github.stopMemberCodespace('octo-org', 'hubot', 'cs-1')).toMatchObject({ ok: false, status: 429, rateLimited: true });
    expect(seen).toHaveLength(1);
  });

  it('reports GitHub’s success', async () => {
    const { github } = scriptedGithub(({ method }) =>
      method === 'POST' ? { status: 200, body: makeCodespace() } : { status: 202, body: {} },
    );
    expect(await github.stopMemberCodespace('octo-org', 'hubot', 'cs-1')).toEqual({ ok: true, status: 200, message: 'OK' });
    expect(await github.deleteMemberCodespace('octo-org', 'hubot', 'cs-1')).toEqual({ ok: true, status: 202, message: 'Accepted' });
  });
});

describe('the billing usage report (monthly budgets)', () => {
  it('is read with the ETag it was last given, and GitHub’s 304 for an unchanged report is an answer', async () => {
    const { seen, github } = scriptedGithub(({ ifNoneMatch }) =>
      ifNoneMatch === '"report-v1"'
        ? { status: 304, headers: { etag: '"report-v1"' } }
        : { status: 200, body: { usageItems: [] }, headers: { etag: '"report-v1"' } },
    );
    expect(await github.orgBillingUsage('octo-org', { year: 2026, month: 12 })).toEqual({
      ok: true,
      status: 200,
      etag: '"report-v1"',
      usageItems: [],
    });
    expect(await github.orgBillingUsage('octo-org', { year: 2026, month: 12, etag: '"report-v1"' })).toEqual({ ok: true, status: 304 });
    expect(seen.map((r) => r.ifNoneMatch)).toEqual([null, '"report-v1"']);
  });

  it('is read for the month, and a refusal says which permission the app lacks', async () => {
    const { seen, github } = scriptedGithub(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    const answer = await github.orgBillingUsage('octo-org', { year: 2026, month: 12 });
    expect(answer).toMatchObject({ ok: false, status: 403 });
    expect(!answer.ok && answer.message).toMatch(/Administration \(read\)/);
    expect(seen.map((r) => r.path)).toEqual(['/organizations/octo-org/settings/billing/usage?year=2026&month=12']);
  });
});
