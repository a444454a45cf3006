/**
 * GitHub's `Link` pagination, read without I/O. When the first page names both the next and the
 * last page (GitHub does for numbered pages), every remaining page is known at once and can be
 * asked for together instead of one after another: a 2,000-codespace list is 20 pages, and 20
 * round trips in a row would be a waterfall.
 */

/** The URL of each relation in a `Link` header: `{ next: '…', last: '…' }`. */
export function linkRelations(link: string | null | undefined): Record<string, string> {
  const relations: Record<string, string> = {};
  if (!link) return relations;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (match) for (const rel of match[2]!.trim().split(/\s+/)) relations[rel] = match[1]!;
  }
  return relations;
}

const BASE = 'http://pagination.invalid';

/** The same URL with another `page`; relative URLs stay relative. */
export function withPage(url: string, page: number): string {
  const parsed = new URL(url, BASE);
  parsed.searchParams.set('page', String(page));
  return parsed.origin === BASE ? `${parsed.pathname}${parsed.search}` : parsed.toString();
}

/** Refuse to plan more pages than this from one header (a broken upstream is not followed blindly). */
export const MAX_PLANNED_PAGES = 1000;

/**
 * The page numbers after the first, when `next` and `last` differ only in `page`; an empty list when
 * there is no next page, and null when the pages cannot be planned (then follow `next` one by one).
 */
export function pageNumbersAfterFirst(link: string | null | undefined): number[] | null {
  const { next, last } = linkRelations(link);
  if (!next) return [];
  if (!last) return null;
  const nextUrl = new URL(next, BASE);
  const lastUrl = new URL(last, BASE);
  const from = Number(nextUrl.searchParams.get('page'));
  const to = Number(lastUrl.searchParams.get('page'));
  nextUrl.searchParams.delete('page');
  lastUrl.searchParams.delete('page');
  nextUrl.searchParams.sort();
  lastUrl.searchParams.sort();
  const sameList = nextUrl.toString() === lastUrl.toString();
  if (!sameList || !Number.isInteger(from) || !Number.isInteger(to) || from < 2 || to < from || to - from >= MAX_PLANNED_PAGES) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Pages of one list asked for at once: enough to avoid a waterfall, few enough to be gentle. */
export const PAGE_CONCURRENCY = 4;

/**
 * Reads every item of `planned` with at most `concurrency` reads in flight, a new one starting as
 * soon as one ends (a slow page holds up only its own slot), and hands the answers over in order.
 */
export async function* inOrder<T, R>(
  planned: readonly T[],
  read: (item: T) => Promise<R>,
  concurrency = PAGE_CONCURRENCY,
): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const start = () => {
    const item = planned[started.length];
    if (item === undefined) return;
    const reading = read(item);
    // Failures are met, in order, by the loop below; an unawaited rejection must not escape first.
    reading.catch(() => undefined);
    started.push(reading);
  };
  for (let i = 0; i < Math.min(concurrency, planned.length); i++) start();
  for (let next = 0; next < planned.length; next++) {
    const answer = await started[next]!;
    start();
    yield answer;
  }
}

/**
 * Every page after the first, in order, as they arrive: when the first page's `Link` names the
 * last page, all of them, `concurrency` at a time; otherwise one by one along `next`, as far as it
 * leads (bounded, in case a broken upstream links pages in a loop). `read` gets a page's URL, built
 * from the first page's links.
 */
export async function* remainingPages<Page>(
  firstLink: string | null,
  read: (url: string) => Promise<{ page: Page; link: string | null }>,
  concurrency = PAGE_CONCURRENCY,
): AsyncGenerator<Page> {
  const next = linkRelations(firstLink).next;
  const planned = pageNumbersAfterFirst(firstLink);
  if (next && planned) {
    for await (const answer of inOrder(planned, (number) => read(withPage(next, number)), concurrency)) yield answer.page;
    return;
  }
  let url = next;
  for (let count = 0; url && count < MAX_PLANNED_PAGES; count++) {
    const answer = await read(url);
    yield answer.page;
    url = linkRelations(answer.link).next;
  }
}
