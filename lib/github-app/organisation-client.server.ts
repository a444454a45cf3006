import 'server-only';
import { serverConfig } from '@/lib/config';
import { sharedRedis } from '@/lib/github/store.server';
import { githubAppAuth, type GithubAppAuth } from './app-auth.server';
import { installationClient, type InstallationClient } from './installation-client.server';
import { InstallationTokens } from './installation-tokens.server';
import { MemoryInstallationTokenStore, RedisInstallationTokenStore } from './token-store.server';

/** Hangar has no credential for organisations: GITHUB_APP_ID and its private key are not set. */
export class NoGithubApp extends Error {
  constructor() {
    super('Hangar has no GitHub App for organisations: set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (README: Policies and audit).');
    this.name = 'NoGithubApp';
  }
}

interface AppState {
  app: GithubAppAuth;
  tokens: InstallationTokens;
}

// On globalThis: the scheduler (instrumentation), route handlers and pages are bundled apart, and
// share one app and one set of tokens.
const holder = globalThis as typeof globalThis & { __hangarGithubApp?: AppState | null };

/**
 * The platform's fetch, not the one Next wraps inside route handlers and pages (for its data
 * cache): installation calls must never be cached by anyone but GitHub. Looked up per call.
 */
const plainFetch: typeof fetch = (input, init) => {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return (current._nextOriginalFetch ?? current)(input, init);
};

function appState(): AppState | null {
  if (holder.__hangarGithubApp === undefined) {
    const config = serverConfig();
    const credential = config.githubApp;
    if (!credential) {
      holder.__hangarGithubApp = null;
    } else {
      const app = githubAppAuth({ ...credential, apiUrl: config.apiUrl, fetch: plainFetch });
      const redis = sharedRedis();
      const tokens = new InstallationTokens({
        appId: credential.appId,
        mint: (id) => app.mintInstallationToken(id),
        local: new MemoryInstallationTokenStore(),
        shared: redis ? new RedisInstallationTokenStore(redis, config.secret) : null,
      });
      holder.__hangarGithubApp = { app, tokens };
    }
  }
  return holder.__hangarGithubApp;
}

/** Whether Hangar can act on organisations by itself (a GitHub App is configured, or demo mode's). */
export function githubAppConfigured(): boolean {
  return appState() !== null;
}

/**
 * A client for `org` acting as Hangar's GitHub App (throws NoGithubApp without one). It holds no
 * person's token: this is what work done while nobody is signed in uses.
 */
export function organisationClient(org: string): InstallationClient {
  const state = appState();
  if (!state) throw new NoGithubApp();
  return installationClient({ org, apiUrl: serverConfig().apiUrl, app: state.app, tokens: state.tokens, fetch: plainFetch });
}
