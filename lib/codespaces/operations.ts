import { op } from '@/lib/github/operation';

/**
 * GitHub's Codespaces API for codespaces themselves: the signed-in user's, those of a repository,
 * and an organisation's members' (for its owners, with admin:org). Browser-safe: the input rules
 * are in operations.server.ts.
 */
export const operations = {
  // The signed-in user's codespaces
  listMyCodespaces: op('get', '/user/codespaces'),
  createMyCodespace: op('post', '/user/codespaces'),
  getMyCodespace: op('get', '/user/codespaces/{codespace_name}'),
  updateMyCodespace: op('patch', '/user/codespaces/{codespace_name}'),
  deleteMyCodespace: op('delete', '/user/codespaces/{codespace_name}'),
  startMyCodespace: op('post', '/user/codespaces/{codespace_name}/start'),
  stopMyCodespace: op('post', '/user/codespaces/{codespace_name}/stop'),
  listMachinesForMyCodespace: op('get', '/user/codespaces/{codespace_name}/machines'),
  exportMyCodespace: op('post', '/user/codespaces/{codespace_name}/exports'),
  getMyCodespaceExport: op('get', '/user/codespaces/{codespace_name}/exports/{export_id}'),
  publishMyCodespace: op('post', '/user/codespaces/{codespace_name}/publish'),

  // Codespaces of a repository, and what a new one can be
  listMyCodespacesInRepository: op('get', '/repos/{owner}/{repo}/codespaces'),
  createCodespaceInRepository: op('post', '/repos/{owner}/{repo}/codespaces'),
  listDevcontainers: op('get', '/repos/{owner}/{repo}/codespaces/devcontainers'),
  listRepositoryMachines: op('get', '/repos/{owner}/{repo}/codespaces/machines'),
  getCodespaceDefaults: op('get', '/repos/{owner}/{repo}/codespaces/new'),
  checkDevcontainerPermissions: op('get', '/repos/{owner}/{repo}/codespaces/permissions_check'),
  createCodespaceFromPullRequest: op('post', '/repos/{owner}/{repo}/pulls/{pull_number}/codespaces'),

  // An organisation's members' codespaces, for its owners (admin rights and the admin:org scope)
  listOrgCodespaces: op('get', '/orgs/{org}/codespaces'),
  listMemberCodespaces: op('get', '/orgs/{org}/members/{username}/codespaces'),
  stopMemberCodespace: op('post', '/orgs/{org}/members/{username}/codespaces/{codespace_name}/stop'),
  deleteMemberCodespace: op('delete', '/orgs/{org}/members/{username}/codespaces/{codespace_name}'),
} as const;
