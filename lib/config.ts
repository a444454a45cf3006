import 'server-only';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Server configuration, read from the environment when the server starts (never at build time),
 * so one build serves every deployment. See CONTRACT.md for the variables.
 */

// next-auth v4 reads only NEXTAUTH_*; operators may set the AUTH_* names alone. (Assigning
// undefined to process.env would store the string "undefined".)
if (!process.env.NEXTAUTH_URL && process.env.AUTH_URL) process.env.NEXTAUTH_URL = process.env.AUTH_URL;
if (!process.env.NEXTAUTH_SECRET && process.env.AUTH_SECRET) process.env.NEXTAUTH_SECRET = process.env.AUTH_SECRET;

/** The emulator's OAuth app, used when no real one is configured (demo mode). */
export const DEMO_CLIENT = { id: 'hangar-demo', secret: 'hangar-demo-secret' } as const;
/** Where the app mounts the built-in GitHub emulator in demo mode. */
export const EMULATOR_MOUNT = '/emulator';
/** How long a session lasts at most, from sign-in, however active it is (HANGAR_SESSION_MAX_AGE). */
const DEFAULT_SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;
/** The GitHub App the emulator plays in demo mode, installed on its organisations. */
export const DEMO_GITHUB_APP = { id: '424242', slug: 'hangar-demo' } as const;
/** How often enabled policies run on their own (HANGAR_POLICY_INTERVAL_S). */
const DEFAULT_POLICY_INTERVAL_S = 300;
/** Where the embedded database lives without DATABASE_URL (HANGAR_DATA_DIR), under the working directory. */
const DEFAULT_DATA_DIR = '.hangar-data';

/**
 * How people sign in: `github`, through an OAuth App or a GitHub App (GITHUB_ID); `local`, as the
 * one account whose token HANGAR_GITHUB_TOKEN holds; `demo`, through the built-in emulator.
 */
export type AuthMode = 'github' | 'local' | 'demo';

export interface ServerConfig {
  mode: AuthMode;
  demo: boolean;
  /** The app's own public origin, e.g. https://hangar.example.com. */
  appOrigin: string;
  /**
   * Demo mode without AUTH_URL: the app answers at whatever address the browser used (localhost,
   * 127.0.0.1, a LAN address, a forwarded port), so its origin is the request's own.
   */
  originFollowsRequest: boolean;
  /** Where the browser is sent to authorize (github.com, or the emulator). */
  webUrl: string;
  /** Where the server exchanges the OAuth code; same host as webUrl, possibly reached by another route. */
  serverWebUrl: string;
  /** Every REST call goes here. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  secret: string;
  /** Local mode: the one account's token. Never in a cookie, a page or a log. */
  localToken: string | null;
  sessionMaxAgeS: number;
  /** Where policies, their runs and the audit log are kept. */
  database: DatabaseTarget;
  /** The Redis every instance shares (REDIS_URL), if any. */
  redisUrl: string | null;
  /** Hangar's own credential for organisations (a GitHub App), if there is one; the emulator's in demo mode. */
  githubApp: GithubAppCredential | null;
  /** Every enabled policy runs at least this often (HANGAR_POLICY_INTERVAL_S). */
  policyIntervalS: number;
}

/** A PostgreSQL server every instance shares (DATABASE_URL), or the embedded one in a folder of this machine. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/** GITHUB_APP_ID and its private key (PEM): what signs the JWT that asks for installation tokens. */
interface GithubAppCredential {
  appId: string;
  privateKey: string;
}

function trimSlash(url: string) {
  return url.replace(/\/+$/, '');
}

function authModeOf(env: NodeJS.ProcessEnv): AuthMode {
  if (env.GITHUB_ID) return 'github';
  // Not GITHUB_TOKEN: GitHub Actions and every codespace set that one for their own use.
  if (env.HANGAR_GITHUB_TOKEN) return 'local';
  return 'demo';
}

/** HANGAR_SESSION_MAX_AGE in whole seconds; `npm start` refuses anything else, so here it falls back. */
function sessionMaxAge(value: string | undefined): number {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : DEFAULT_SESSION_MAX_AGE_S;
}

/** HANGAR_POLICY_INTERVAL_S in whole seconds; `npm start` refuses anything else, so here it falls back. */
function policyInterval(value: string | undefined): number {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : DEFAULT_POLICY_INTERVAL_S;
}

function databaseTarget(env: NodeJS.ProcessEnv): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  // Where the operator says, at run time: nothing for the build to trace.
  return { kind: 'embedded', dataDir: path.resolve(/*turbopackIgnore: true*/ env.HANGAR_DATA_DIR || DEFAULT_DATA_DIR) };
}

/**
 * The app's credential: GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY (the PEM, its line breaks
 * possibly written `\n`), or GITHUB_APP_PRIVATE_KEY_PATH (a file holding it). `npm start` refuses
 * half a credential, so here half of one is none.
 */
function githubAppCredential(env: NodeJS.ProcessEnv): GithubAppCredential | null {
  if (!env.GITHUB_APP_ID) return null;
  const privateKey =
    env.GITHUB_APP_PRIVATE_KEY || (env.GITHUB_APP_PRIVATE_KEY_PATH ? readFileSync(env.GITHUB_APP_PRIVATE_KEY_PATH, 'utf8') : '');
  return privateKey ? { appId: env.GITHUB_APP_ID, privateKey: privateKey.replace(/\\n/g, '\n') } : null;
}

/**
 * Demo mode's app key: made by `npm start` (scripts/runtime-env.mjs), or here when the server was
 * started another way. Kept in the environment, so every part of the server (each bundled apart)
 * and the built-in emulator, which checks the JWTs, agree on it.
 */
function demoAppCredential(env: NodeJS.ProcessEnv): GithubAppCredential {
  env.HANGAR_DEMO_APP_PRIVATE_KEY ||= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  return { appId: DEMO_GITHUB_APP.id, privateKey: env.HANGAR_DEMO_APP_PRIVATE_KEY };
}

function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ?? '3000';
  const mode = authModeOf(env);
  const configuredUrl = env.NEXTAUTH_URL || env.AUTH_URL;
  // Local mode listens on loopback unless HOST says otherwise (scripts/runtime-env.mjs).
  const appUrl = trimSlash(configuredUrl || `http://${mode === 'local' ? '127.0.0.1' : 'localhost'}:${port}`);
  const appOrigin = new URL(appUrl).origin;
  const secret = env.NEXTAUTH_SECRET || env.AUTH_SECRET || '';
  const common = {
    mode,
    appOrigin,
    secret,
    sessionMaxAgeS: sessionMaxAge(env.HANGAR_SESSION_MAX_AGE),
    localToken: null,
    database: databaseTarget(env),
    redisUrl: env.REDIS_URL || null,
    policyIntervalS: policyInterval(env.HANGAR_POLICY_INTERVAL_S),
  };

  if (mode === 'demo') {
    // The server reaches its own emulator over loopback (set by scripts/start.mjs); the
    // browser reaches it through the public URL for the authorize page only.
    const internal = trimSlash(env.HANGAR_INTERNAL_URL ?? `http://127.0.0.1:${port}`);
    return {
      ...common,
      demo: true,
      originFollowsRequest: !configuredUrl,
      webUrl: `${appUrl}${EMULATOR_MOUNT}`,
      serverWebUrl: `${internal}${EMULATOR_MOUNT}`,
      apiUrl: `${internal}${EMULATOR_MOUNT}/api`,
      clientId: DEMO_CLIENT.id,
      clientSecret: DEMO_CLIENT.secret,
      githubApp: demoAppCredential(env),
    };
  }

  const webUrl = trimSlash(env.GITHUB_WEB_URL ?? 'https://github.com');
  return {
    ...common,
    demo: false,
    originFollowsRequest: false,
    webUrl,
    serverWebUrl: webUrl,
    apiUrl: trimSlash(env.GITHUB_API_URL ?? 'https://api.github.com'),
    clientId: mode === 'github' ? (env.GITHUB_ID ?? '') : '',
    clientSecret: mode === 'github' ? (env.GITHUB_SECRET ?? '') : '',
    localToken: mode === 'local' ? (env.HANGAR_GITHUB_TOKEN ?? null) : null,
    githubApp: githubAppCredential(env),
  };
}

/**
 * What next-auth reads from the environment, made to agree with the configuration: its own URL,
 * or, in demo mode without AUTH_URL, the request's host (next-auth's AUTH_TRUST_HOST), so the
 * sign-in's redirect_uri follows the address the browser used. Demo mode only: anywhere else a
 * forged Host header must not choose where GitHub sends the code.
 */
function alignNextAuthEnv(config: ServerConfig) {
  if (config.originFollowsRequest) {
    process.env.AUTH_TRUST_HOST = '1';
    delete process.env.NEXTAUTH_URL;
  } else {
    process.env.NEXTAUTH_URL ||= config.appOrigin;
  }
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  if (!cached) {
    cached = readConfig();
    alignNextAuthEnv(cached);
  }
  return cached;
}

export { readConfig as readConfigForTest };

// ---------- what single parts of the server read for themselves ----------
// Each is read where the part starts (a module's first load), or on every call where tests change it.

/** `HANGAR_LOG=off` silences info lines (read on every line: tests turn it off). */
export function infoLogsOff(): boolean {
  return process.env.HANGAR_LOG === 'off';
}

/** How long GitHub may take, how retries back off, and the largest answer Hangar reads (HANGAR_UPSTREAM_TIMEOUT_MS, …). */
export function upstreamLimits(env: NodeJS.ProcessEnv = process.env) {
  return {
    timeoutMs: Number(env.HANGAR_UPSTREAM_TIMEOUT_MS ?? 15_000),
    retryBaseMs: Number(env.HANGAR_RETRY_BASE_MS ?? 1000),
    maxBodyBytes: Number(env.HANGAR_GITHUB_MAX_BODY_BYTES) || 16 * 1024 * 1024,
  };
}

/** The answer store's Redis (REDIS_URL) and memory caps (HANGAR_CACHE_MAX_BYTES, HANGAR_CACHE_USER_MAX_BYTES); 0: the default. */
export function answerStoreSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    redisUrl: env.REDIS_URL || null,
    maxBytes: Number(env.HANGAR_CACHE_MAX_BYTES) || 0,
    maxAccountBytes: Number(env.HANGAR_CACHE_USER_MAX_BYTES) || 0,
  };
}

/** Demo mode's emulator: its distance (EMULATOR_LATENCY_MS, EMULATOR_JITTER_MS), token lifetime, test hooks and transitions. */
export function demoEmulatorSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    latency: { EMULATOR_LATENCY_MS: env.EMULATOR_LATENCY_MS, EMULATOR_JITTER_MS: env.EMULATOR_JITTER_MS },
    tokenLifetimeS: Number(env.EMULATOR_TOKEN_LIFETIME_S) || undefined,
    control: env.HANGAR_EMULATOR_CONTROL === '1',
    transitionMs: Number(env.EMULATOR_TRANSITION_MS) || undefined,
  };
}

/** Local mode's one-time sign-in secret, made by `npm start` (HANGAR_LOCAL_SIGN_IN_SECRET). */
export function localSignInSecret(): string | undefined {
  return process.env.HANGAR_LOCAL_SIGN_IN_SECRET;
}

/** Whether Next leaves SIGTERM and SIGINT to the app (NEXT_MANUAL_SIG_HANDLE). */
export function manualSignalHandling(): boolean {
  return Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
}

/** `next dev` (its inline scripts and hot reload need a looser content security policy). */
export function developmentServer(): boolean {
  return process.env.NODE_ENV === 'development';
}

/**
 * Where avatars may come from: whichever GitHub is configured, and in demo mode the emulator on this
 * server, at its loopback address and at the web URL its answers link to (lib/demo.server.ts).
 */
export function imageOrigins(): string[] {
  const origins = [process.env.GITHUB_API_URL, process.env.HANGAR_INTERNAL_URL, serverConfig().webUrl]
    .filter((url): url is string => Boolean(url))
    .map((url) => new URL(url).origin);
  return [...new Set(origins)];
}
