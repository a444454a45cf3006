import { op } from '@/lib/github/operation';

/** The signed-in user, and the repositories they can create codespaces from. Browser-safe. */
export const operations = {
  getMe: op('get', '/user'),
  listMyRepositories: op('get', '/user/repos'),
  getRepository: op('get', '/repos/{owner}/{repo}'),
  listBranches: op('get', '/repos/{owner}/{repo}/branches'),
  listPullRequests: op('get', '/repos/{owner}/{repo}/pulls'),
  getPullRequest: op('get', '/repos/{owner}/{repo}/pulls/{pull_number}'),
} as const;
