import { browserTransport } from '@/lib/transport/client';
import { countedPage, listAll, type GithubTransport } from '@/lib/transport/transport';
import type { SecretVisibility } from './domain/names';
import type { SecretRepository } from './domain/types';
import { operations } from './operations';
import { sealForKey } from './seal';
import { repositoryParams } from '@/lib/repositories/domain/path';

// Readers of one page each (module level, so unchanged pages are remembered: lib/transport/client.ts).
const secretPage = countedPage('secrets');
const repositoryPage = countedPage('repositories');

/**
 * Codespaces secrets at each of GitHub's three scopes, one typed function per operation, named as
 * the operation. A value is sealed here, in the browser, with the public key GitHub gives for that
 * scope; only the sealed box and its key id are sent: Hangar's server never holds a secret in plain text.
 */

export function secretsApi(transport: GithubTransport) {
  const all = { per_page: 100 };
  return {
    // ---- the user's own: used by their codespaces in the repositories they choose ----
    listMySecrets: (signal?: AbortSignal) => listAll(transport, operations.listMySecrets, { query: all, signal }, secretPage),
    listMySecretRepositories: async (name: string, signal?: AbortSignal): Promise<SecretRepository[]> =>
      (await transport.request(operations.listMySecretRepositories, { params: { secret_name: name }, signal })).data.repositories,
    /** Creates or updates, sealed with the user's key (getMySecretsPublicKey). */
    putMySecret: async (name: string, value: string, repositoryIds: number[]) => {
      const key = (await transport.request(operations.getMySecretsPublicKey)).data;
      await transport.request(operations.putMySecret, {
        params: { secret_name: name },
        body: { ...(await sealForKey(value, key)), selected_repository_ids: repositoryIds },
      });
    },
    setMySecretRepositories: async (name: string, repositoryIds: number[]) => {
      await transport.request(operations.setMySecretRepositories, {
        params: { secret_name: name },
        body: { selected_repository_ids: repositoryIds },
      });
    },
    deleteMySecret: async (name: string) => {
      await transport.request(operations.deleteMySecret, { params: { secret_name: name } });
    },

    // ---- a repository's: for its administrators ----
    listRepositorySecrets: (repo: string, signal?: AbortSignal) =>
      listAll(transport, operations.listRepositorySecrets, { params: repositoryParams(repo), query: all, signal }, secretPage),
    /** Creates or updates, sealed with the repository's key (getRepositorySecretsPublicKey). */
    putRepositorySecret: async (repo: string, name: string, value: string) => {
      const key = (await transport.request(operations.getRepositorySecretsPublicKey, { params: repositoryParams(repo) })).data;
      await transport.request(operations.putRepositorySecret, {
        params: { ...repositoryParams(repo), secret_name: name },
        body: await sealForKey(value, key),
      });
    },
    deleteRepositorySecret: async (repo: string, name: string) => {
      await transport.request(operations.deleteRepositorySecret, { params: { ...repositoryParams(repo), secret_name: name } });
    },

    // ---- an organisation's: for its owners ----
    listOrgSecrets: (org: string, signal?: AbortSignal) =>
      listAll(transport, operations.listOrgSecrets, { params: { org }, query: all, signal }, secretPage),
    listOrgSecretRepositories: (org: string, name: string, signal?: AbortSignal) =>
      listAll(transport, operations.listOrgSecretRepositories, { params: { org, secret_name: name }, query: all, signal }, repositoryPage),
    /**
     * Creates or updates; `value` undefined keeps the stored value (visibility and repositories
     * change), else it is sealed with the organisation's key (getOrgSecretsPublicKey).
     */
    putOrgSecret: async (
      org: string,
      name: string,
      { value, visibility, repositoryIds }: { value?: string; visibility: SecretVisibility; repositoryIds?: number[] },
    ) => {
      const sealed =
        value === undefined
          ? {}
          : await sealForKey(value, (await transport.request(operations.getOrgSecretsPublicKey, { params: { org } })).data);
      await transport.request(operations.putOrgSecret, {
        params: { org, secret_name: name },
        body: { ...sealed, visibility, ...(visibility === 'selected' ? { selected_repository_ids: repositoryIds ?? [] } : {}) },
      });
    },
    setOrgSecretRepositories: async (org: string, name: string, repositoryIds: number[]) => {
      await transport.request(operations.setOrgSecretRepositories, {
        params: { org, secret_name: name },
        body: { selected_repository_ids: repositoryIds },
      });
    },
    deleteOrgSecret: async (org: string, name: string) => {
      await transport.request(operations.deleteOrgSecret, { params: { org, secret_name: name } });
    },
  };
}

export type SecretsApi = ReturnType<typeof secretsApi>;

export const secrets = secretsApi(browserTransport);
