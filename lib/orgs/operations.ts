import { op } from '@/lib/github/operation';

/**
 * Organisations: those the user belongs to, and, for their owners, their members, their
 * repositories and who may use Codespaces billed to them. Browser-safe.
 */
export const operations = {
  listMyOrganizations: op('get', '/user/orgs'),
  listOrgMembers: op('get', '/orgs/{org}/members'),
  listOrgRepositories: op('get', '/orgs/{org}/repos'),
  setCodespacesAccess: op('put', '/orgs/{org}/codespaces/access'),
  addCodespacesAccessUsers: op('post', '/orgs/{org}/codespaces/access/selected_users'),
  removeCodespacesAccessUsers: op('delete', '/orgs/{org}/codespaces/access/selected_users'),
} as const;
