import 'server-only';
import { githubClient, UPSTREAM_TIMEOUT_MS, withDeadline } from '@/lib/github/client';
import type { Codespace } from '@/lib/codespaces/types';

/**
 * Typed server-side reads of the Codespaces API, for first paints rendered with data.
 * The browser goes through the proxy instead; both see the same GitHub shapes.
 */

/** A slow GitHub must not hold the first paint: past this, the page renders and fetches itself. */
const FIRST_PAINT_BUDGET_MS = Math.min(3_000, UPSTREAM_TIMEOUT_MS);

export async function listMyCodespaces(token: string): Promise<Codespace[]> {
  const octokit = githubClient(token);
  return withDeadline(FIRST_PAINT_BUDGET_MS, (signal) =>
    octokit.paginate(octokit.rest.codespaces.listForAuthenticatedUser, { per_page: 100, request: { signal } }),
  );
}

export async function getMyCodespace(token: string, name: string): Promise<Codespace> {
  const { data } = await withDeadline(FIRST_PAINT_BUDGET_MS, (signal) =>
    githubClient(token).request('GET /user/codespaces/{codespace_name}', { codespace_name: name, request: { signal } }),
  );
  return data;
}
