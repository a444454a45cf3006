import 'server-only';
import { operations as codespaceOperations } from '@/lib/codespaces/operations';
import { withinFirstPaintBudget } from '@/lib/github/server-transport.server';
import { ApiError } from '@/lib/transport/errors';
import type { GithubTransport } from '@/lib/transport/transport';
import { operations } from './operations';

/**
 * Whether what a page's address names does not exist, asked of GitHub before the page renders, so
 * the answer can be a real 404 (`notFound()`) rather than a page of controls for nothing. Only
 * GitHub's 404 counts: a refusal (403, single sign-on), an error or a GitHub slower than the first
 * paint's budget is not "missing", and the page renders and says what it finds.
 */
async function answersNotFound(read: () => Promise<unknown>): Promise<boolean> {
  const missing = await withinFirstPaintBudget(async () => {
    try {
      await read();
      return false;
    } catch (error) {
      return error instanceof ApiError && error.status === 404;
    }
  });
  return missing === true;
}

/**
 * No such organisation. Its public member list answers anyone, member or not, without the
 * admin:org scope, and 404 only when there is no organisation by that name.
 */
export function organizationMissing(transport: GithubTransport, org: string): Promise<boolean> {
  return answersNotFound(() => transport.request(operations.listOrgMembers, { params: { org }, query: { per_page: 1 } }));
}

/** No such member of the organisation (for its owners, who alone see members' codespaces). */
export function memberMissing(transport: GithubTransport, org: string, username: string): Promise<boolean> {
  return answersNotFound(() =>
    transport.request(codespaceOperations.listMemberCodespaces, { params: { org, username }, query: { per_page: 100 } }),
  );
}
