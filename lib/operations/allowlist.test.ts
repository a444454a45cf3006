import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { matchOperation, rawGithubPath, validateBody, type AllowedOperation, type MatchedOperation } from '@/lib/github/allowlist.server';
import { allowlist } from './allowlist.server';
import { compareRouteSpecificity } from '@/lib/github/route-specificity';

const match = (method: string, path: string, query = '') => matchOperation(method, path, new URLSearchParams(query), allowlist);
const matched = (method: string, path: string, query = '') => {
  const result = match(method, path, query);
  if ('status' in result) throw new Error(`expected a match, got ${result.status} ${result.message}`);
  return result as MatchedOperation;
};

describe('the proxy allowlist', () => {
  it('serves the listed codespace operations with their parameters', () => {
    expect(matched('GET', '/user/codespaces', 'per_page=100&page=2').query).toEqual({ per_page: 100, page: 2 });
    expect(matched('POST', '/user/codespaces/mona-web-x1y2/start').params).toEqual({ codespace_name: 'mona-web-x1y2' });
    expect(matched('POST', '/user/codespaces/mona-web-x1y2/stop').operation.route).toBe('/user/codespaces/{codespace_name}/stop');
    expect(matched('GET', '/repos/octo-org/web.app/codespaces/machines', 'ref=main').params).toEqual({
      owner: 'octo-org',
      repo: 'web.app',
    });
    expect(matched('POST', '/repos/octo-org/web/pulls/42/codespaces').params).toEqual({ owner: 'octo-org', repo: 'web', pull_number: 42 });
    expect(matched('GET', '/repos/octo-org/web/pulls/42')).toMatchObject({
      operation: { name: 'getPullRequest' },
      params: { owner: 'octo-org', repo: 'web', pull_number: 42 },
    });
  });

  it('serves organisation codespaces, member actions and the billing report to admins', () => {
    expect(matched('GET', '/orgs/octo-org/codespaces', 'per_page=100').params).toEqual({ org: 'octo-org' });
    expect(matched('POST', '/orgs/octo-org/members/lisa-dev/codespaces/lisa-web-x1/stop').params).toEqual({
      org: 'octo-org',
      username: 'lisa-dev',
      codespace_name: 'lisa-web-x1',
    });
    expect(matched('DELETE', '/orgs/octo-org/members/lisa-dev/codespaces/lisa-web-x1').operation.method).toBe('DELETE');
    expect(matched('GET', '/organizations/octo-org/settings/billing/usage', 'year=2026&month=11').query).toEqual({ year: 2026, month: 11 });
    expect(match('GET', '/organizations/octo-org/settings/billing/usage', 'month=13')).toMatchObject({ status: 400 });
    expect(match('GET', '/orgs/octo-org/members/-bad-/codespaces')).toMatchObject({ status: 400 });
  });

  it('refuses paths that are not on the list', () => {
    for (const path of ['/user/keys', '/user/codespaces/x/secrets', '/repos/a/b/contents/README.md', '/orgs/acme/hooks', '/', '']) {
      expect(match('GET', path)).toMatchObject({ status: 404 });
    }
  });

  it('refuses a listed path with a method it does not allow', () => {
    expect(match('DELETE', '/user/codespaces')).toMatchObject({ status: 404 });
    expect(match('GET', '/user/codespaces/abc/start')).toMatchObject({ status: 404 });
    expect(match('PUT', '/user/codespaces/abc')).toMatchObject({ status: 404 });
  });

  it('refuses traversal and anything percent-encoded, before matching', () => {
    for (const path of [
      '/user/codespaces/..%2F..%2Fuser%2Fkeys',
      '/user/codespaces/%2e%2e/start',
      '/user/codespaces/a%2Fb/start',
      '/user/codespaces/../keys',
      '/user/codespaces/./abc',
      '/user//codespaces',
      '/user/codespaces/caf%C3%A9',
      '/user/codespaces/café',
      '/user/codespaces/a b',
    ]) {
      expect(match('GET', path), path).toMatchObject({ status: 400 });
    }
  });

  it('validates path parameters', () => {
    expect(match('GET', '/repos/-bad-/repo/codespaces')).toMatchObject({ status: 400 });
    expect(match('POST', '/repos/a/b/pulls/0/codespaces')).toMatchObject({ status: 400 });
    expect(match('POST', '/repos/a/b/pulls/12abc/codespaces')).toMatchObject({ status: 400 });
    expect(match('GET', `/user/codespaces/${'a'.repeat(101)}`)).toMatchObject({ status: 400 });
  });

  it('validates the query: known keys, whole numbers in range, no repeats', () => {
    expect(match('GET', '/user/codespaces', 'per_page=101')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces', 'per_page=1e2')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces', 'page=-1')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces', 'page=99999999999999999999')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces', 'sort=name')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces', 'page=1&page=2')).toMatchObject({ status: 400 });
    expect(match('GET', '/user/codespaces/abc', 'anything=1')).toMatchObject({ status: 400 });
  });

  it('refuses a query key that names a property every object has (found by the proxy fuzz test)', () => {
    for (const key of ['__proto__', 'constructor', 'toString'])
      expect(match('GET', '/user/codespaces', `${key}=1`), key).toMatchObject({ status: 400 });
  });

  it('validates bodies against the operation schema', () => {
    const update = matched('PATCH', '/user/codespaces/abc').operation;
    expect(validateBody(update, { display_name: 'My work' })).toEqual({ ok: true, data: { display_name: 'My work' } });
    expect(validateBody(update, {})).toMatchObject({ status: 400 });
    expect(validateBody(update, { display_name: 'x'.repeat(49) })).toMatchObject({ status: 400 });
    expect(validateBody(update, { machine: 'big; rm -rf' })).toMatchObject({ status: 400 });
    expect(validateBody(update, { owner: 'someone-else' })).toMatchObject({ status: 400 });

    const start = matched('POST', '/user/codespaces/abc/start').operation;
    expect(validateBody(start, {})).toMatchObject({ ok: true });
    expect(validateBody(start, { force: true })).toMatchObject({ status: 400 });

    const create = matched('POST', '/user/codespaces').operation;
    expect(validateBody(create, { repository_id: 42, ref: 'main', idle_timeout_minutes: 30 })).toMatchObject({ ok: true });
    expect(validateBody(create, { pull_request: { pull_request_number: 7, repository_id: 42 } })).toMatchObject({ ok: true });
    expect(validateBody(create, { repository_id: '42' })).toMatchObject({ status: 400 });
    expect(validateBody(create, { repository_id: 42, idle_timeout_minutes: 100000 })).toMatchObject({ status: 400 });

    // Where: geo only; GitHub's location "is closing down".
    for (const [method, path] of [
      ['POST', '/user/codespaces'],
      ['POST', '/repos/octo-org/web/codespaces'],
      ['POST', '/repos/octo-org/web/pulls/42/codespaces'],
    ] as const) {
      const operation = matched(method, path).operation;
      const body = path === '/user/codespaces' ? { repository_id: 42 } : {};
      expect(validateBody(operation, { ...body, geo: 'EuropeWest' }), path).toMatchObject({ ok: true });
      expect(validateBody(operation, { ...body, geo: 'WestEurope' }), path).toMatchObject({ status: 400 });
      expect(validateBody(operation, { ...body, location: 'WestEurope' }), path).toMatchObject({ status: 400 });
    }

    const list = matched('GET', '/user/codespaces').operation;
    expect(validateBody(list, {})).toMatchObject({ status: 400 });
  });
});

describe('reading the raw request path', () => {
  it('keeps percent-encoding and dot segments as sent', () => {
    expect(rawGithubPath('http://localhost:3000/api/github/user/codespaces/..%2Fkeys?x=1')).toBe('/user/codespaces/..%2Fkeys');
    expect(rawGithubPath('http://localhost:3000/api/github/user/codespaces')).toBe('/user/codespaces');
  });
  it('refuses anything outside the proxy prefix', () => {
    expect(rawGithubPath('http://localhost:3000/api/githubber/user')).toBeNull();
    expect(rawGithubPath('http://localhost:3000/other')).toBeNull();
  });
});

describe('choosing between operations whose routes fit the same path', () => {
  const none = z.strictObject({});
  const entry = (name: string, route: string, params: z.ZodType<Record<string, string | number>>, query: z.ZodType = none) =>
    ({ name, method: 'GET', route, params, query }) as unknown as AllowedOperation;
  // As GitHub's own routes: a secret list beside codespaces, and a numeric id beside a name.
  const table = [
    entry('listSecrets', '/user/codespaces/secrets', none),
    entry('byNumber', '/things/{id}', z.strictObject({ id: z.string().regex(/^\d+$/) })),
    entry(
      'byName',
      '/things/{name}',
      z.strictObject({ name: z.string().regex(/^[a-z0-9]+$/) }),
      z.strictObject({ full: z.enum(['1']).optional() }),
    ),
    entry('getCodespace', '/user/codespaces/{codespace_name}', z.strictObject({ codespace_name: z.string() })),
  ].sort((a, b) => compareRouteSpecificity(a.route, b.route));
  const pick = (path: string, query = '') => {
    const result = matchOperation('GET', path, new URLSearchParams(query), table);
    return 'status' in result ? result.status : result.operation.name;
  };

  it('prefers a literal segment to a parameter, whatever the order of the table', () => {
    expect(table.map((e) => e.name)[0]).toBe('listSecrets');
    expect(pick('/user/codespaces/secrets')).toBe('listSecrets');
    expect(pick('/user/codespaces/fluffy-x')).toBe('getCodespace');
  });

  it('tries the next operation when one refuses the parameters or the query, and answers the first refusal when none takes it', () => {
    expect(pick('/things/42')).toBe('byNumber');
    expect(pick('/things/abc')).toBe('byName');
    // The number route takes no query: the name route, which does, is tried next.
    expect(pick('/things/42', 'full=1')).toBe('byName');
    expect(pick('/things/ABC')).toBe(400);
  });

  it('keeps the real allowlist in that order', () => {
    for (let i = 1; i < allowlist.length; i++)
      expect(compareRouteSpecificity(allowlist[i - 1]!.route, allowlist[i]!.route)).toBeLessThanOrEqual(0);
  });
});

describe('which reads the server keeps for revalidation', () => {
  it('keeps only what the pages poll: the lists of codespaces, one codespace, an export', () => {
    expect(
      allowlist
        .filter((op) => op.polled)
        .map((op) => `${op.method} ${op.route}`)
        .sort(),
    ).toEqual([
      'GET /orgs/{org}/codespaces',
      'GET /repos/{owner}/{repo}/codespaces',
      'GET /user/codespaces',
      'GET /user/codespaces/{codespace_name}',
      'GET /user/codespaces/{codespace_name}/exports/{export_id}',
    ]);
    expect(allowlist.filter((op) => op.polled).every((op) => op.method === 'GET')).toBe(true);
  });
});
