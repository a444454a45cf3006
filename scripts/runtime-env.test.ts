import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '@/lib/github/store/memory-store.server';
import { startRedisServer } from '@/lib/test/redis-server';
import {
  checkLocalToken,
  checkRedisPolicy,
  decideMode,
  heapLimitMb,
  localSignInLink,
  prepareRuntimeEnv,
  redisPolicyWarning,
  serverNodeOptions,
} from './runtime-env.mjs';

describe('the server process environment', () => {
  it('sizes the heap to the answer cache plus working room, keeping V8’s usual young generation', () => {
    expect(heapLimitMb({})).toBe(256);
    // The script cannot import the app's TypeScript: its default cache size is a copy, kept equal here.
    expect(heapLimitMb({})).toBe(128 + (2 * DEFAULT_MAX_BYTES) / (1024 * 1024));
    expect(heapLimitMb({ HANGAR_CACHE_MAX_BYTES: String(256 * 1024 * 1024) })).toBe(640);
    expect(serverNodeOptions({})).toBe('--max-old-space-size=256 --max-semi-space-size=16');
  });

  it('keeps the operator’s other Node options, and their heap size when they chose one', () => {
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps' })).toBe(
      '--enable-source-maps --max-old-space-size=256 --max-semi-space-size=16',
    );
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-old-space-size=1024' })).toBe('--max-old-space-size=1024');
  });

  it('maps AUTH_* to the names next-auth reads and runs in demo mode without an OAuth App', () => {
    const env: Record<string, string | undefined> = { AUTH_URL: 'http://localhost:4000', PORT: '4000' };
    const { demo, port } = prepareRuntimeEnv(env);
    expect(demo).toBe(true);
    expect(port).toBe('4000');
    expect(env.NEXTAUTH_URL).toBe('http://localhost:4000');
    expect(env.NEXTAUTH_SECRET).toMatch(/^[\w-]{43}$/);
    expect(env.AUTH_SECRET).toBe(env.NEXTAUTH_SECRET);
    // Building is not the server: its heap is not capped here.
    expect(env.NODE_OPTIONS).toBeUndefined();
  });
});

describe('how Hangar starts: the decision table', () => {
  const production = { NODE_ENV: 'production', AUTH_URL: 'https://hangar.example.com' };
  it.each([
    { case: 'nothing configured', env: {}, mode: 'demo' },
    { case: 'an OAuth or GitHub App', env: { GITHUB_ID: 'Iv1.x', GITHUB_SECRET: 's' }, mode: 'github' },
    { case: 'a token for local mode', env: { HANGAR_GITHUB_TOKEN: 'gho_x' }, mode: 'local' },
    { case: 'only GITHUB_TOKEN (Actions, codespaces): ignored', env: { GITHUB_TOKEN: 'ghs_x' }, mode: 'demo' },
    { case: 'production over https with an app', env: { ...production, GITHUB_ID: 'Iv1.x' }, mode: 'github' },
    { case: 'production over https in local mode', env: { ...production, HANGAR_GITHUB_TOKEN: 'gho_x' }, mode: 'local' },
    { case: 'production over https, demo on purpose', env: { ...production, HANGAR_DEMO: '1' }, mode: 'demo' },
    {
      case: 'production over https, NEXTAUTH_URL spelling, demo on purpose',
      env: { NODE_ENV: 'production', NEXTAUTH_URL: 'https://h.example', HANGAR_DEMO: '1' },
      mode: 'demo',
    },
    {
      case: 'production over plain http (a local trial)',
      env: { NODE_ENV: 'production', AUTH_URL: 'http://localhost:3000' },
      mode: 'demo',
    },
    { case: 'production without AUTH_URL (the container’s demo)', env: { NODE_ENV: 'production' }, mode: 'demo' },
    { case: 'AUTH_URL on 127.0.0.1 (the tests’ own servers)', env: { AUTH_URL: 'http://127.0.0.1:3100' }, mode: 'demo' },
    { case: 'AUTH_URL on IPv6 loopback', env: { NODE_ENV: 'production', AUTH_URL: 'http://[::1]:3000' }, mode: 'demo' },
    { case: 'AUTH_URL on a .localhost name', env: { AUTH_URL: 'http://hangar.localhost:3000' }, mode: 'demo' },
    { case: 'AUTH_URL on localhost, in capitals', env: { NODE_ENV: 'production', AUTH_URL: 'HTTP://LOCALHOST:3000' }, mode: 'demo' },
    { case: 'a public address, demo on purpose', env: { AUTH_URL: 'http://demo.example.com', HANGAR_DEMO: '1' }, mode: 'demo' },
    { case: 'a public address with an app', env: { AUTH_URL: 'http://hangar.example.com', GITHUB_ID: 'Iv1.x' }, mode: 'github' },
  ])('$case → $mode', ({ env, mode }) => {
    expect(decideMode(env)).toEqual({ mode });
  });

  it.each([
    {
      case: 'production over https with nothing configured',
      env: production,
      says: /production.*neither GITHUB_ID nor HANGAR_GITHUB_TOKEN.*demo data.*HANGAR_DEMO=1/,
    },
    { case: 'the same, with only GITHUB_TOKEN', env: { ...production, GITHUB_TOKEN: 'ghs_x' }, says: /HANGAR_DEMO=1/ },
    { case: 'the same, HANGAR_DEMO other than 1', env: { ...production, HANGAR_DEMO: 'yes' }, says: /HANGAR_DEMO=1/ },
    {
      case: 'production, NEXTAUTH_URL spelling',
      env: { NODE_ENV: 'production', NEXTAUTH_URL: 'https://h.example' },
      says: /https:\/\/h\.example/,
    },
    {
      case: 'an app and a local token at once',
      env: { GITHUB_ID: 'Iv1.x', HANGAR_GITHUB_TOKEN: 'gho_x' },
      says: /both GITHUB_ID .* and HANGAR_GITHUB_TOKEN/,
    },
    {
      case: 'a session lifetime that is not seconds',
      env: { HANGAR_SESSION_MAX_AGE: '7d' },
      says: /HANGAR_SESSION_MAX_AGE must be a whole number/,
    },
    { case: 'a session lifetime of zero', env: { HANGAR_SESSION_MAX_AGE: '0' }, says: /HANGAR_SESSION_MAX_AGE/ },
    {
      case: 'production, the URL in capitals',
      env: { NODE_ENV: 'production', AUTH_URL: 'HTTPS://HANGAR.EXAMPLE.COM' },
      says: /HTTPS:\/\/HANGAR\.EXAMPLE\.COM.*demo data.*HANGAR_DEMO=1/,
    },
    {
      case: 'production over http behind a proxy that ends TLS',
      env: { NODE_ENV: 'production', AUTH_URL: 'http://hangar.example.com' },
      says: /neither GITHUB_ID nor HANGAR_GITHUB_TOKEN.*HANGAR_DEMO=1/,
    },
    { case: 'a public https address without NODE_ENV', env: { AUTH_URL: 'https://hangar.example.com' }, says: /HANGAR_DEMO=1/ },
    { case: 'a LAN address as AUTH_URL', env: { AUTH_URL: 'http://192.168.1.20:3000' }, says: /leave AUTH_URL unset/ },
    { case: 'a look-alike of localhost', env: { AUTH_URL: 'http://localhost.example.com' }, says: /HANGAR_DEMO=1/ },
    {
      case: 'production over https on localhost',
      env: { NODE_ENV: 'production', AUTH_URL: 'https://localhost:3000' },
      says: /HANGAR_DEMO=1/,
    },
    {
      case: 'an AUTH_URL that is not a URL',
      env: { AUTH_URL: 'hangar.example.com' },
      says: /AUTH_URL must be the app's public http\(s\) URL/,
    },
    { case: 'an AUTH_URL of another scheme', env: { AUTH_URL: 'ftp://hangar.example.com', GITHUB_ID: 'Iv1.x' }, says: /http\(s\) URL/ },
    {
      case: 'a policy interval that is not seconds',
      env: { HANGAR_POLICY_INTERVAL_S: '5m' },
      says: /HANGAR_POLICY_INTERVAL_S must be a whole number/,
    },
    {
      case: 'a GitHub App id without its private key',
      env: { GITHUB_ID: 'Iv1.x', GITHUB_APP_ID: '1234' },
      says: /GITHUB_APP_ID is set without its private key.*GITHUB_APP_PRIVATE_KEY_PATH/,
    },
    {
      case: 'a GitHub App private key without the app’s id',
      env: { GITHUB_ID: 'Iv1.x', GITHUB_APP_PRIVATE_KEY_PATH: '/run/secrets/app.pem' },
      says: /without GITHUB_APP_ID/,
    },
  ])('$case → refuses, saying why', ({ env, says }) => {
    const decision = decideMode(env);
    expect(decision.mode).toBeUndefined();
    expect(decision.refuse).toMatch(says);
  });
});

describe('the environment of each mode', () => {
  it('gives demo mode a GitHub App key of its own at each start, for Hangar to sign with and the emulator to check', () => {
    const first: Record<string, string | undefined> = {};
    prepareRuntimeEnv(first);
    expect(first.HANGAR_DEMO_APP_PRIVATE_KEY).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
    const second: Record<string, string | undefined> = {};
    prepareRuntimeEnv(second);
    expect(second.HANGAR_DEMO_APP_PRIVATE_KEY).not.toBe(first.HANGAR_DEMO_APP_PRIVATE_KEY);
    // Only demo mode: a real deployment brings its own app's key, or none.
    const github: Record<string, string | undefined> = { GITHUB_ID: 'Iv1.x', GITHUB_SECRET: 's', AUTH_SECRET: 'x'.repeat(32) };
    prepareRuntimeEnv(github);
    expect(github.HANGAR_DEMO_APP_PRIVATE_KEY).toBeUndefined();
  });

  it('leaves demo mode without AUTH_URL free to follow the browser’s address', () => {
    const env: Record<string, string | undefined> = { PORT: '4000' };
    const { mode, banner } = prepareRuntimeEnv(env);
    expect(mode).toBe('demo');
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.AUTH_URL).toBeUndefined();
    expect(banner).toContain('open http://localhost:4000');
  });

  it('puts local mode on loopback, with a one-time link secret, unless HOST says otherwise', () => {
    const env: Record<string, string | undefined> = { HANGAR_GITHUB_TOKEN: 'gho_local', PORT: '4100' };
    const { mode, host } = prepareRuntimeEnv(env);
    expect(mode).toBe('local');
    expect(host).toBe('127.0.0.1');
    expect(env.NEXTAUTH_URL).toBe('http://127.0.0.1:4100');
    expect(env.NEXTAUTH_SECRET).toMatch(/^[\w-]{43}$/);
    expect(env.HANGAR_LOCAL_SIGN_IN_SECRET).toMatch(/^[\w-]{43}$/);
    expect(localSignInLink(env)).toBe(`http://127.0.0.1:4100/api/auth/local?secret=${env.HANGAR_LOCAL_SIGN_IN_SECRET}`);
    expect(prepareRuntimeEnv({ HANGAR_GITHUB_TOKEN: 'gho_local', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('checking a local-mode token at start', () => {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    (async () => Response.json({ login: 'mona' }, { status, headers })) as unknown as typeof fetch;
  const run = async (fetchImpl: typeof fetch, env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const result = await checkLocalToken(
      { HANGAR_GITHUB_TOKEN: 'gho_x', ...env },
      { fetch: fetchImpl, log: (l) => lines.push(l), fail: (l) => lines.push(l) },
    );
    return { result, said: lines.join('\n') };
  };

  it('names the missing codespace scope and the gh command that adds it, for the configured GitHub host', async () => {
    const { result, said } = await run(answer(200, { 'x-oauth-scopes': 'gist, read:org, repo' }), {
      GITHUB_WEB_URL: 'https://ghe.example.com',
    });
    expect(result).toEqual({ ok: true, login: 'mona', missing: ['codespace'] });
    expect(said).toContain('signed in to GitHub as mona');
    expect(said).toMatch(/lacks the scope codespace \(to list, start, stop and create your codespaces\)/);
    expect(said).toContain('gh auth refresh -h ghe.example.com -s codespace');
  });

  it('says nothing is missing when the token has codespace, and stays quiet about a fine-grained token’s scopes', async () => {
    expect((await run(answer(200, { 'x-oauth-scopes': 'codespace, repo' }))).said).not.toMatch(/lacks/);
    const fineGrained = await run(answer(200));
    expect(fineGrained.result.missing).toEqual([]);
    expect(fineGrained.said).not.toMatch(/lacks/);
  });

  it('refuses to start with a token GitHub refuses', async () => {
    const { result, said } = await run(answer(401));
    expect(result.ok).toBe(false);
    expect(said).toMatch(/refused HANGAR_GITHUB_TOKEN.*gh auth login/);
  });

  it('starts anyway when GitHub cannot be reached, and says so', async () => {
    const { result, said } = await run((async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    }) as unknown as typeof fetch);
    expect(result.ok).toBe(true);
    expect(said).toMatch(/could not reach .* ENOTFOUND/);
  });
});

describe('checking Redis’s eviction policy at start', () => {
  it('warns about a policy that may evict keys without a TTL, Hangar’s session records', () => {
    for (const policy of ['allkeys-lru', 'allkeys-lfu', 'allkeys-random']) {
      expect(redisPolicyWarning(policy)).toMatch(new RegExp(`${policy}.*spent twice.*volatile-lru`));
    }
    for (const policy of ['volatile-lru', 'volatile-lfu', 'volatile-ttl', 'volatile-random', 'noeviction']) {
      expect(redisPolicyWarning(policy)).toBeNull();
    }
  });

  it('reads the policy from a real redis-server, and says nothing when Redis does not answer', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const evicting = await startRedisServer({ args: ['--maxmemory-policy', 'allkeys-lru'] });
    const safe = await startRedisServer({ args: ['--maxmemory-policy', 'volatile-lru'] });
    try {
      expect(await checkRedisPolicy({ REDIS_URL: evicting.url }, { log })).toBe('allkeys-lru');
      expect(lines).toEqual([expect.stringMatching(/maxmemory-policy is allkeys-lru/)]);
      expect(await checkRedisPolicy({ REDIS_URL: safe.url }, { log })).toBe('volatile-lru');
      expect(await checkRedisPolicy({ REDIS_URL: 'redis://127.0.0.1:1' }, { log, timeoutMs: 500 })).toBeNull();
      expect(await checkRedisPolicy({}, { log })).toBeNull();
      expect(lines).toHaveLength(1);
    } finally {
      await Promise.all([evicting.stop(), safe.stop()]);
    }
  }, 20_000);
});
