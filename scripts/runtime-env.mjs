// The environment Hangar's server runs with, shared by `npm start` (scripts/start.mjs) and the
// standalone server of the container image (scripts/standalone.mjs), so both behave the same.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { missingScopes, missingScopesAdvice, parseScopeHeader } from '../lib/auth/scope-check.mjs';

// lib/github/store/memory-store.ts's DEFAULT_MAX_BYTES (a unit test keeps the two equal).
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** Old-space heap for the server: 128 MB of working room plus twice the answer cache's byte cap. */
export function heapLimitMb(env = process.env) {
  const cacheBytes = Number(env.HANGAR_CACHE_MAX_BYTES) || DEFAULT_CACHE_BYTES;
  return 128 + 2 * Math.ceil(cacheBytes / (1024 * 1024));
}

/**
 * NODE_OPTIONS for the server process (not for `next build`, which needs more). Under load Node
 * lets the heap grow to several times what is alive (~50 MB) before collecting, and RSS follows:
 * the heap is sized to what Hangar keeps, unless the operator chose a size. The young generation
 * keeps V8's usual 16 MB, which a smaller heap would otherwise shrink (and slow every request).
 */
export function serverNodeOptions(env = process.env) {
  const options = env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size\b/.test(options)) return options;
  return `${options} --max-old-space-size=${heapLimitMb(env)} --max-semi-space-size=16`.trim();
}

/**
 * Whether a URL's host is this machine (RFC 6761 `localhost` and its subdomains, 127.0.0.0/8,
 * ::1). Hosts as WHATWG URL parsing leaves them: lower case, IPv4 in dotted decimal.
 */
function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/**
 * How Hangar signs people in, decided from the environment before anything starts, or why it
 * refuses to start. Pure: the decision table is unit tested.
 * - `github`: GITHUB_ID (an OAuth App or a GitHub App);
 * - `local`: HANGAR_GITHUB_TOKEN, one account, no OAuth App (never GITHUB_TOKEN, which GitHub
 *   Actions and codespaces set for their own use);
 * - `demo`: neither, against the built-in emulator. Demo data must not reach real users by
 *   accident, so an AUTH_URL naming any host but this machine's (a deployment's address, whatever
 *   its scheme, letter case or NODE_ENV; an http one too, as behind a proxy that ends TLS), or an
 *   https one with NODE_ENV=production, takes HANGAR_DEMO=1. Without AUTH_URL, demo mode works at
 *   whatever address the browser uses (a LAN address, a forwarded port).
 */
export function decideMode(env = process.env) {
  const url = env.AUTH_URL || env.NEXTAUTH_URL || '';
  if (env.GITHUB_ID && env.HANGAR_GITHUB_TOKEN) {
    return {
      refuse:
        'Hangar: both GITHUB_ID (sign-in through an OAuth or GitHub App) and HANGAR_GITHUB_TOKEN (local mode, one account) are set. Set one of them.',
    };
  }
  if (env.HANGAR_SESSION_MAX_AGE !== undefined && !(/^\d+$/.test(env.HANGAR_SESSION_MAX_AGE) && Number(env.HANGAR_SESSION_MAX_AGE) > 0)) {
    return { refuse: `Hangar: HANGAR_SESSION_MAX_AGE must be a whole number of seconds above 0 (it is "${env.HANGAR_SESSION_MAX_AGE}").` };
  }
  if (
    env.HANGAR_POLICY_INTERVAL_S !== undefined &&
    !(/^\d+$/.test(env.HANGAR_POLICY_INTERVAL_S) && Number(env.HANGAR_POLICY_INTERVAL_S) > 0)
  ) {
    return {
      refuse: `Hangar: HANGAR_POLICY_INTERVAL_S must be a whole number of seconds above 0 (it is "${env.HANGAR_POLICY_INTERVAL_S}").`,
    };
  }
  const appKey = env.GITHUB_APP_PRIVATE_KEY || env.GITHUB_APP_PRIVATE_KEY_PATH;
  if (env.GITHUB_APP_ID && !appKey) {
    return {
      refuse:
        'Hangar: GITHUB_APP_ID is set without its private key. Set GITHUB_APP_PRIVATE_KEY (the PEM text) or GITHUB_APP_PRIVATE_KEY_PATH (a file holding it).',
    };
  }
  if (appKey && !env.GITHUB_APP_ID) {
    return { refuse: 'Hangar: a GitHub App private key is set without GITHUB_APP_ID. Set the app’s ID (its settings page shows it) too.' };
  }
  let parsed = null;
  if (url) {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    // URL parsing reads the scheme and host case-insensitively: HTTPS://Hangar.Example.com is https.
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return { refuse: `Hangar: AUTH_URL must be the app's public http(s) URL, such as https://hangar.example.com (it is "${url}").` };
    }
  }
  if (env.GITHUB_ID) return { mode: 'github' };
  if (env.HANGAR_GITHUB_TOKEN) return { mode: 'local' };
  const publicHost = parsed !== null && !isLoopbackHost(parsed.hostname);
  const productionHttps = env.NODE_ENV === 'production' && parsed?.protocol === 'https:';
  if ((publicHost || productionHttps) && env.HANGAR_DEMO !== '1') {
    return {
      refuse:
        `Hangar: this looks like a deployment (AUTH_URL=${url}${env.NODE_ENV === 'production' ? ', NODE_ENV=production' : ''}), ` +
        'but neither GITHUB_ID nor HANGAR_GITHUB_TOKEN is set, so Hangar would serve demo data from its built-in GitHub ' +
        'emulator to everyone who opens it. Set GITHUB_ID and GITHUB_SECRET (README: Use it with real GitHub), or ' +
        'HANGAR_DEMO=1 to run the demo there on purpose; or leave AUTH_URL unset, and demo mode answers at whatever ' +
        'address the browser uses.',
    };
  }
  return { mode: 'demo' };
}

const loopbackFor = (host) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
const hostInUrl = (host) => (host.includes(':') ? `[${host}]` : host);

/**
 * Maps AUTH_* to the NEXTAUTH_* names next-auth v4 reads, sets up demo or local mode, and returns
 * what to tell the operator. Exits when the configuration cannot work (and says why).
 */
export function prepareRuntimeEnv(env = process.env) {
  env.NEXT_TELEMETRY_DISABLED = '1';
  const decision = decideMode(env);
  if (decision.refuse) {
    console.error(decision.refuse);
    process.exit(1);
  }
  const { mode } = decision;
  const demo = mode === 'demo';
  const port = env.PORT || '3000';
  // Local mode serves one person's GitHub account: loopback only, unless HOST says otherwise.
  const host = env.HOST || (mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  env.PORT = port;

  // next-auth v4 reads only NEXTAUTH_*; either name of each pair works alone.
  const configuredUrl = env.AUTH_URL || env.NEXTAUTH_URL;
  if (configuredUrl) {
    env.NEXTAUTH_URL ||= configuredUrl;
    env.AUTH_URL ||= configuredUrl;
  } else if (mode !== 'demo') {
    // Demo mode without AUTH_URL follows whatever address the browser used (lib/config.ts).
    env.NEXTAUTH_URL = env.AUTH_URL = `http://${hostInUrl(mode === 'local' ? loopbackFor(host) : 'localhost')}:${port}`;
  }
  env.NEXTAUTH_SECRET ||= env.AUTH_SECRET || '';

  if (demo || mode === 'local') {
    // A fresh secret per start: demo sessions do not outlive the emulator's in-memory tokens, nor
    // local sessions the server's memory.
    env.NEXTAUTH_SECRET ||= randomBytes(32).toString('base64url');
  }
  if (env.GITHUB_APP_PRIVATE_KEY_PATH && !env.GITHUB_APP_PRIVATE_KEY) {
    try {
      readFileSync(env.GITHUB_APP_PRIVATE_KEY_PATH, 'utf8');
    } catch (error) {
      console.error(`Hangar: cannot read GITHUB_APP_PRIVATE_KEY_PATH (${error.message}).`);
      process.exit(1);
    }
  }
  if (demo) {
    env.HANGAR_INTERNAL_URL ||= `http://${hostInUrl(loopbackFor(host))}:${port}`;
    // The GitHub App the built-in emulator plays for its organisations: a key pair made at each
    // start, whose private half signs Hangar's JWTs and whose public half the emulator checks them with.
    env.HANGAR_DEMO_APP_PRIVATE_KEY ||= demoAppPrivateKey();
  } else if (mode === 'local') {
    // The first one-time sign-in link; the server prints the next one whenever one is used.
    env.HANGAR_LOCAL_SIGN_IN_SECRET = randomBytes(32).toString('base64url');
  } else {
    const missing = [!env.GITHUB_SECRET && 'GITHUB_SECRET', !env.NEXTAUTH_SECRET && 'AUTH_SECRET (or NEXTAUTH_SECRET)'].filter(Boolean);
    if (missing.length) {
      console.error(`Hangar: GITHUB_ID is set, so a real OAuth or GitHub App is used; also set ${missing.join(' and ')}.`);
      process.exit(1);
    }
  }
  env.AUTH_SECRET ||= env.NEXTAUTH_SECRET;

  const shownUrl = env.NEXTAUTH_URL || `http://${hostInUrl(host === '0.0.0.0' || host === '::' ? 'localhost' : host)}:${port}`;
  const banner =
    mode === 'demo'
      ? `Hangar (demo mode, built-in GitHub emulator): open ${shownUrl}`
      : mode === 'local'
        ? `Hangar (local mode: one GitHub account, from HANGAR_GITHUB_TOKEN, at ${env.GITHUB_API_URL || 'https://api.github.com'})`
        : `Hangar: open ${shownUrl} (GitHub at ${env.GITHUB_WEB_URL || 'https://github.com'})`;
  return { port, host, demo, mode, banner };
}

/** A fresh RSA key (PKCS #8 PEM) for demo mode's GitHub App: GitHub's app keys are 2048-bit RSA. */
export function demoAppPrivateKey() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
}

/** Local mode's one-time sign-in link (lib/auth/local-mode.ts reads the same secret). */
export function localSignInLink(env = process.env) {
  return `${env.NEXTAUTH_URL}/api/auth/local?secret=${env.HANGAR_LOCAL_SIGN_IN_SECRET}`;
}

/**
 * Local mode: asks GitHub who the token belongs to (`GET /user`) and which scopes it has
 * (`X-OAuth-Scopes`), and says what is missing in words, with the command that fixes it. Exits
 * when GitHub refuses the token; only warns when GitHub cannot be reached.
 */
export async function checkLocalToken(env = process.env, { fetch: fetchImpl = fetch, log = console.log, fail = console.error } = {}) {
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  let response;
  try {
    response = await fetchImpl(`${api}/user`, {
      headers: { authorization: `token ${env.HANGAR_GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'user-agent': 'Hangar' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    log(`Hangar: could not reach ${api} to check HANGAR_GITHUB_TOKEN (${error.message}); starting anyway.`);
    return { ok: true, login: null, missing: [] };
  }
  if (response.status === 401) {
    fail(
      `Hangar: GitHub refused HANGAR_GITHUB_TOKEN (401 Bad credentials): it has expired or was revoked. Sign in again with \`gh auth login\`, then: HANGAR_GITHUB_TOKEN=$(gh auth token) npm start`,
    );
    return { ok: false, login: null, missing: [] };
  }
  if (!response.ok) {
    log(`Hangar: GitHub answered ${response.status} when checking HANGAR_GITHUB_TOKEN; starting anyway.`);
    return { ok: true, login: null, missing: [] };
  }
  const { login } = await response.json();
  const header = response.headers.get('x-oauth-scopes');
  // No header: a fine-grained token, whose permissions GitHub does not list. GitHub will say.
  const missing = header === null ? [] : missingScopes(parseScopeHeader(header));
  log(`Hangar: signed in to GitHub as ${login}${header === null ? '' : ` (token scopes: ${header || 'none'})`}.`);
  const advice = missingScopesAdvice(missing, env.GITHUB_WEB_URL || 'https://github.com');
  if (advice) log(`Hangar: ${advice.message} Run: ${advice.command}  ${advice.then}`);
  return { ok: true, login, missing };
}

/** Redis eviction policies that may evict keys without a TTL: Hangar's session records are such keys. */
const EVICTS_DURABLE_KEYS = new Set(['allkeys-lru', 'allkeys-lfu', 'allkeys-random']);

/** What to tell the operator about Redis's `maxmemory-policy`, or null when it keeps session records safe. */
export function redisPolicyWarning(policy) {
  if (!EVICTS_DURABLE_KEYS.has(policy)) return null;
  return (
    `Hangar: Redis's maxmemory-policy is ${policy}: a full Redis may evict token renewals and sign-outs along with cached ` +
    'answers (a refresh token spent twice, a signed-out cookie working again). Set maxmemory-policy volatile-lru: every ' +
    'cached answer carries a TTL and is evicted as before, and the session records, which carry none, are not (README: Scale out).'
  );
}

/**
 * With REDIS_URL: reads Redis's `maxmemory-policy` and warns when it could evict session records.
 * Says nothing when Redis cannot be reached or will not tell (managed services often disable
 * CONFIG): Hangar then runs as it would have. Resolves to the policy read, or null.
 */
export async function checkRedisPolicy(env = process.env, { log = console.warn, timeoutMs = 3_000 } = {}) {
  if (!env.REDIS_URL) return null;
  let client;
  try {
    const { createClient } = await import('redis');
    client = createClient({ url: env.REDIS_URL, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
    client.on('error', () => {});
    const policy = await Promise.race([
      client.connect().then(() => client.configGet('maxmemory-policy')),
      new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs).unref()),
    ]).then((answer) => answer?.['maxmemory-policy'] ?? null);
    const warning = policy && redisPolicyWarning(policy);
    if (warning) log(warning);
    return policy;
  } catch {
    return null;
  } finally {
    if (client?.isOpen) client.destroy();
  }
}

/** Resolves once something accepts connections on host:port (the server is up), or after `timeoutMs`. */
export async function whenListening(host, port, timeoutMs = 120_000) {
  const { connect } = await import('node:net');
  const target = loopbackFor(host);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const up = await new Promise((resolve) => {
      const socket = connect({ host: target, port: Number(port) }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
