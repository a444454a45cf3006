import 'server-only';
import type { QueryClient } from '@tanstack/react-query';
import { CODESPACES_PER_PAGE } from '@/lib/codespaces/api';
import { storedListProjection } from '@/lib/codespaces/list-stream.server';
import type { GithubTransport } from '@/lib/transport/transport';
import { storedList } from '@/lib/query/streamed-list';
import { usageApi } from '@/lib/usage/api';
import { getMyBillingUsageQuery } from '@/lib/usage/queries';
import { accountMonthCosts, billingMonthOf, type CostInputs, type MonthCost } from '@/lib/usage/domain/month-cost';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';

type Reader = Parameters<typeof storedListProjection>[0] & { user: { login: string } };

/**
 * A codespace's cost this month for its page's first paint. The cost shares a repository's line of
 * GitHub's report among all the user's codespaces, so it needs the whole list: when Hangar's store
 * holds it (a user who came from the list), the report is read alongside the codespace (`prefetch`,
 * into the page's cache, so the browser does not ask again) and the cost is worked out here, with the
 * function the page uses. Otherwise `result` is null and the page works it out once it has the list.
 */
export function firstPaintCost(session: Reader, transport: GithubTransport, queryClient: QueryClient, name: string) {
  const now = Date.now();
  const { year, month } = billingMonthOf(now);
  const login = session.user.login;
  const report = getMyBillingUsageQuery(login, year, month, usageApi(transport));
  // Only what the cost reads of each codespace, worked out once per version of the stored list (not
  // on every render: unpacking and reading up to 20 pages). A store that cannot answer only means
  // the page works the cost out itself.
  const stored = storedListProjection(session, { kind: 'mine' }, 'cost inputs', (pages) =>
    storedList(pages, CODESPACES_PER_PAGE, 0).items.map(costInputsOf),
  ).catch(() => null);
  return {
    prefetch: async () => {
      if (await stored) await queryClient.prefetchQuery(report);
    },
    result: async (): Promise<MonthCost | null> => {
      const list = await stored;
      const items = queryClient.getQueryData(report.queryKey);
      if (!list || items === undefined) return null;
      return accountMonthCosts(list.value, login, items, now).get(name) ?? null;
    },
  };
}

/** What the cost reads of a codespace (and no more: the list's other fields are not kept for it). */
function costInputsOf(codespace: CodespaceSummary): CostInputs {
  return {
    name: codespace.name,
    state: codespace.state,
    created_at: codespace.created_at,
    last_used_at: codespace.last_used_at,
    machine: codespace.machine && { cpus: codespace.machine.cpus, storage_in_bytes: codespace.machine.storage_in_bytes },
    repository: { full_name: codespace.repository.full_name },
    billable_owner: { login: codespace.billable_owner.login },
  };
}
