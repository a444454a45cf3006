import 'server-only';
import { ApiError } from '@/lib/transport/errors';
import type { CallArgs, GithubResult, GithubTransport, Reader } from '@/lib/transport/transport';
import { UPSTREAM_TIMEOUT_MS, withDeadline } from '@/lib/github/client.server';
import type { AllowedOperation } from '@/lib/github/allowlist.server';
import type { AccountKey } from '@/lib/github/store.server';
import type { Operation, ResponseOf } from '@/lib/github/operation';
import { callGithub } from '@/lib/github/upstream.server';

/**
 * The server's transport, for first paints rendered with data: the same operations as the
 * browser's, with the user's token, through the same conditional requests as the proxy (one
 * store, one key per resource), so a page load followed by the browser's polling costs GitHub one
 * full answer, then 304s. What it keeps counts against the session's account, as the proxy counts it.
 */
export function serverTransport(
  { accessToken: token, account }: { accessToken: string; account: AccountKey },
  rulesOf: (method: string, route: string) => AllowedOperation | undefined,
): GithubTransport {
  return {
    async request<O extends Operation, T = ResponseOf<O>>(
      operation: O,
      args: CallArgs<O> = {},
      read?: Reader<O, T>,
    ): Promise<GithubResult<T>> {
      const allowed = rulesOf(operation.method, operation.route);
      const answer = await callGithub(token, {
        method: operation.method,
        route: operation.route,
        params: (args.params ?? {}) as Record<string, string | number>,
        query: (args.query ?? {}) as Record<string, string | number>,
        body: args.body,
        account,
        cacheable: Boolean(allowed?.polled),
        readAnswer: allowed?.answer,
      });
      if (answer.status >= 300) {
        let message: string | undefined;
        try {
          message = (JSON.parse(answer.body ?? '') as { message?: string }).message;
        } catch {
          // The status says enough.
        }
        throw new ApiError({ status: answer.status, message, method: operation.method });
      }
      const json = (answer.body === null ? undefined : JSON.parse(answer.body)) as ResponseOf<O>;
      return {
        data: read ? read(json) : (json as unknown as T),
        status: answer.status,
        header: (name) => answer.headers[name.toLowerCase()] ?? null,
      };
    },
  };
}

/**
 * A slow GitHub must not hold the first paint: past this the page renders without data and
 * fetches itself. The upstream call goes on, and its answer lands in the store for the browser.
 */
const FIRST_PAINT_BUDGET_MS = Math.min(3_000, UPSTREAM_TIMEOUT_MS);

/** Runs a first paint's reads within the budget; undefined when they did not make it (or failed). */
export async function withinFirstPaintBudget<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withDeadline(FIRST_PAINT_BUDGET_MS, read);
  } catch {
    // The page's own query fetches again and reports any error in words.
    return undefined;
  }
}
