import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ListPage } from '@/lib/transport/transport';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { addPage, emptyList, isComplete, storedList } from '@/lib/query/streamed-list';
import { codespaceKeys, listMyCodespacesQuery, listOrgCodespacesQuery, orgCodespacesArrivedQuery, type CodespaceList } from './queries';

const summary = (name: string) => ({ name }) as CodespaceSummary;
const page = (from: number, count: number, total: number): ListPage<CodespaceSummary> => ({
  items: Array.from({ length: count }, (_, i) => summary(`cs-${from + i}`)),
  total,
});

/** A fake codespaces API that records which of its reads were used. */
function fakeApi(total: number) {
  const used: string[] = [];
  return {
    used,
    api: {
      async *listMyCodespaces() {
        used.push('listPages');
        for (let start = 0; start < total; start += 100) yield page(start, Math.min(100, total - start), total);
      },
      async *listMyCodespacesAfterFirst(held: number) {
        used.push(`listPagesAfterFirst(${held})`);
        for (let start = 100; start < held; start += 100) yield page(start, Math.min(100, held - start), held);
      },
    },
  };
}

describe('the list of codespaces, as the page reads it', () => {
  it('goes on from the first page a first paint brought, instead of asking for it again', async () => {
    const client = new QueryClient();
    const firstPaint = addPage(emptyList<CodespaceSummary>(), page(0, 100, 2000), 100);
    client.setQueryData(codespaceKeys.listMyCodespaces(), firstPaint);
    const { api, used } = fakeApi(2000);
    await client.fetchQuery({ ...listMyCodespacesQuery(api as never), staleTime: 0 });
    const list = client.getQueryData<CodespaceList>(codespaceKeys.listMyCodespaces())!;
    expect(used).toEqual(['listPagesAfterFirst(2000)']);
    expect(isComplete(list)).toBe(true);
    expect(list.items.map((c) => c.name)).toEqual(Array.from({ length: 2000 }, (_, i) => `cs-${i}`));
  });

  it('reads every page from the start when nothing is at hand, and again on each poll of a whole list', async () => {
    const client = new QueryClient();
    const { api, used } = fakeApi(250);
    await client.fetchQuery({ ...listMyCodespacesQuery(api as never), staleTime: 0 });
    await client.fetchQuery({ ...listMyCodespacesQuery(api as never), staleTime: 0 });
    expect(used).toEqual(['listPages', 'listPages']);
    expect(client.getQueryData<CodespaceList>(codespaceKeys.listMyCodespaces())!.items).toHaveLength(250);
  });
});

describe('an organisation’s codespaces, as its view reads them', () => {
  it('goes on from the first page the server’s first paint brought, in pages that may arrive several at once', async () => {
    const client = new QueryClient();
    client.setQueryData(codespaceKeys.listOrgCodespaces('octo-org'), addPage(emptyList<CodespaceSummary>(), page(0, 100, 1000), 100));
    const used: string[] = [];
    const api = {
      async *listOrgCodespaces() {
        used.push('all');
      },
      async *listOrgCodespacesAfterFirst(org: string, held: number) {
        used.push(`${org} after the first, of ${held}`);
        // Pages 2–5 handed over together, then 6–10.
        yield { ...page(100, 400, held), pages: 4 };
        yield { ...page(500, 500, held), pages: 5 };
      },
    };
    await client.fetchQuery({ ...listOrgCodespacesQuery('octo-org', api as never), staleTime: 0 });
    const list = client.getQueryData<CodespaceList>(codespaceKeys.listOrgCodespaces('octo-org'))!;
    expect(used).toEqual(['octo-org after the first, of 1000']);
    expect(isComplete(list)).toBe(true);
    expect(list.items.map((c) => c.name)).toEqual(Array.from({ length: 1000 }, (_, i) => `cs-${i}`));
  });
  it('while the rest of a first-painted list streams in, renders the list once, at the end, and says how many have arrived as they come', async () => {
    const client = new QueryClient();
    const key = codespaceKeys.listOrgCodespaces('octo-org');
    client.setQueryData(key, addPage(emptyList<CodespaceSummary>(), page(0, 100, 1000), 100));
    const arrived = orgCodespacesArrivedQuery('octo-org').queryKey;
    // What the page would render: the list's length each time it changes, and the count of what has arrived.
    const renders: number[] = [];
    const counts: (number | undefined)[] = [];
    let last = client.getQueryData<CodespaceList>(key);
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const list = client.getQueryData<CodespaceList>(key);
      if (list !== last) renders.push((last = list)!.items.length);
      const count = client.getQueryData<number>(arrived);
      if (count !== counts.at(-1)) counts.push(count);
    });
    const api = {
      async *listOrgCodespaces() {},
      async *listOrgCodespacesAfterFirst(org: string, held: number) {
        yield { ...page(100, 400, held), pages: 4 };
        yield { ...page(500, 200, held), pages: 2 };
        yield { ...page(700, 300, held), pages: 3 };
      },
    };
    await client.fetchQuery({ ...listOrgCodespacesQuery('octo-org', api as never), staleTime: 0 });
    unsubscribe();
    // 10,000 codespaces cost one render of the whole list, not one per hand-over; the count follows each.
    expect(renders).toEqual([1000]);
    expect(counts).toEqual([100, 500, 700, 1000]);
  });
});

describe('a returning user’s list, shown from Hangar’s store', () => {
  it('is asked of GitHub again at once, stays whole on screen meanwhile, and is replaced in one go, in the same order', async () => {
    const client = new QueryClient();
    const key = codespaceKeys.listMyCodespaces();
    const asOf = Date.now() - 1_000;
    client.setQueryData(key, storedList([page(0, 100, 250), page(100, 100, 250), page(200, 50, 250)], 100, asOf), { updatedAt: asOf });
    const shown: { length: number; asOf?: number }[] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const list = client.getQueryData<CodespaceList>(key);
      if (list) shown.push({ length: list.items.length, asOf: list.asOf });
    });
    const { api, used } = fakeApi(250);
    // Stale at once, however recent: what the store held is never taken as read afresh.
    expect(
      client
        .getQueryCache()
        .find({ queryKey: key })!
        .isStaleByTime(listMyCodespacesQuery(api as never).staleTime as never),
    ).toBe(true);
    await client.fetchQuery(listMyCodespacesQuery(api as never));
    unsubscribe();
    expect(used).toEqual(['listPages']);
    // Never a partial list on screen: the stored 250 until the fresh 250 replace them.
    expect(shown.every((list) => list.length === 250)).toBe(true);
    const list = client.getQueryData<CodespaceList>(key)!;
    expect(list.asOf).toBeUndefined();
    expect(list.items.map((c) => c.name)).toEqual(Array.from({ length: 250 }, (_, i) => `cs-${i}`));
  });
});
