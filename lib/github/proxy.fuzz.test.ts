/**
 * The proxy under hostile input: thousands of generated malformed requests, each carrying a valid
 * session, so that anything the proxy failed to refuse would really reach GitHub (here: the
 * emulator on a loopback port). Every answer must be a 4xx, and the emulator must see none of them.
 */
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { sessionCookie, configureAppForEmulator } from '@/lib/test/session';

const APP = 'http://hangar.test';
const SECRET = 'fuzz-secret-fuzz-secret-fuzz-secret';
const RUNS = 1500;

let upstream: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let session = '';
let codespaceName = '';

beforeAll(async () => {
  upstream = await startEmulatorServer({ transitionMs: 60_000 });
  configureAppForEmulator(upstream.url, { client: 'fuzz-client', appUrl: APP, secret: SECRET });
  ({ proxyGithubRequest } = await import('@/lib/operations/proxy.server'));
  session = await sessionCookie('mona', upstream.emulator.issueToken('mona'), SECRET);
  codespaceName = [...upstream.emulator.world.codespaces.values()].find((c) => c.owner === 'mona')!.name;
});

afterAll(() => upstream?.close());

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What is wrong with it, for the failure message. */
  defect: string;
}

async function send({ method, path, headers, body }: Attempt): Promise<Response> {
  const req = new NextRequest(`${APP}/api/github${path}`, {
    method,
    headers: { cookie: session, ...headers },
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  });
  return proxyGithubRequest(req);
}

// ---- Generators -----------------------------------------------------------------------------

const sameOrigin = { origin: APP, 'content-type': 'application/json' };

/** Operations the allowlist accepts, with a valid body: each defect below spoils exactly one part. */
const validMutations = () => [
  { method: 'POST', path: `/user/codespaces/${codespaceName}/start`, body: '{}' },
  { method: 'POST', path: `/user/codespaces/${codespaceName}/stop`, body: '{}' },
  { method: 'PATCH', path: `/user/codespaces/${codespaceName}`, body: '{"display_name":"Renamed"}' },
  { method: 'DELETE', path: `/user/codespaces/${codespaceName}`, body: '' },
  { method: 'POST', path: '/user/codespaces', body: '{"repository_id":1}' },
  { method: 'POST', path: '/repos/octo-org/octo-app/codespaces', body: '{"ref":"main"}' },
];
const bodyMutations = () => validMutations().filter((m) => m.method !== 'DELETE');

// Pure dot segments ('..', '%2e%2e') are not here: the URL standard resolves them before any server
// code runs (Next answers /a/b/.. with a redirect to /a), so they can only name another path,
// which is held to the allowlist like any other. `traversal` below aims them at unlisted endpoints.
const nastyText = fc.oneof(
  fc.constantFrom('..%2F', '%2e%2e%2F', '%2F', 'a%2Fb', '%252F', '%00', '%5C', '%E2%80%AE', '%F0%9F%98%80', 'a%20b', '%3F', '%23'),
  fc.constantFrom('é', 'ü', '😀', '\u202e', 'ａｂｃ').map(encodeURIComponent),
  fc.constantFrom('9'.repeat(400), 'x'.repeat(101), `${'a'.repeat(5000)}`),
  // Arbitrary text with at least one character no GitHub name allows.
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('/', '\\', ' ', '%', '?', '#', ':', '@', '\0', '~', 'ß'),
      fc.string({ maxLength: 20 }),
    )
    .map((parts) => encodeURIComponent(parts.join(''))),
);

/** Names a repository may have but a codespace may not (they must start with a letter or digit). */
const notACodespaceName = fc.constantFrom('-leading', '_x', '...', '.hidden');

/** A bad path parameter where a codespace, owner or repository name belongs. */
const badPathParameter: fc.Arbitrary<Attempt> = fc
  .oneof(
    fc.tuple(
      nastyText,
      fc.constantFrom(
        ['GET', '/user/codespaces/{}'],
        ['POST', '/user/codespaces/{}/start'],
        ['DELETE', '/user/codespaces/{}'],
        ['GET', '/repos/{}/octo-app/codespaces/machines'],
        ['GET', '/repos/octo-org/{}/codespaces/devcontainers'],
        ['GET', '/user/codespaces/{}/exports/latest'],
        ['GET', '/repos/octo-org/octo-app/pulls/{}/codespaces'],
      ),
    ),
    fc.tuple(
      notACodespaceName,
      fc.constantFrom(['GET', '/user/codespaces/{}'], ['POST', '/user/codespaces/{}/stop'], ['PATCH', '/user/codespaces/{}']),
    ),
  )
  .map(([bad, [method, template]]) => ({
    method: method!,
    path: template!.replace('{}', bad),
    headers: sameOrigin,
    body: method === 'GET' ? undefined : method === 'PATCH' ? '{"display_name":"x"}' : '{}',
    defect: `bad path parameter ${JSON.stringify(bad.slice(0, 40))}`,
  }));

/** Traversal towards GitHub endpoints that are not on the allowlist (after any normalisation). */
const traversal: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.constantFrom('..', '%2e%2e', '.%2e', '%2E%2E', '..%2F', '..%5C'),
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom(
      'user/keys',
      'user/emails',
      'user/installations',
      'repos/octo-org/octo-app/contents/README.md',
      'authorizations',
      'gists',
      'admin/users',
    ),
    fc.constantFrom('GET', 'POST', 'DELETE'),
  )
  .map(([dots, depth, target, method]) => ({
    method,
    path: `/user/codespaces/${Array(depth).fill(dots).join('/')}/${target}`,
    headers: sameOrigin,
    defect: `traversal to ${target}`,
  }));

/** Paths GitHub has but Hangar does not proxy, and the right paths with a method they lack. */
const notAllowlisted: fc.Arbitrary<Attempt> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        '/user/keys',
        '/user/emails',
        // Actions' secrets, beside the Codespaces ones Hangar does proxy.
        '/repos/octo-org/octo-app/actions/secrets/public-key',
        '/repos/octo-org/octo-app/contents/x',
        '/user/codespaces/a/b/c/d',
        '/',
      ),
      fc.constantFrom('GET', 'POST', 'DELETE'),
    )
    .map(([path, method]) => ({ method, path, headers: sameOrigin, defect: `unlisted ${method} ${path}` })),
  fc
    .tuple(
      fc.constantFrom('PUT', 'OPTIONS', 'PROPFIND', 'PURGE', 'patch-ish'),
      fc.constantFrom('/user/codespaces', '/user/codespaces/NAME', '/user/codespaces/NAME/start'),
    )
    .map(([method, path]) => ({
      method: method.toUpperCase(),
      path: path.replace('NAME', codespaceName),
      headers: sameOrigin,
      defect: `method ${method}`,
    })),
  fc
    .constantFrom(
      ['DELETE', '/user/codespaces'],
      ['PATCH', '/user/codespaces/NAME/start'],
      ['POST', '/user/codespaces/NAME/machines'],
      ['GET', '/user/codespaces/NAME/stop'],
      ['DELETE', '/repos/octo-org/octo-app/codespaces'],
    )
    .map(([method, path]) => ({
      method: method!,
      path: path!.replace('NAME', codespaceName),
      headers: sameOrigin,
      body: method === 'GET' ? undefined : '{}',
      defect: `wrong method ${method}`,
    })),
);

/** Query strings no operation accepts: out-of-range, non-decimal or huge numbers, unknown or repeated keys. */
const badQuery: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      fc
        .constantFrom('0', '101', '-1', '1e2', '0x10', '1.5', '', 'abc', '٣', '9'.repeat(30), '1%00', ' 5')
        .map((v) => `per_page=${encodeURIComponent(v)}`),
      fc.constantFrom('0', '-3', '1e400', '9'.repeat(20), 'NaN', 'Infinity').map((v) => `page=${encodeURIComponent(v)}`),
      fc.constantFrom('per_page=5&per_page=6', 'page=1&page=2', 'repository_id=0', 'repository_id=-1'),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !['per_page', 'page', 'repository_id'].includes(k))
        .map((k) => `${encodeURIComponent(k)}=1`),
    ),
    fc.constantFrom('/user/codespaces', '/repos/octo-org/octo-app/branches', '/user/repos'),
  )
  .map(([query, path]) => ({ method: 'GET', path: `${path}?${query}`, headers: {}, defect: `query ${query.slice(0, 40)}` }));

/** Mutations without our own Origin: missing, opaque, foreign, or a look-alike. */
const badOrigin: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'null',
        'https://evil.example',
        `${APP}.evil.example`,
        'http://hangar.test:8080',
        'https://hangar.test',
        'HTTP://HANGAR.TEST/',
        `${APP}/`,
      ),
      fc
        .webUrl()
        .map((u) => new URL(u).origin)
        .filter((o) => o !== APP),
    ),
    fc.constantFrom(...validMutations()),
  )
  .map(([origin, m]) => ({
    method: m.method,
    path: m.path,
    body: m.body,
    headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) },
    defect: `origin ${origin}`,
  }));

/** Bodies that are not JSON, not declared as JSON, too large, or fail the operation's schema. */
const badBody: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      fc
        .string({ minLength: 1, maxLength: 60 })
        .filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return s.trim() !== '';
          }
        })
        .map((body) => ({ body, type: 'application/json', defect: 'invalid JSON' })),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '').map((type) => ({
        body: '{"display_name":"x"}',
        type,
        defect: `content-type ${type || 'missing'}`,
      })),
      fc.integer({ min: 16 * 1024 + 1, max: 300_000 }).map((size) => ({
        body: JSON.stringify({ display_name: 'x'.repeat(size) }),
        type: 'application/json',
        defect: `body of ${size} bytes`,
      })),
      fc
        .constantFrom('null', '[]', '"text"', '42', 'true', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}')
        .map((body) => ({
          body,
          type: 'application/json',
          defect: `body ${body}`,
        })),
    ),
    fc.constantFrom(...bodyMutations()),
  )
  .map(([b, m]) => ({
    method: m.method,
    path: m.path,
    body: b.body,
    headers: { origin: APP, ...(b.type ? { 'content-type': b.type } : {}) },
    defect: b.defect,
  }));

/** Well-formed JSON that breaks the operation's rules: unknown keys, wrong types, limits exceeded. */
const schemaViolation: fc.Arbitrary<Attempt> = fc
  .oneof(
    fc
      .oneof(
        fc.record({
          display_name: fc.oneof(fc.integer(), fc.constant(null), fc.constant('x'.repeat(49)), fc.constant('   '), fc.array(fc.string())),
        }),
        fc.record({ machine: fc.oneof(fc.constant('../../etc'), fc.constant('a b'), fc.integer()) }),
        fc.record({ owner: fc.string() }),
        fc.constant({}),
      )
      .map((body) => ({ method: 'PATCH', path: `/user/codespaces/${codespaceName}`, body })),
    fc
      .oneof(
        fc.record({
          repository_id: fc.oneof(fc.constant(-1), fc.constant(0), fc.constant(1e20), fc.constant('1'), fc.double({ min: 0.1, max: 0.9 })),
        }),
        fc.record({ repository_id: fc.constant(1), idle_timeout_minutes: fc.oneof(fc.integer({ min: 241 }), fc.integer({ max: 4 })) }),
        fc.record({ repository_id: fc.constant(1), ref: fc.constantFrom('a..b', '/main', 'has space', 'x~1') }),
        fc.record({ repository_id: fc.constant(1), devcontainer_path: fc.constantFrom('../../x/devcontainer.json', 'package.json') }),
        fc.record({ repository_id: fc.constant(1), retention_period_minutes: fc.integer({ min: 43_201 }) }),
        fc.record({ pull_request: fc.record({ pull_request_number: fc.constant(-2) }) }),
      )
      .map((body) => ({ method: 'POST', path: '/user/codespaces', body })),
    fc.record({ unexpected: fc.string() }).map((body) => ({ method: 'POST', path: `/user/codespaces/${codespaceName}/start`, body })),
  )
  .map(({ method, path, body }) => ({
    method,
    path,
    body: JSON.stringify(body),
    headers: sameOrigin,
    defect: `schema ${JSON.stringify(body).slice(0, 60)}`,
  }));

/** Bodies sent to operations that take none. */
const unexpectedBody: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.json({ maxDepth: 2 }).filter((s) => s.trim() !== ''),
    fc.constantFrom(`/user/codespaces/${codespaceName}`),
  )
  .map(([body, path]) => ({ method: 'DELETE', path, body, headers: sameOrigin, defect: `DELETE with body ${body.slice(0, 30)}` }));

const malformed = () =>
  fc.oneof(badPathParameter, traversal, notAllowlisted, badQuery, badOrigin, badBody, schemaViolation, unexpectedBody);

// ---- Properties -----------------------------------------------------------------------------

describe('the GitHub proxy under hostile input', () => {
  it('can reach GitHub at all with this session (so the checks below could fail)', async () => {
    const before = upstream.emulator.log().length;
    const response = await send({ method: 'GET', path: `/user/codespaces/${codespaceName}`, headers: {}, defect: 'none' });
    expect(response.status).toBe(200);
    expect(upstream.emulator.log().length).toBe(before + 1);
  });

  it(`answers ${RUNS} generated malformed requests with a 4xx and never calls GitHub`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(malformed(), async (attempt) => {
        const before = upstream.emulator.log().length;
        const response = await send(attempt);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, attempt.defect).toBeGreaterThanOrEqual(400);
        expect(response.status, attempt.defect).toBeLessThan(500);
        const body = (await response.json()) as { message?: unknown };
        expect(typeof body.message, attempt.defect).toBe('string');
        expect(upstream.emulator.log().length, `${attempt.defect} reached GitHub`).toBe(before);
      }),
      { numRuns: RUNS },
    );
    // Every kind of refusal was exercised, not just one.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 403, 404, 413]));
  }, 120_000);
});
