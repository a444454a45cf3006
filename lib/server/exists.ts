import 'server-only';
import { ApiError } from '@/lib/api/client';
import { operations } from '@/lib/github/operations';
import { serverTransport, withinFirstPaintBudget } from '@/lib/github/server-transport';

type ReaderSession = Parameters<typeof serverTransport>[0];

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
export function organizationMissing(session: ReaderSession, org: string): Promise<boolean> {
  return answersNotFound(() => serverTransport(session).request(operations.listOrgMembers, { params: { org }, query: { per_page: 1 } }));
}

/** No such member of the organisation (for its owners, who alone see members' codespaces). */
export function memberMissing(session: ReaderSession, org: string, username: string): Promise<boolean> {
  return answersNotFound(() =>
    serverTransport(session).request(operations.listMemberCodespaces, { params: { org, username }, query: { per_page: 100 } }),
  );
}
