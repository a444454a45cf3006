import 'server-only';
import { op, type GithubRoute, type Operation } from '@/lib/github/operation';

/**
 * What Hangar's GitHub App calls with its own JWT, typed from GitHub's OpenAPI description like
 * every slice's operations, but apart from them: server-only, and never proxied (the browser's
 * allowlist is lib/operations alone).
 */
export const appOperations = {
  getOrgInstallation: op('get', '/orgs/{org}/installation'),
  createInstallationAccessToken: op('post', '/app/installations/{installation_id}/access_tokens'),
} as const;

/** An operation on one organisation's endpoints (domain/org-scope.ts): the only kind an installation client makes. */
export type OrgOperation = Operation<Extract<GithubRoute, `/orgs/{org}/${string}` | '/organizations/{org}/settings/billing/usage'>>;
