import type { z } from 'zod';
import {
  codespacesAccessBody,
  noParams,
  noQuery,
  orgMembersQuery,
  orgParams,
  orgReposQuery,
  orgSecretBody,
  orgSecretParams,
  orgSecretRepositoryParams,
  pageQuery,
  repoParams,
  repoSecretBody,
  repoSecretParams,
  selectedRepositoriesBody,
  selectedUsersBody,
  userBillingSummaryQuery,
  userBillingUsageQuery,
  usernameParams,
  userSecretBody,
  userSecretParams,
  userSecretRepositoryParams,
} from './schemas';

/**
 * GitHub's Codespaces secrets and organisation access operations, and the reads around them,
 * each with the schemas its path parameters, query and body must pass and the OAuth scope
 * GitHub asks of an OAuth App for it. Ready to join the proxy's operations table. Pure.
 */
export interface SecretsOperation {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** GitHub's route template. */
  route: string;
  params: z.ZodType;
  query: z.ZodType;
  /** Absent: the operation takes no body. */
  body?: z.ZodType;
  /**
   * The scope to hold beyond sign-in's: `codespace` (held from sign-in; GitHub also accepts
   * `codespace:secrets` for user secrets), `repo` (repository secrets: ask for it only when an
   * administrator opens them), `admin:org` (organisation secrets and access, for owners).
   * `null`: none beyond a valid token.
   */
  scope: 'codespace' | 'repo' | 'admin:org' | null;
}

const userSecret = '/user/codespaces/secrets/{secret_name}';
const repoSecret = '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}';
const orgSecret = '/orgs/{org}/codespaces/secrets/{secret_name}';

export const secretsOperations: readonly SecretsOperation[] = [
  // The signed-in user's secrets
  { method: 'GET', route: '/user/codespaces/secrets', params: noParams, query: pageQuery, scope: 'codespace' },
  { method: 'GET', route: '/user/codespaces/secrets/public-key', params: noParams, query: noQuery, scope: 'codespace' },
  { method: 'GET', route: userSecret, params: userSecretParams, query: noQuery, scope: 'codespace' },
  { method: 'PUT', route: userSecret, params: userSecretParams, query: noQuery, body: userSecretBody, scope: 'codespace' },
  { method: 'DELETE', route: userSecret, params: userSecretParams, query: noQuery, scope: 'codespace' },
  { method: 'GET', route: `${userSecret}/repositories`, params: userSecretParams, query: noQuery, scope: 'codespace' },
  {
    method: 'PUT',
    route: `${userSecret}/repositories`,
    params: userSecretParams,
    query: noQuery,
    body: selectedRepositoriesBody,
    scope: 'codespace',
  },
  {
    method: 'PUT',
    route: `${userSecret}/repositories/{repository_id}`,
    params: userSecretRepositoryParams,
    query: noQuery,
    scope: 'codespace',
  },
  {
    method: 'DELETE',
    route: `${userSecret}/repositories/{repository_id}`,
    params: userSecretRepositoryParams,
    query: noQuery,
    scope: 'codespace',
  },

  // A repository's secrets, for its administrators
  { method: 'GET', route: '/repos/{owner}/{repo}/codespaces/secrets', params: repoParams, query: pageQuery, scope: 'repo' },
  { method: 'GET', route: '/repos/{owner}/{repo}/codespaces/secrets/public-key', params: repoParams, query: noQuery, scope: 'repo' },
  { method: 'GET', route: repoSecret, params: repoSecretParams, query: noQuery, scope: 'repo' },
  { method: 'PUT', route: repoSecret, params: repoSecretParams, query: noQuery, body: repoSecretBody, scope: 'repo' },
  { method: 'DELETE', route: repoSecret, params: repoSecretParams, query: noQuery, scope: 'repo' },

  // An organisation's secrets, for its owners
  { method: 'GET', route: '/orgs/{org}/codespaces/secrets', params: orgParams, query: pageQuery, scope: 'admin:org' },
  { method: 'GET', route: '/orgs/{org}/codespaces/secrets/public-key', params: orgParams, query: noQuery, scope: 'admin:org' },
  { method: 'GET', route: orgSecret, params: orgSecretParams, query: noQuery, scope: 'admin:org' },
  { method: 'PUT', route: orgSecret, params: orgSecretParams, query: noQuery, body: orgSecretBody, scope: 'admin:org' },
  { method: 'DELETE', route: orgSecret, params: orgSecretParams, query: noQuery, scope: 'admin:org' },
  { method: 'GET', route: `${orgSecret}/repositories`, params: orgSecretParams, query: pageQuery, scope: 'admin:org' },
  {
    method: 'PUT',
    route: `${orgSecret}/repositories`,
    params: orgSecretParams,
    query: noQuery,
    body: selectedRepositoriesBody,
    scope: 'admin:org',
  },
  {
    method: 'PUT',
    route: `${orgSecret}/repositories/{repository_id}`,
    params: orgSecretRepositoryParams,
    query: noQuery,
    scope: 'admin:org',
  },
  {
    method: 'DELETE',
    route: `${orgSecret}/repositories/{repository_id}`,
    params: orgSecretRepositoryParams,
    query: noQuery,
    scope: 'admin:org',
  },

  // Who may use Codespaces billed to an organisation
  {
    method: 'PUT',
    route: '/orgs/{org}/codespaces/access',
    params: orgParams,
    query: noQuery,
    body: codespacesAccessBody,
    scope: 'admin:org',
  },
  {
    method: 'POST',
    route: '/orgs/{org}/codespaces/access/selected_users',
    params: orgParams,
    query: noQuery,
    body: selectedUsersBody,
    scope: 'admin:org',
  },
  {
    method: 'DELETE',
    route: '/orgs/{org}/codespaces/access/selected_users',
    params: orgParams,
    query: noQuery,
    body: selectedUsersBody,
    scope: 'admin:org',
  },

  // What those pages pick from, and a person's own usage
  { method: 'GET', route: '/orgs/{org}/members', params: orgParams, query: orgMembersQuery, scope: null },
  { method: 'GET', route: '/orgs/{org}/repos', params: orgParams, query: orgReposQuery, scope: null },
  { method: 'GET', route: '/users/{username}/settings/billing/usage', params: usernameParams, query: userBillingUsageQuery, scope: null },
  {
    method: 'GET',
    route: '/users/{username}/settings/billing/usage/summary',
    params: usernameParams,
    query: userBillingSummaryQuery,
    scope: null,
  },
];
