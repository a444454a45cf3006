import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { addPage, emptyList, isComplete, mapItems, withItemFirst, withoutItems } from './streamed-list';

const page = (names: string[], extra: { total?: number; sso?: string } = {}) => ({ items: names.map((name) => ({ name })), ...extra });

describe('a list arriving page by page', () => {
  it('takes GitHub’s count from the first page and knows how many pages to wait for', () => {
    const first = addPage(emptyList<{ name: string }>(), page(['a', 'b'], { total: 250 }), 100);
    expect(first).toMatchObject({ total: 250, pages: 1, expectedPages: 3 });
    expect(isComplete(first)).toBe(false);
    const all = addPage(addPage(first, page(['c'], { total: 250 }), 100), page(['d'], { total: 250 }), 100);
    expect(isComplete(all)).toBe(true);
    expect(all.items.map((i) => i.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps each item once, where it was first seen, when the list changed between pages', () => {
    const list = addPage(addPage(emptyList<{ name: string }>(), page(['a', 'b'], { total: 4 }), 2), page(['b', 'c'], { total: 4 }), 2);
    expect(list.items.map((i) => i.name)).toEqual(['a', 'b', 'c']);
  });

  it('keeps each codespace once, where it was first seen', () => {
    const a = makeCodespace({ name: 'a' });
    const b = makeCodespace({ name: 'b' });
    expect(addPage(emptyList<typeof a>(), { items: [a, b, { ...a, state: 'Starting' }] }, 100).items.map((c) => [c.name, c.state])).toEqual(
      [
        ['a', a.state],
        ['b', b.state],
      ],
    );
  });

  it('remembers that single sign-on hid something, from whichever page said so', () => {
    const sso = 'partial-results; organizations=21955855';
    const list = addPage(addPage(emptyList<{ name: string }>(), page(['a'], { total: 2 }), 1), page(['b'], { total: 2, sso }), 1);
    expect(list.sso).toBe(sso);
  });

  it('is not complete before anything arrived, and a list of one page is complete at once', () => {
    expect(isComplete(undefined)).toBe(false);
    expect(isComplete(emptyList())).toBe(false);
    expect(isComplete(addPage(emptyList<{ name: string }>(), page([], { total: 0 }), 100))).toBe(true);
  });

  it('changes, removes and adds items the way the cache needs after an action, keeping the others as they were', () => {
    const list = addPage(
      emptyList<{ name: string; state?: string }>(),
      page(['a', 'b'], { total: 2 }) as { items: { name: string; state?: string }[] },
      100,
    );
    const changed = mapItems(list, (i) => (i.name === 'a' ? { ...i, state: 'Starting' } : i))!;
    expect(changed.items[1]).toBe(list.items[1]);
    expect(withoutItems(list, (i) => i.name === 'a')).toMatchObject({ total: 1, items: [{ name: 'b' }] });
    expect(withItemFirst(list, { name: 'new' })).toMatchObject({ total: 3, items: [{ name: 'new' }, { name: 'a' }, { name: 'b' }] });
    expect(withItemFirst(list, { name: 'b', state: 'Queued' })!.total).toBe(2);
  });
});
