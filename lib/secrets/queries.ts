import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { notices } from '@/lib/query/meta';
import { secrets, type SecretsApi } from './api';
import { normalizeSecretName, type SecretVisibility } from './domain/names';
import { scopeOwner, type Secret, type SecretScope } from './domain/scope';
import type { SecretRepository } from './domain/types';

/**
 * Query and mutation options for Codespaces secrets at each of GitHub's scopes (the user's, a
 * repository's, an organisation's), named as the operations they run: `listSecretsQuery(scope)`
 * runs listMySecrets, listRepositorySecrets or listOrgSecrets. Values are sealed inside the typed
 * functions (api.ts), in the browser; what a change carries is kept no longer than it runs
 * (`gcTime: 0`), and no notice ever holds a value. Forms show their own errors inline, so these
 * changes give no `failure`.
 */

const secretKeys = {
  all: ['secrets'] as const,
  /** Everything about one scope's secrets (a prefix). */
  of: (scope: SecretScope) => [...secretKeys.all, scope.kind, ...(scopeOwner(scope) === null ? [] : [scopeOwner(scope)!])] as const,
  listSecrets: (scope: SecretScope) => [...secretKeys.of(scope), 'list'] as const,
  listSecretRepositories: (scope: SecretScope, name: string) => [...secretKeys.of(scope), 'repositories', name] as const,
};

/** A save's variables hold the typed value: forget the mutation as soon as nothing watches it. */
const FORGET_AT_ONCE = { gcTime: 0 } as const;

const SECRET_LIST_FRESH_MS = 30_000;

/** " for mona/blog", " for octo-org", or nothing for the user's own. */
const forWhom = (scope: SecretScope, word: 'for' | 'from') => (scopeOwner(scope) ? ` ${word} ${scopeOwner(scope)}` : '');

/** A scope's secrets. `api`: the server's, for a first paint with the list (the browser's by default). */
export function listSecretsQuery(scope: SecretScope, { enabled = true, api = secrets }: { enabled?: boolean; api?: SecretsApi } = {}) {
  return queryOptions({
    queryKey: secretKeys.listSecrets(scope),
    queryFn: ({ signal }): Promise<Secret[]> =>
      scope.kind === 'user'
        ? api.listMySecrets(signal)
        : scope.kind === 'repository'
          ? api.listRepositorySecrets(scope.repo, signal)
          : api.listOrgSecrets(scope.org, signal),
    enabled,
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

/** The repositories whose codespaces may use a secret chosen for them (the user's, or an organisation's with `selected`). */
export function listSecretRepositoriesQuery(scope: SecretScope, name: string, api: SecretsApi = secrets) {
  return queryOptions({
    queryKey: secretKeys.listSecretRepositories(scope, name),
    queryFn: ({ signal }): Promise<SecretRepository[]> =>
      scope.kind === 'organization' ? api.listOrgSecretRepositories(scope.org, name, signal) : api.listMySecretRepositories(name, signal),
    enabled: scope.kind !== 'repository',
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

export interface SaveSecret {
  name: string;
  /** Undefined keeps the stored value (a repository's secret always has one). */
  value?: string;
  visibility: SecretVisibility;
  /** Only with `selected`. */
  repositoryIds: number[];
  creating: boolean;
  /** The visibility it had, when editing. */
  was?: SecretVisibility;
}

/** Creates or changes a secret: putMySecret, putRepositorySecret or putOrgSecret (or only its repositories). */
export function putSecretMutation(queryClient: QueryClient, scope: SecretScope) {
  return mutationOptions({
    mutationKey: [...secretKeys.of(scope), 'save'],
    mutationFn: async ({ name, value, visibility, repositoryIds, was }: SaveSecret) => {
      const secret = normalizeSecretName(name);
      if (scope.kind === 'repository') return secrets.putRepositorySecret(scope.repo, secret, value ?? '');
      if (scope.kind === 'user')
        return value === undefined
          ? secrets.setMySecretRepositories(secret, repositoryIds)
          : secrets.putMySecret(secret, value, repositoryIds);
      // Only the chosen repositories changing: GitHub's own operation for that, which leaves the rest as it is.
      return value === undefined && visibility === 'selected' && was === 'selected'
        ? secrets.setOrgSecretRepositories(scope.org, secret, repositoryIds)
        : secrets.putOrgSecret(scope.org, secret, { value, visibility, repositoryIds });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.of(scope) }),
    meta: notices<void, SaveSecret>({
      success: (_, { name, creating }) => `${creating ? 'Created' : 'Saved'} ${normalizeSecretName(name)}${forWhom(scope, 'for')}`,
    }),
    ...FORGET_AT_ONCE,
  });
}

/** Deletes a secret: deleteMySecret, deleteRepositorySecret or deleteOrgSecret. It leaves the list at once. */
export function deleteSecretMutation(queryClient: QueryClient, scope: SecretScope) {
  return mutationOptions({
    mutationKey: [...secretKeys.of(scope), 'delete'],
    mutationFn: (name: string) =>
      scope.kind === 'user'
        ? secrets.deleteMySecret(name)
        : scope.kind === 'repository'
          ? secrets.deleteRepositorySecret(scope.repo, name)
          : secrets.deleteOrgSecret(scope.org, name),
    onSuccess: (_, name) => {
      queryClient.setQueryData<Secret[]>(secretKeys.listSecrets(scope), (list) => list?.filter((s) => s.name !== name));
      queryClient.removeQueries({ queryKey: secretKeys.listSecretRepositories(scope, name) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.listSecrets(scope) }),
    meta: notices<void, string>({ success: (_, name) => `Deleted ${name}${forWhom(scope, 'from')}` }),
  });
}
