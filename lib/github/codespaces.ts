import 'server-only';
import { RequestError } from '@octokit/request-error';
import { readRemainingPages } from '@/lib/api/pagination';
import { UPSTREAM_TIMEOUT_MS, withDeadline } from '@/lib/github/client';
import { callGithub } from '@/lib/github/upstream';
import { uniqueCodespaces } from '@/lib/codespaces/list-view';
import type { Codespace } from '@/lib/codespaces/types';

/**
 * Typed server-side reads of the Codespaces API, for first paints rendered with data. They go
 * through the same conditional requests as the proxy (one store, one key per resource), so a page
 * load followed by the browser's polling costs GitHub one full answer, then 304s.
 */

async function getJson<T>(
  token: string,
  route: string,
  params: Record<string, string | number> = {},
  query: Record<string, string | number> = {},
) {
  const answer = await callGithub(token, { method: 'GET', route, params, query });
  if (answer.status !== 200 || answer.body === null) {
    throw new RequestError(`GitHub answered ${answer.status} to GET ${route}`, answer.status, {
      request: { method: 'GET', url: route, headers: {} },
    });
  }
  return { data: JSON.parse(answer.body) as T, link: answer.headers.link ?? null };
}

type CodespacePage = { total_count: number; codespaces: Codespace[] };

/**
 * A slow GitHub must not hold the first paint: past this the page renders without data and fetches
 * itself. The upstream call goes on, and its answer lands in the store for the browser's request.
 */
const FIRST_PAINT_BUDGET_MS = Math.min(3_000, UPSTREAM_TIMEOUT_MS);

/** Every codespace of the user, within the first paint's budget. */
export function listMyCodespaces(token: string): Promise<Codespace[]> {
  return withDeadline(FIRST_PAINT_BUDGET_MS, () => listAllCodespaces(token));
}

/** Every codespace of the user: the first page says how many follow, which are then asked for together. */
async function listAllCodespaces(token: string): Promise<Codespace[]> {
  const perPage = 100;
  const list = (page?: number) =>
    getJson<CodespacePage>(token, '/user/codespaces', {}, page ? { page, per_page: perPage } : { per_page: perPage });
  const first = await list();
  const rest = await readRemainingPages(first.link, async (url) => {
    // Pages are asked for by number, so each has the same store key as the browser's request for it.
    const page = Number(new URL(url).searchParams.get('page'));
    if (!Number.isInteger(page) || page < 2) return { page: { total_count: 0, codespaces: [] }, link: null };
    const answer = await list(page);
    return { page: answer.data, link: answer.link };
  });
  return uniqueCodespaces([first.data, ...rest].flatMap((p) => p.codespaces));
}

export async function getMyCodespace(token: string, name: string): Promise<Codespace> {
  return withDeadline(
    FIRST_PAINT_BUDGET_MS,
    async () => (await getJson<Codespace>(token, '/user/codespaces/{codespace_name}', { codespace_name: name })).data,
  );
}
