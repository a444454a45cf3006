import type { BodyOf, Operation, PathParamsOf, QueryOf, ResponseOf } from '@/lib/github/operation';
import { remainingPages } from './pagination';

/**
 * How a call to one GitHub operation reaches GitHub: from the browser through Hangar's proxy
 * (lib/api/client.ts), or from the server with the user's token (lib/github/server-transport.ts).
 * The typed functions (lib/api/codespaces.ts, …) and the query options built on them take a
 * transport, so a server-rendered first paint and the page's own polling read GitHub the same way.
 */

export interface CallArgs<O> {
  params?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
  signal?: AbortSignal;
}

export interface GithubResult<T> {
  data: T;
  status: number;
  header(name: string): string | null;
}

/**
 * Turns GitHub's answer into what the caller keeps. A transport may remember the result per URL
 * and reader (the browser does, for conditional requests), so a reader should be one function
 * per kind of answer (module level): an unchanged answer then gives back the very same objects.
 */
export type Reader<O, T> = (data: ResponseOf<O>) => T;

export interface GithubTransport {
  request<O extends Operation, T = ResponseOf<O>>(operation: O, args?: CallArgs<O>, read?: Reader<O, T>): Promise<GithubResult<T>>;
}

/** One page of a list, as the list keeps it: its items and, where GitHub says, how many there are in all. */
export interface ListPage<Item> {
  items: readonly Item[];
  total?: number;
  /**
   * GitHub's `X-GitHub-SSO` on this page: `partial-results; organizations=…` when it left out what
   * an organisation's single sign-on hides (untrusted: lib/github/refusals.ts reads it).
   */
  sso?: string | null;
  /** How many of GitHub's pages this is (pages that arrived together are handed over as one); 1 when not said. */
  pages?: number;
}

/** Pages that arrived together, as one: their items in order, the first's count and single sign-on notice. */
export function mergePages<Item>(pages: readonly ListPage<Item>[]): ListPage<Item> {
  if (pages.length === 1) return pages[0]!;
  const first = pages[0];
  const sso = pages.find((page) => page.sso)?.sso;
  return {
    items: pages.flatMap((page) => page.items),
    ...(first?.total !== undefined ? { total: first.total } : {}),
    ...(sso ? { sso } : {}),
    pages: pages.reduce((sum, page) => sum + (page.pages ?? 1), 0),
  };
}

/** A reader for the pages GitHub wraps with their total: `{ total_count, <key>: [...] }`. */
export function countedPage<Key extends string>(key: Key) {
  return <Item>(page: { total_count: number } & { [K in Key]: Item[] }): ListPage<Item> => ({ items: page[key], total: page.total_count });
}

/**
 * Every page of a GitHub list, as they arrive (the first, then the rest a few at a time when the
 * first names the last: lib/api/pagination.ts). Pages are asked for by number with the same query,
 * so each page has one URL whoever asks for it (the server's store and the browser's memo agree).
 */
export async function* listPages<O extends Operation, Item>(
  transport: GithubTransport,
  operation: O,
  args: CallArgs<O>,
  readPage: Reader<O, ListPage<Item>>,
): AsyncGenerator<ListPage<Item>> {
  const withSso = (answer: GithubResult<ListPage<Item>>): ListPage<Item> => {
    const sso = answer.header('x-github-sso');
    return sso ? { ...answer.data, sso } : answer.data;
  };
  const first = await transport.request(operation, args, readPage);
  yield withSso(first);
  yield* remainingPages(first.header('link'), async (url) => {
    const page = Number(new URL(url, 'http://link.invalid').searchParams.get('page'));
    // Only numbered pages are followed: anything else is not a list Hangar knows how to read.
    if (!Number.isInteger(page) || page < 2) return { page: { items: [] }, link: null };
    const query = { ...args.query, page } as unknown as QueryOf<O>;
    const answer = await transport.request(operation, { ...args, query }, readPage);
    return { page: withSso(answer), link: answer.header('link') };
  });
}

/** Every item of a GitHub list, all pages. */
export async function listAll<O extends Operation, Item>(
  transport: GithubTransport,
  operation: O,
  args: CallArgs<O>,
  readPage: Reader<O, ListPage<Item>>,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of listPages(transport, operation, args, readPage)) items.push(...page.items);
  return items;
}

/** Only the first page of a list (a first paint that must not wait for a long list's other pages). */
export async function* firstPageOnly<Page>(pages: AsyncIterable<Page>): AsyncGenerator<Page> {
  for await (const page of pages) {
    yield page;
    return;
  }
}
