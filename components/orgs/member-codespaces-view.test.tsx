import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/errors';
import { liveEstimate } from '@/lib/usage/domain/cost';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { groupRows } from '@/lib/orgs/domain/org-view';
import { makeCodespace } from '@/lib/test/fixtures';
import { renderView, selectionActions, spies, selectableList } from '@/lib/test/render-for-views';
import { MemberCodespacesView, type MemberCodespacesViewProps } from './member-codespaces-view';

const now = Date.parse('2026-11-25T12:00:00Z');
const codespaces = [
  makeCodespace({ name: 'm-1', display_name: 'Perf profiling', state: 'Available' }),
  makeCodespace({ name: 'm-2', state: 'Shutdown' }),
].map(summarizeCodespace);

function props(overrides: Partial<MemberCodespacesViewProps> = {}): MemberCodespacesViewProps {
  const list = 'codespaces' in overrides ? overrides.codespaces : codespaces;
  return {
    org: 'octo-org',
    username: 'mona',
    codespaces: list,
    rows: groupRows(list ?? [], ''),
    loading: false,
    error: null,
    estimate: list ? liveEstimate(list) : null,
    now,
    ...selectableList(),
    ...spies('onRetry'),
    ...overrides,
  };
}

describe('one member’s codespaces in an organisation', () => {
  it('lists them under the member’s name, not repeating it on every row, and what runs now', () => {
    renderView(<MemberCodespacesView {...props()} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('mona’s codespaces');
    expect(screen.getByText('2 codespaces billed to octo-org')).toBeVisible();
    // Every row is mona's: a Member column would say so on each one, in the names' room.
    const row = screen.getByText('Perf profiling').closest('[role="row"]') as HTMLElement;
    expect(within(row).queryByRole('link', { name: 'mona' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Member' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Codespace' })).toBeInTheDocument();
    expect(screen.getByText('Running now').nextElementSibling).toHaveTextContent('1 · 4 cores');
  });

  it('stops or deletes the selected ones on the member’s behalf', async () => {
    const onDeleteSelected = vi.fn();
    renderView(
      <MemberCodespacesView
        {...props({ selected: new Set(['m-2']), selection: selectionActions({ count: 1, onDelete: onDeleteSelected }) })}
      />,
    );
    expect(screen.getByText('1 codespace selected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /Delete selected/ }));
    expect(onDeleteSelected).toHaveBeenCalledOnce();
  });

  it('while loading, shows placeholder rows', () => {
    renderView(<MemberCodespacesView {...props({ codespaces: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading codespaces')).toHaveAttribute('aria-busy', 'true');
  });

  it('with none billed to the organisation, says so', () => {
    renderView(<MemberCodespacesView {...props({ codespaces: [] })} />);
    expect(screen.getByRole('heading', { name: 'mona has no codespaces billed to octo-org' })).toBeVisible();
  });

  it('a member who is not an owner is told plainly', () => {
    renderView(
      <MemberCodespacesView
        {...props({ codespaces: undefined, error: new ApiError({ status: 403, message: 'Must be an organization owner.' }) })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can see mona’s codespaces' })).toBeVisible();
  });
});
