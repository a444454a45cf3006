import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi, type Mock } from 'vitest';
import type { SelectableListProps, SelectionActions } from '@/components/codespaces/selection-bar';

/**
 * Renders a view as the page would, inside a query client of its own: views only render props,
 * but the shared shell parts some of them show read the session's data.
 */
export function renderView(view: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { queryClient, ...render(<QueryClientProvider client={queryClient}>{view}</QueryClientProvider>) };
}

/** A selection bar's actions, as spies: nothing selected unless `count` says otherwise. */
export function selectionActions(overrides: Partial<SelectionActions> = {}): SelectionActions {
  return { count: 0, onStop: vi.fn(), onDelete: vi.fn(), onClear: vi.fn(), onSelectStale: vi.fn(), ...overrides };
}

/** What a selectable list of codespaces takes from its page, as spies: nothing selected. */
export function selectableList(): SelectableListProps {
  return { selected: new Set(), selection: selectionActions(), onToggle: vi.fn(), onToggleAll: vi.fn() };
}

/** A spy for each of a view's callbacks, by name: `...spies('onRetry', 'onLoadMore')`. */
export function spies<const Name extends string>(...names: Name[]): Record<Name, Mock> {
  return Object.fromEntries(names.map((name) => [name, vi.fn()])) as Record<Name, Mock>;
}
