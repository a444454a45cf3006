import 'server-only';
import type { paths } from '@octokit/openapi-types';
import { operations, type GithubRoute, type Operation } from '@/lib/github/operations';

/**
 * What Hangar's GitHub App calls, typed from GitHub's OpenAPI description like every operation in
 * the operations table (lib/github/operations), but apart from it: these are server-only, and never proxied (the
 * browser's allowlist is built from that table alone).
 */

type LowerMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** An operation only if GitHub's description has this method on this route. */
function op<R extends GithubRoute, M extends LowerMethod & keyof paths[R]>(method: M, route: R): Operation<R, M> {
  return { method: method.toUpperCase() as Uppercase<M>, route };
}

/** The app's own endpoints, which take its JWT. */
export const appOperations = {
  getOrgInstallation: op('get', '/orgs/{org}/installation'),
  createInstallationAccessToken: op('post', '/app/installations/{installation_id}/access_tokens'),
} as const;

/** What an installation token does for policies: the organisation's members' codespaces, from the operations table. */
export const installationOperations = {
  listOrgCodespaces: operations.listOrgCodespaces,
  listMemberCodespaces: operations.listMemberCodespaces,
  stopMemberCodespace: operations.stopMemberCodespace,
  deleteMemberCodespace: operations.deleteMemberCodespace,
} as const;

/** An operation on one organisation's endpoints: the only kind an installation client makes. */
export type OrgOperation = Operation<Extract<GithubRoute, `/orgs/{org}/${string}`>>;
