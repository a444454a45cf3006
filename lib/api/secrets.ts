import type { components } from '@octokit/openapi-types';
import { operations } from '@/lib/github/operations';
import { sealForKey } from '@/lib/secrets/seal';
import type { SecretVisibility } from '@/lib/secrets/schemas';
import { browserTransport } from '@/lib/transport/client';
import { repositoryParams } from './repositories';
import { listAll, type GithubTransport, type ListPage } from '@/lib/transport/transport';

/**
 * Codespaces secrets at each of GitHub's three scopes, one typed function per operation. A value
 * is sealed here, in the browser, with the public key GitHub gives for that scope; only the sealed
 * box and its key id are sent: Hangar's server never holds a secret in plain text.
 */

export type UserSecret = components['schemas']['codespaces-secret'];
export type RepositorySecret = components['schemas']['repo-codespaces-secret'];
export type OrgSecret = components['schemas']['codespaces-org-secret'];
export type SecretRepository = components['schemas']['minimal-repository'];

/** Where a secret lives: the signed-in user's own, a repository's, or an organisation's. */
export type SecretScope = { kind: 'user' } | { kind: 'repository'; repo: string } | { kind: 'organization'; org: string };

const userSecretPage = (page: { total_count: number; secrets: UserSecret[] }): ListPage<UserSecret> => ({
  items: page.secrets,
  total: page.total_count,
});
const repositorySecretPage = (page: { total_count: number; secrets: RepositorySecret[] }): ListPage<RepositorySecret> => ({
  items: page.secrets,
  total: page.total_count,
});
const orgSecretPage = (page: { total_count: number; secrets: OrgSecret[] }): ListPage<OrgSecret> => ({
  items: page.secrets,
  total: page.total_count,
});
const repositoryPage = (page: { total_count: number; repositories: SecretRepository[] }): ListPage<SecretRepository> => ({
  items: page.repositories,
  total: page.total_count,
});

export function secretsApi(transport: GithubTransport) {
  const userKey = async () => (await transport.request(operations.getMySecretsPublicKey)).data;
  return {
    // ---- the user's own: used by their codespaces in the repositories they choose ----
    mine: (signal?: AbortSignal) => listAll(transport, operations.listMySecrets, { query: { per_page: 100 }, signal }, userSecretPage),
    myRepositories: async (name: string, signal?: AbortSignal): Promise<SecretRepository[]> =>
      (await transport.request(operations.listMySecretRepositories, { params: { secret_name: name }, signal })).data.repositories,
    /** Creates or updates; `value` undefined keeps the stored value (only the repositories change). */
    saveMine: async (name: string, { value, repositoryIds }: { value?: string; repositoryIds: number[] }) => {
      if (value === undefined) {
        await transport.request(operations.setMySecretRepositories, {
          params: { secret_name: name },
          body: { selected_repository_ids: repositoryIds },
        });
        return;
      }
      const sealed = await sealForKey(value, await userKey());
      await transport.request(operations.putMySecret, {
        params: { secret_name: name },
        body: { ...sealed, selected_repository_ids: repositoryIds },
      });
    },
    addMyRepository: async (name: string, repositoryId: number) => {
      await transport.request(operations.addMySecretRepository, { params: { secret_name: name, repository_id: repositoryId } });
    },
    removeMyRepository: async (name: string, repositoryId: number) => {
      await transport.request(operations.removeMySecretRepository, { params: { secret_name: name, repository_id: repositoryId } });
    },
    getMine: async (name: string, signal?: AbortSignal): Promise<UserSecret> =>
      (await transport.request(operations.getMySecret, { params: { secret_name: name }, signal })).data,
    deleteMine: async (name: string) => {
      await transport.request(operations.deleteMySecret, { params: { secret_name: name } });
    },

    // ---- a repository's: for its administrators ----
    ofRepository: (repo: string, signal?: AbortSignal) =>
      listAll(
        transport,
        operations.listRepositorySecrets,
        { params: repositoryParams(repo), query: { per_page: 100 }, signal },
        repositorySecretPage,
      ),
    getOfRepository: async (repo: string, name: string, signal?: AbortSignal): Promise<RepositorySecret> =>
      (await transport.request(operations.getRepositorySecret, { params: { ...repositoryParams(repo), secret_name: name }, signal })).data,
    saveForRepository: async (repo: string, name: string, value: string) => {
      const key = (await transport.request(operations.getRepositorySecretsPublicKey, { params: repositoryParams(repo) })).data;
      await transport.request(operations.putRepositorySecret, {
        params: { ...repositoryParams(repo), secret_name: name },
        body: await sealForKey(value, key),
      });
    },
    deleteOfRepository: async (repo: string, name: string) => {
      await transport.request(operations.deleteRepositorySecret, { params: { ...repositoryParams(repo), secret_name: name } });
    },

    // ---- an organisation's: for its owners ----
    ofOrganization: (org: string, signal?: AbortSignal) =>
      listAll(transport, operations.listOrgSecrets, { params: { org }, query: { per_page: 100 }, signal }, orgSecretPage),
    getOfOrganization: async (org: string, name: string, signal?: AbortSignal): Promise<OrgSecret> =>
      (await transport.request(operations.getOrgSecret, { params: { org, secret_name: name }, signal })).data,
    organizationSecretRepositories: (org: string, name: string, signal?: AbortSignal) =>
      listAll(
        transport,
        operations.listOrgSecretRepositories,
        { params: { org, secret_name: name }, query: { per_page: 100 }, signal },
        repositoryPage,
      ),
    /** Creates or updates; `value` undefined keeps the stored value (visibility and repositories change). */
    saveForOrganization: async (
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
    setOrganizationSecretRepositories: async (org: string, name: string, repositoryIds: number[]) => {
      await transport.request(operations.setOrgSecretRepositories, {
        params: { org, secret_name: name },
        body: { selected_repository_ids: repositoryIds },
      });
    },
    addOrganizationSecretRepository: async (org: string, name: string, repositoryId: number) => {
      await transport.request(operations.addOrgSecretRepository, { params: { org, secret_name: name, repository_id: repositoryId } });
    },
    removeOrganizationSecretRepository: async (org: string, name: string, repositoryId: number) => {
      await transport.request(operations.removeOrgSecretRepository, { params: { org, secret_name: name, repository_id: repositoryId } });
    },
    deleteOfOrganization: async (org: string, name: string) => {
      await transport.request(operations.deleteOrgSecret, { params: { org, secret_name: name } });
    },
  };
}

export type SecretsApi = ReturnType<typeof secretsApi>;

export const secrets = secretsApi(browserTransport);
