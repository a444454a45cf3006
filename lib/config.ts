import 'server-only';

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
export const DEFAULT_SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

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
}

function trimSlash(url: string) {
  return url.replace(/\/+$/, '');
}

export function authModeOf(env: NodeJS.ProcessEnv): AuthMode {
  if (env.GITHUB_ID) return 'github';
  // Not GITHUB_TOKEN: GitHub Actions and every codespace set that one for their own use.
  if (env.HANGAR_GITHUB_TOKEN) return 'local';
  return 'demo';
}

/** HANGAR_SESSION_MAX_AGE in whole seconds; `npm start` refuses anything else, so here it falls back. */
function sessionMaxAge(value: string | undefined): number {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : DEFAULT_SESSION_MAX_AGE_S;
}

function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ?? '3000';
  const mode = authModeOf(env);
  const configuredUrl = env.NEXTAUTH_URL || env.AUTH_URL;
  // Local mode listens on loopback unless HOST says otherwise (scripts/runtime-env.mjs).
  const appUrl = trimSlash(configuredUrl || `http://${mode === 'local' ? '127.0.0.1' : 'localhost'}:${port}`);
  const appOrigin = new URL(appUrl).origin;
  const secret = env.NEXTAUTH_SECRET || env.AUTH_SECRET || '';
  const common = { mode, appOrigin, secret, sessionMaxAgeS: sessionMaxAge(env.HANGAR_SESSION_MAX_AGE), localToken: null };

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
