import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { secrets, type OrgSecret, type RepositorySecret, type SecretsApi, type UserSecret } from '@/lib/api/secrets';
import { normalizeSecretName } from '@/lib/secrets/names';
import type { SecretVisibility } from '@/lib/secrets/schemas';
import { secretKeys } from './keys';
import { notices } from '@/lib/query/meta';

/**
 * Query and mutation options for Codespaces secrets: the user's, a repository's, an
 * organisation's. Values are sealed inside the typed functions (lib/api/secrets.ts), in the
 * browser; what a change carries is kept no longer than it runs (`gcTime: 0`), and no notice
 * ever holds a value. Forms show their own errors inline, so these changes give no `failure`.
 */

/** A save's variables hold the typed value: forget the mutation as soon as nothing watches it. */
const FORGET_AT_ONCE = { gcTime: 0 } as const;

const SECRET_LIST_FRESH_MS = 30_000;

// ---------- the user's ----------

/** `api`: the server's, for a first paint with the list (the browser's by default). */
export function mySecretsQuery(api: Pick<SecretsApi, 'mine'> = secrets) {
  return queryOptions({
    queryKey: secretKeys.mine(),
    queryFn: ({ signal }) => api.mine(signal),
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

/** The repositories whose codespaces may use one of the user's secrets. */
export function mySecretRepositoriesQuery(name: string, api: Pick<SecretsApi, 'myRepositories'> = secrets) {
  return queryOptions({
    queryKey: secretKeys.myRepositories(name),
    queryFn: ({ signal }) => api.myRepositories(name, signal),
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

export interface SaveMySecret {
  name: string;
  /** Undefined keeps the stored value (only the repositories change). */
  value?: string;
  repositoryIds: number[];
  creating: boolean;
}

export function saveMySecret(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...secretKeys.user(), 'save'],
    mutationFn: ({ name, value, repositoryIds }: SaveMySecret) => secrets.saveMine(normalizeSecretName(name), { value, repositoryIds }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.user() }),
    meta: notices<void, SaveMySecret>({
      success: (_, { name, creating }) => `${creating ? 'Created' : 'Saved'} ${normalizeSecretName(name)}`,
    }),
    ...FORGET_AT_ONCE,
  });
}

export function deleteMySecret(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...secretKeys.user(), 'delete'],
    mutationFn: (name: string) => secrets.deleteMine(name),
    onSuccess: (_, name) => {
      queryClient.setQueryData<UserSecret[]>(secretKeys.mine(), (list) => list?.filter((s) => s.name !== name));
      queryClient.removeQueries({ queryKey: secretKeys.myRepositories(name) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.mine() }),
    meta: notices<void, string>({ success: (_, name) => `Deleted ${name}` }),
  });
}

// ---------- a repository's ----------

export function repositorySecretsQuery(repo: string, enabled = true) {
  return queryOptions({
    queryKey: secretKeys.ofRepository(repo),
    queryFn: ({ signal }) => secrets.ofRepository(repo, signal),
    enabled,
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

export interface SaveRepositorySecret {
  name: string;
  value: string;
  creating: boolean;
}

export function saveRepositorySecret(queryClient: QueryClient, repo: string) {
  return mutationOptions({
    mutationKey: [...secretKeys.ofRepository(repo), 'save'],
    mutationFn: ({ name, value }: SaveRepositorySecret) => secrets.saveForRepository(repo, normalizeSecretName(name), value),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.ofRepository(repo) }),
    meta: notices<void, SaveRepositorySecret>({
      success: (_, { name, creating }) => `${creating ? 'Created' : 'Saved'} ${normalizeSecretName(name)} for ${repo}`,
    }),
    ...FORGET_AT_ONCE,
  });
}

export function deleteRepositorySecret(queryClient: QueryClient, repo: string) {
  return mutationOptions({
    mutationKey: [...secretKeys.ofRepository(repo), 'delete'],
    mutationFn: (name: string) => secrets.deleteOfRepository(repo, name),
    onSuccess: (_, name) =>
      queryClient.setQueryData<RepositorySecret[]>(secretKeys.ofRepository(repo), (list) => list?.filter((s) => s.name !== name)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.ofRepository(repo) }),
    meta: notices<void, string>({ success: (_, name) => `Deleted ${name} from ${repo}` }),
  });
}

// ---------- an organisation's ----------

export function orgSecretsQuery(org: string) {
  return queryOptions({
    queryKey: secretKeys.ofOrganization(org),
    queryFn: ({ signal }) => secrets.ofOrganization(org, signal),
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

/** The repositories chosen for an organisation secret whose visibility is `selected`. */
export function orgSecretRepositoriesQuery(org: string, name: string, enabled = true) {
  return queryOptions({
    queryKey: secretKeys.organizationRepositories(org, name),
    queryFn: ({ signal }) => secrets.organizationSecretRepositories(org, name, signal),
    enabled,
    staleTime: SECRET_LIST_FRESH_MS,
  });
}

export interface SaveOrgSecret {
  name: string;
  /** Undefined keeps the stored value. */
  value?: string;
  visibility: SecretVisibility;
  /** Only with `selected`. */
  repositoryIds: number[];
  creating: boolean;
  /** The visibility it had, when editing. */
  was?: SecretVisibility;
}

export function saveOrgSecret(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...secretKeys.organization(org), 'save'],
    mutationFn: ({ name, value, visibility, repositoryIds, was }: SaveOrgSecret) =>
      // Only the chosen repositories changing: GitHub's own operation for that, which leaves the rest as it is.
      value === undefined && visibility === 'selected' && was === 'selected'
        ? secrets.setOrganizationSecretRepositories(org, normalizeSecretName(name), repositoryIds)
        : secrets.saveForOrganization(org, normalizeSecretName(name), { value, visibility, repositoryIds }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.organization(org) }),
    meta: notices<void, SaveOrgSecret>({
      success: (_, { name, creating }) => `${creating ? 'Created' : 'Saved'} ${normalizeSecretName(name)} for ${org}`,
    }),
    ...FORGET_AT_ONCE,
  });
}

export function deleteOrgSecret(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...secretKeys.organization(org), 'delete'],
    mutationFn: (name: string) => secrets.deleteOfOrganization(org, name),
    onSuccess: (_, name) => {
      queryClient.setQueryData<OrgSecret[]>(secretKeys.ofOrganization(org), (list) => list?.filter((s) => s.name !== name));
      queryClient.removeQueries({ queryKey: secretKeys.organizationRepositories(org, name) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.ofOrganization(org) }),
    meta: notices<void, string>({ success: (_, name) => `Deleted ${name} from ${org}` }),
  });
}
