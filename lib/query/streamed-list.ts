import type { ListPage } from '@/lib/transport/transport';

/**
 * A GitHub list as it arrives page by page: what has come so far, and how much GitHub says there is.
 * Pure, so the list's first paint can show the first page while the rest are on their way, and
 * show the same order and counts as before once every page is in.
 */
export interface StreamedList<Item> {
  items: Item[];
  /** How many GitHub says there are (its `total_count`), or what has arrived when it does not say. */
  total: number;
  /** Pages received, and how many the first one said to expect (null: unknown, read until the end). */
  pages: number;
  expectedPages: number | null;
  /** GitHub's `X-GitHub-SSO` from the first page that had one: some items are hidden by an organisation's single sign-on. */
  sso: string | null;
  /**
   * Set when the list is what Hangar's store held, shown before GitHub was asked again (a
   * returning user's first paint): when GitHub last vouched for it (ms). A list read afresh has none.
   */
  asOf?: number;
}

export function emptyList<Item>(): StreamedList<Item> {
  return { items: [], total: 0, pages: 0, expectedPages: null, sso: null };
}

/**
 * Adds the next page, each item once (first sighting kept): pages read while the list changes (a
 * codespace created between two pages) can hold the same one twice, and rows are keyed by name.
 */
export function addPage<Item extends { name: string }>(
  list: StreamedList<Item>,
  page: ListPage<Item>,
  perPage: number,
): StreamedList<Item> {
  const seen = new Set(list.items.map((item) => item.name));
  const items = list.items.concat(page.items.filter((item) => !seen.has(item.name) && (seen.add(item.name), true)));
  const first = list.pages === 0;
  const total = first ? (page.total ?? items.length) : Math.max(list.total, page.total ?? items.length);
  return {
    items,
    total,
    pages: list.pages + (page.pages ?? 1),
    expectedPages: first ? (page.total === undefined ? null : Math.max(1, Math.ceil(page.total / perPage))) : list.expectedPages,
    sso: list.sso ?? page.sso ?? null,
  };
}

/** Whether every page has arrived. (Lists streamed here announce their size; one that does not is taken as one page.) */
export function isComplete(list: StreamedList<unknown> | undefined): boolean {
  if (!list) return false;
  return list.expectedPages === null ? list.pages > 0 : list.pages >= list.expectedPages;
}

/** The same list with each item passed through `change` (an optimistic update); unchanged items keep their identity. */
export function mapItems<Item>(list: StreamedList<Item> | undefined, change: (item: Item) => Item): StreamedList<Item> | undefined {
  return list && { ...list, items: list.items.map(change) };
}

/** The same list without the items `drop` picks (a deletion). */
export function withoutItems<Item>(list: StreamedList<Item> | undefined, drop: (item: Item) => boolean): StreamedList<Item> | undefined {
  if (!list) return list;
  const items = list.items.filter((item) => !drop(item));
  return { ...list, items, total: Math.max(0, list.total - (list.items.length - items.length)) };
}

/** The same list with `item` in front (a creation), replacing any item of the same name. */
export function withItemFirst<Item extends { name: string }>(
  list: StreamedList<Item> | undefined,
  item: Item,
): StreamedList<Item> | undefined {
  if (!list) return list;
  const rest = list.items.filter((other) => other.name !== item.name);
  return { ...list, items: [item, ...rest], total: list.total + (rest.length === list.items.length ? 1 : 0) };
}

/** A whole list as a store held it (every page), and when GitHub last vouched for it: shown as such until read again. */
export function storedList<Item extends { name: string }>(
  pages: readonly ListPage<Item>[],
  perPage: number,
  asOf: number,
): StreamedList<Item> {
  const list = pages.reduce<StreamedList<Item>>((held, page) => addPage(held, page, perPage), emptyList<Item>());
  return { ...list, asOf };
}
