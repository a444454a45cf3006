import { op } from '@/lib/github/operation';

/**
 * Codespaces secrets at GitHub's three scopes: the user's, a repository's (its administrators), an
 * organisation's (its owners). Browser-safe: the input rules are in operations.server.ts.
 */
export const operations = {
  listMySecrets: op('get', '/user/codespaces/secrets'),
  getMySecretsPublicKey: op('get', '/user/codespaces/secrets/public-key'),
  getMySecret: op('get', '/user/codespaces/secrets/{secret_name}'),
  putMySecret: op('put', '/user/codespaces/secrets/{secret_name}'),
  deleteMySecret: op('delete', '/user/codespaces/secrets/{secret_name}'),
  listMySecretRepositories: op('get', '/user/codespaces/secrets/{secret_name}/repositories'),
  setMySecretRepositories: op('put', '/user/codespaces/secrets/{secret_name}/repositories'),
  addMySecretRepository: op('put', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
  removeMySecretRepository: op('delete', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}'),

  listRepositorySecrets: op('get', '/repos/{owner}/{repo}/codespaces/secrets'),
  getRepositorySecretsPublicKey: op('get', '/repos/{owner}/{repo}/codespaces/secrets/public-key'),
  getRepositorySecret: op('get', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),
  putRepositorySecret: op('put', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),
  deleteRepositorySecret: op('delete', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'),

  listOrgSecrets: op('get', '/orgs/{org}/codespaces/secrets'),
  getOrgSecretsPublicKey: op('get', '/orgs/{org}/codespaces/secrets/public-key'),
  getOrgSecret: op('get', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  putOrgSecret: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  deleteOrgSecret: op('delete', '/orgs/{org}/codespaces/secrets/{secret_name}'),
  listOrgSecretRepositories: op('get', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories'),
  setOrgSecretRepositories: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories'),
  addOrgSecretRepository: op('put', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
  removeOrgSecretRepository: op('delete', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}'),
} as const;
