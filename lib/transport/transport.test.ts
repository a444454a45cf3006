import { describe, expect, it } from 'vitest';
import { operations } from '@/lib/operations';
import { firstPageOnly, listAll, listPages, type GithubTransport } from './transport';

/** A GitHub list of `total` items, `per_page` at a time, numbered pages linked as GitHub links them. */
function fakeGithub(total: number, { sso }: { sso?: string } = {}) {
  const asked: Record<string, unknown>[] = [];
  const transport: GithubTransport = {
    async request(_operation, args = {}, read) {
      const query = (args.query ?? {}) as { per_page?: number; page?: number };
      asked.push(query);
      const perPage = query.per_page ?? 30;
      const page = query.page ?? 1;
      const last = Math.max(1, Math.ceil(total / perPage));
      const names = Array.from(
        { length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) },
        (_, i) => `cs-${(page - 1) * perPage + i}`,
      );
      const link =
        page < last
          ? `</api/github/user/codespaces?per_page=${perPage}&page=${page + 1}>; rel="next", </api/github/user/codespaces?per_page=${perPage}&page=${last}>; rel="last"`
          : null;
      const data = { total_count: total, codespaces: names.map((name) => ({ name })) };
      return {
        data: (read ? read(data as never) : data) as never,
        status: 200,
        header: (name: string) => (name === 'link' ? link : name === 'x-github-sso' ? (sso ?? null) : null),
      };
    },
  };
  return { transport, asked };
}
const readPage = (page: { total_count: number; codespaces: { name: string }[] }) => ({ items: page.codespaces, total: page.total_count });

describe('reading every page of a GitHub list', () => {
  it('asks for the first page, then every other by number, and hands them over in order', async () => {
    const { transport, asked } = fakeGithub(950);
    const pages = [];
    for await (const page of listPages(transport, operations.listMyCodespaces, { query: { per_page: 100 } }, readPage as never))
      pages.push(page);
    expect(pages).toHaveLength(10);
    expect(pages.flatMap((p) => p.items).map((i) => (i as { name: string }).name)).toEqual(
      Array.from({ length: 950 }, (_, i) => `cs-${i}`),
    );
    expect(asked.map((q) => q.page ?? 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(asked.every((q) => q.per_page === 100)).toBe(true);
  });

  it('passes on what GitHub’s single sign-on header said with each page', async () => {
    const sso = 'partial-results; organizations=7';
    const { transport } = fakeGithub(150, { sso });
    for await (const page of listPages(transport, operations.listMyCodespaces, { query: { per_page: 100 } }, readPage as never))
      expect(page.sso).toBe(sso);
  });

  it('stops after the first page for a first paint, asking for nothing more', async () => {
    const { transport, asked } = fakeGithub(2000);
    const pages = [];
    for await (const page of firstPageOnly(
      listPages(transport, operations.listMyCodespaces, { query: { per_page: 100 } }, readPage as never),
    ))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(asked).toHaveLength(1);
  });

  it('collects every item of a list', async () => {
    const { transport } = fakeGithub(101);
    expect(await listAll(transport, operations.listMyCodespaces, { query: { per_page: 100 } }, readPage as never)).toHaveLength(101);
  });
});
