import 'server-only';
import { RequestError } from '@octokit/request-error';
import { readCodespacePage } from '@/lib/codespaces/domain/read-schemas';
import { operations as codespaceOperations } from '@/lib/codespaces/operations';
import { AppNotInstalled, OutsideOrganisation, type InstallationClient } from '@/lib/github-app/installation-client.server';
import { operations as usageOperations } from '@/lib/usage/operations';
import { usageReportSchema } from '@/lib/usage/domain/usage-report';
import type { BillingUsageAnswer, CodespacePageAnswer, GithubAnswer, OrgGithub } from './ports';

/**
 * The runner's GitHub (`OrgGithub`) over Hangar's GitHub App on each organisation (an
 * installation client: an installation token, `/orgs/{org}/…` only):
 * - list pages are read conditionally with the ETag the runner kept for that page, so an
 *   organisation where nothing changed costs one `304` per page, which GitHub does not count
 *   against the rate limit; Octokit throws a 304 as a RequestError, turned back into an answer;
 * - stops and deletes are made once (the client never retries a write);
 * - every refusal becomes GitHub's status and message, never an exception the runner must guess at.
 */

type Failure = { ok: false; status: number; message: string; rateLimited?: boolean };

/** `rel="next"` in GitHub's `Link` header. */
const hasNextPage = (link: string | number | undefined) => typeof link === 'string' && /<[^>]*>;\s*rel="next"/.test(link);

function failure(error: unknown): Failure {
  if (error instanceof RequestError) {
    const data = error.response?.data as { message?: unknown } | undefined;
    const headers = error.response?.headers ?? {};
    const message = typeof data?.message === 'string' ? data.message : error.message;
    const rateLimited =
      error.status === 429 || (error.status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'));
    return { ok: false, status: error.status, message, ...(rateLimited ? { rateLimited } : {}) };
  }
  // The app is not installed: GitHub answered 404 to the installation, and the message says what to do.
  if (error instanceof AppNotInstalled) return { ok: false, status: 404, message: error.message };
  if (error instanceof OutsideOrganisation) return { ok: false, status: 0, message: error.message };
  return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
}

async function readPage(
  list: (
    ifNoneMatch: string | undefined,
  ) => Promise<{ status: number; data: unknown; headers: Record<string, string | number | undefined> }>,
  etag: string | undefined,
): Promise<CodespacePageAnswer> {
  try {
    const answer = await list(etag);
    const page = readCodespacePage(answer.data);
    if (!page.ok) return { ok: false, status: answer.status, message: `GitHub's answer could not be read: ${page.message}` };
    const tag = answer.headers.etag;
    return {
      ok: true,
      status: 200,
      etag: typeof tag === 'string' ? tag : null,
      codespaces: page.value.codespaces,
      hasNextPage: hasNextPage(answer.headers.link),
    };
  } catch (error) {
    if (error instanceof RequestError && error.status === 304) return { ok: true, status: 304 };
    return failure(error);
  }
}

async function write(call: () => Promise<{ status: number }>): Promise<GithubAnswer> {
  try {
    const answer = await call();
    return { ok: true, status: answer.status, message: answer.status === 202 ? 'Accepted' : 'OK' };
  } catch (error) {
    return failure(error);
  }
}

export function orgGithub(clientFor: (org: string) => InstallationClient): OrgGithub {
  return {
    listOrgCodespaces(org, { page, perPage, etag }) {
      return readPage(
        (ifNoneMatch) =>
          clientFor(org).request(codespaceOperations.listOrgCodespaces, {
            params: { org },
            query: { page, per_page: perPage },
            ifNoneMatch,
          }),
        etag,
      );
    },

    listMemberCodespaces(org, member, { etag }) {
      return readPage(
        (ifNoneMatch) =>
          clientFor(org).request(codespaceOperations.listMemberCodespaces, {
            params: { org, username: member },
            query: { per_page: 100 },
            ifNoneMatch,
          }),
        etag,
      );
    },

    stopMemberCodespace(org, member, codespace) {
      return write(() =>
        clientFor(org).request(codespaceOperations.stopMemberCodespace, { params: { org, username: member, codespace_name: codespace } }),
      );
    },

    deleteMemberCodespace(org, member, codespace) {
      return write(() =>
        clientFor(org).request(codespaceOperations.deleteMemberCodespace, { params: { org, username: member, codespace_name: codespace } }),
      );
    },

    async orgBillingUsage(org, { year, month, etag }): Promise<BillingUsageAnswer> {
      try {
        const answer = await clientFor(org).request(usageOperations.getOrgBillingUsage, {
          params: { org },
          query: { year, month },
          ifNoneMatch: etag,
        });
        const report = usageReportSchema.safeParse(answer.data);
        if (!report.success) return { ok: false, status: answer.status, message: 'GitHub’s usage report could not be read' };
        const tag = answer.headers.etag;
        return { ok: true, status: 200, etag: typeof tag === 'string' ? tag : null, usageItems: report.data.usageItems };
      } catch (error) {
        if (error instanceof RequestError && error.status === 304) return { ok: true, status: 304 };
        const refused = failure(error);
        // Without the app's Administration (read) permission GitHub refuses: say what to grant.
        if (refused.status === 403)
          return {
            ...refused,
            message: `${refused.message} (Hangar’s GitHub App needs the Administration (read) organisation permission)`,
          };
        return refused;
      }
    },
  };
}
