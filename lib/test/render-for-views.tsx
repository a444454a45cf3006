import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { SelectionActions } from '@/components/codespaces/selection-bar';

/**
 * Renders a view as the page would, inside a query client of its own: views only render props,
 * but a few small controls inside them (a row's Start/Stop) run their own change.
 */
export function renderView(view: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { queryClient, ...render(<QueryClientProvider client={queryClient}>{view}</QueryClientProvider>) };
}

/** A selection bar's actions, as spies: nothing selected unless `count` says otherwise. */
export function selectionActions(overrides: Partial<SelectionActions> = {}): SelectionActions {
  return { count: 0, onStop: vi.fn(), onDelete: vi.fn(), onClear: vi.fn(), onSelectStale: vi.fn(), ...overrides };
}
