import 'server-only';
import { createAppAuth } from '@octokit/auth-app';
import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import type { ResponseOf } from '@/lib/github/operation';
import { octokitLog } from '@/lib/server/log.server';
import { appOperations } from './operations';
import type { InstallationToken } from './token-store.server';

/**
 * Hangar's GitHub App as itself: the JWT it signs with its private key (RS256, `iss` the app id,
 * valid ten minutes at most), which finds its installation on an organisation and takes
 * installation tokens. @octokit/auth-app makes the JWT and asks for the tokens; keeping and
 * sharing them is installation-tokens.server.ts's part.
 */

export interface GithubAppAuthOptions {
  appId: string;
  /** PEM (PKCS #1 as GitHub hands it out, or PKCS #8). */
  privateKey: string;
  /** Where GitHub's REST API is (GITHUB_API_URL, or the emulator in demo mode). */
  apiUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface GithubAppAuth {
  readonly appId: string;
  /** A new JWT as the app. */
  jwt(): Promise<string>;
  /** The app's installation on `org`, or null where the app is not installed. */
  installationId(org: string): Promise<number | null>;
  /** A new installation token, from GitHub (every call asks). */
  mintInstallationToken(installationId: number): Promise<InstallationToken>;
  /** Forgets what it knew of `org`'s installation (GitHub said it is gone): the next call asks again. */
  forgetInstallation(org: string): void;
}

type Installation = ResponseOf<typeof appOperations.getOrgInstallation>;
/** An installation found, or not: organisations seldom install or remove the app. */
const INSTALLATION_TTL_MS = 10 * 60_000;
const NOT_INSTALLED_TTL_MS = 60_000;

/**
 * No cache of auth-app's own: tokens are kept by installation-tokens.server.ts, which shares them
 * across instances. (An empty string is auth-app's miss.)
 */
const noCache = { get: () => '', set: () => undefined };

export function githubAppAuth({ appId, privateKey, apiUrl, fetch: fetchImpl, now = Date.now }: GithubAppAuthOptions): GithubAppAuth {
  const octokit = new Octokit({ baseUrl: apiUrl, userAgent: 'Hangar', log: octokitLog, request: fetchImpl ? { fetch: fetchImpl } : {} });
  const auth = createAppAuth({ appId, privateKey, request: octokit.request, cache: noCache });
  const installations = new Map<string, { id: number | null; until: number }>();

  const jwt = async () => (await auth({ type: 'app' })).token;

  return {
    appId,
    jwt,

    async installationId(org) {
      const key = org.toLowerCase();
      const known = installations.get(key);
      if (known && known.until > now()) return known.id;
      let id: number | null;
      try {
        const { method, route } = appOperations.getOrgInstallation;
        const answer = await octokit.request(`${method} ${route}`, { org, headers: { authorization: `bearer ${await jwt()}` } });
        id = (answer.data as Installation).id;
      } catch (error) {
        if (!(error instanceof RequestError) || error.status !== 404) throw error;
        id = null;
      }
      installations.set(key, { id, until: now() + (id === null ? NOT_INSTALLED_TTL_MS : INSTALLATION_TTL_MS) });
      return id;
    },

    async mintInstallationToken(installationId) {
      // `refresh`: always GitHub's answer; the caller keeps tokens (and shares them across instances).
      const { token, expiresAt } = await auth({ type: 'installation', installationId, refresh: true });
      return { token, expiresAt: Date.parse(expiresAt) };
    },

    forgetInstallation(org) {
      installations.delete(org.toLowerCase());
    },
  };
}
