import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { makeCodespace } from '@/lib/test/fixtures';
import { renderView } from '@/lib/test/render-for-views';
import { CodespaceList, FIRST_WINDOW_ROWS, PLAIN_ROWS } from './codespace-list';

// Counts the loads of the virtualiser's module: a list that fits must never ask for it.
const virtualLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./virtual-codespace-rows', async (importOriginal) => {
  virtualLoads.count += 1;
  return importOriginal();
});

const fleetOf = (n: number) =>
  Array.from({ length: n }, (_, i) => summarizeCodespace(makeCodespace({ name: `cs-${String(i).padStart(4, '0')}` })));

function list(codespaces: ReturnType<typeof fleetOf>, cursor: string | null = null, busy = false) {
  return (
    <CodespaceList
      codespaces={codespaces}
      total={codespaces.length}
      busy={busy}
      selected={new Set()}
      cursor={cursor}
      costs={new Map()}
      pendingNames={new Set()}
      onToggle={vi.fn()}
      onToggleAll={vi.fn()}
      onPower={vi.fn()}
    />
  );
}

/** The rows in the document, as the codespace each shows and where CSS places it. */
const rendered = () =>
  [...document.querySelectorAll<HTMLElement>('[role="row"][data-codespace]')].map((row) => ({
    name: row.dataset.codespace,
    place: row.style.transform,
  }));

describe('the codespace list, short and long', () => {
  it('renders every row of a list that fits, in order, without loading the virtualiser', async () => {
    const fleet = fleetOf(60);
    renderView(list(fleet));
    expect(rendered().map((r) => r.name)).toEqual(fleet.map((c) => c.name));
    expect(screen.getByRole('table', { name: 'Codespaces' })).toHaveAttribute('aria-rowcount', '61');
    // Still every row a moment later: nothing swapped them for a window.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered()).toHaveLength(60);
    expect(virtualLoads.count).toBe(0);
  });

  it('sends the rows a first screen holds in the page’s HTML, and the browser renders the rest', () => {
    const fleet = fleetOf(60);
    const html = renderToString(<QueryClientProvider client={new QueryClient()}>{list(fleet)}</QueryClientProvider>);
    const names = [...html.matchAll(/data-codespace="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(fleet.slice(0, FIRST_WINDOW_ROWS).map((c) => c.name));
  });

  it('scrolls the keyboard’s row into view in a list that fits', () => {
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push((this as HTMLElement).dataset.codespace ?? '');
    });
    const fleet = fleetOf(40);
    const { rerender } = renderView(list(fleet));
    rerender(list(fleet, 'cs-0033'));
    expect(scrolled).toEqual(['cs-0033']);
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('virtualises a long list, its first rows where they were before the virtualiser came in', async () => {
    const fleet = fleetOf(PLAIN_ROWS + 150);
    const { unmount } = renderView(list(fleet));
    // The first paint (and the server's render): the rows a first screen holds, as plain rows.
    const first = rendered();
    expect(first.map((r) => r.name)).toEqual(fleet.slice(0, FIRST_WINDOW_ROWS).map((c) => c.name));
    unmount();
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { rerender } = renderView(list(fleet));
    await waitFor(() => expect(virtualLoads.count).toBe(1));
    // The virtualiser keeps a window of rows, the same first ones at the same places...
    expect(rendered().slice(0, 10)).toEqual(first.slice(0, 10));
    expect(rendered().length).toBeLessThan(fleet.length);
    expect(screen.getByRole('table', { name: 'Codespaces' })).toHaveAttribute('aria-rowcount', String(fleet.length + 1));
    // ...and brings the keyboard's row into view though it is not in the document: row 201 of
    // 60 px (jsdom lays nothing out: the page is given the list's height).
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: fleet.length * 60 });
    rerender(list(fleet, 'cs-0200'));
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 201 * 60 - window.innerHeight })));
    Reflect.deleteProperty(document.documentElement, 'scrollHeight');
    scrollTo.mockRestore();
  });

  it('keeps a streaming list’s rows in place as it grows past the plain rows', async () => {
    const fleet = fleetOf(PLAIN_ROWS * 2);
    // The first page, with more on their way (the virtualiser is loaded ahead, if it is not in yet).
    const { rerender } = renderView(list(fleet.slice(0, PLAIN_ROWS), null, true));
    expect(rendered()).toHaveLength(PLAIN_ROWS);
    await waitFor(() => expect(virtualLoads.count).toBe(1));
    const before = rendered();
    rerender(list(fleet, null, false));
    // A window of rows, the first ones where they were.
    expect(rendered().length).toBeLessThan(PLAIN_ROWS);
    expect(rendered().slice(0, 10)).toEqual(before.slice(0, 10));
  });
});
