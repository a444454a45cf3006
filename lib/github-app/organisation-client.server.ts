import 'server-only';
import { serverConfig, type ServerConfig } from '@/lib/config';
import { RedisConnection } from '@/lib/github/store/redis-connection.server';
import { githubAppAuth } from './app-auth.server';
import { installationClient, type InstallationClient, type RulesOf } from './installation-client.server';
import { InstallationTokens } from './installation-tokens.server';
import { MemoryInstallationTokenStore, RedisInstallationTokenStore } from './token-store.server';

/** No GitHub App is configured (GITHUB_APP_ID and its key): nothing can act on organisations. */
export class AppNotConfigured extends Error {
  constructor() {
    super('No GitHub App is configured: set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (README: Policies and audit).');
    this.name = 'AppNotConfigured';
  }
}

// On globalThis: the scheduler (instrumentation) and route handlers are bundled apart, and share one app and its tokens.
const holder = globalThis as typeof globalThis & { __hangarOrgClients?: Map<string, InstallationClient>; __hangarAppTokens?: AppTokens };

interface AppTokens {
  app: ReturnType<typeof githubAppAuth>;
  tokens: InstallationTokens;
}

function appTokens(config: ServerConfig): AppTokens {
  if (!config.githubApp) throw new AppNotConfigured();
  if (!holder.__hangarAppTokens) {
    const app = githubAppAuth({ appId: config.githubApp.appId, privateKey: config.githubApp.privateKey, apiUrl: config.apiUrl });
    // With REDIS_URL, every instance uses one token per installation (encrypted in Redis with AUTH_SECRET).
    const shared =
      config.redisUrl && config.secret ? new RedisInstallationTokenStore(new RedisConnection(config.redisUrl), config.secret) : null;
    const tokens = new InstallationTokens({
      appId: app.appId,
      mint: (id) => app.mintInstallationToken(id),
      local: new MemoryInstallationTokenStore(),
      shared,
    });
    holder.__hangarAppTokens = { app, tokens };
  }
  return holder.__hangarAppTokens;
}

/**
 * Hangar's GitHub App on an organisation, as this server's one client per organisation: it acts
 * with installation tokens, on `/orgs/{org}/…` only, held to `rulesOf` (the proxy's rules for the
 * same operations). Throws AppNotConfigured without GITHUB_APP_ID; a call on an organisation
 * without the app installed fails with AppNotInstalled.
 */
export function organisationClient(org: string, rulesOf: RulesOf, config: ServerConfig = serverConfig()): InstallationClient {
  const { app, tokens } = appTokens(config);
  const clients = (holder.__hangarOrgClients ??= new Map());
  const key = org.toLowerCase();
  let client = clients.get(key);
  if (!client) {
    client = installationClient({ org, apiUrl: config.apiUrl, app, tokens, rulesOf });
    clients.set(key, client);
  }
  return client;
}

/** Whether the app is installed on `org`: null when no app is configured. GitHub's other refusals throw. */
export async function appInstalledOn(org: string, config: ServerConfig = serverConfig()): Promise<boolean | null> {
  if (!config.githubApp) return null;
  return (await appTokens(config).app.installationId(org)) !== null;
}
