import 'server-only';

/**
 * Server configuration, read from the environment when the server starts (never at build time),
 * so one build serves every deployment. See CONTRACT.md for the variables.
 */

// next-auth v4 reads only NEXTAUTH_*; operators may set the AUTH_* names alone.
process.env.NEXTAUTH_URL ??= process.env.AUTH_URL;
process.env.NEXTAUTH_SECRET ??= process.env.AUTH_SECRET;

/** The emulator's OAuth app, used when no real one is configured (demo mode). */
export const DEMO_CLIENT = { id: 'hangar-demo', secret: 'hangar-demo-secret' } as const;
/** Where the app mounts the built-in GitHub emulator in demo mode. */
export const EMULATOR_MOUNT = '/emulator';

export interface ServerConfig {
  demo: boolean;
  /** The app's own public origin, e.g. https://hangar.example.com. */
  appOrigin: string;
  /** Where the browser is sent to authorize (github.com, or the emulator). */
  webUrl: string;
  /** Where the server exchanges the OAuth code; same host as webUrl, possibly reached by another route. */
  serverWebUrl: string;
  /** Every REST call goes here. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  secret: string;
}

function trimSlash(url: string) {
  return url.replace(/\/+$/, '');
}

function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ?? '3000';
  const appUrl = trimSlash(env.NEXTAUTH_URL ?? env.AUTH_URL ?? `http://localhost:${port}`);
  const appOrigin = new URL(appUrl).origin;
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET ?? '';
  const demo = !env.GITHUB_ID;

  if (demo) {
    // The server reaches its own emulator over loopback (set by scripts/start.mjs); the
    // browser reaches it through the public URL for the authorize page only.
    const internal = trimSlash(env.HANGAR_INTERNAL_URL ?? `http://127.0.0.1:${port}`);
    return {
      demo,
      appOrigin,
      webUrl: `${appUrl}${EMULATOR_MOUNT}`,
      serverWebUrl: `${internal}${EMULATOR_MOUNT}`,
      apiUrl: `${internal}${EMULATOR_MOUNT}/api`,
      clientId: DEMO_CLIENT.id,
      clientSecret: DEMO_CLIENT.secret,
      secret,
    };
  }

  const webUrl = trimSlash(env.GITHUB_WEB_URL ?? 'https://github.com');
  return {
    demo,
    appOrigin,
    webUrl,
    serverWebUrl: webUrl,
    apiUrl: trimSlash(env.GITHUB_API_URL ?? 'https://api.github.com'),
    clientId: env.GITHUB_ID ?? '',
    clientSecret: env.GITHUB_SECRET ?? '',
    secret,
  };
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= readConfig();
  return cached;
}

export { readConfig as readConfigForTest };
