import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/errors';
import { liveEstimate } from '@/lib/usage/domain/cost';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { memberFacets, repositoryFacets, stateFacets } from '@/lib/codespaces/domain/pipeline';
import { attentionItems } from '@/lib/orgs/domain/attention';
import { DEFAULT_ORG_FILTERS, filterOrgCodespaces, groupRows, ORG_SORT_KEYS } from '@/lib/orgs/domain/org-view';
import { makeCodespace } from '@/lib/test/fixtures';
import { renderView, spies, selectableList } from '@/lib/test/render-for-views';
import { OrgCodespacesView, type OrgCodespacesViewProps } from './org-codespaces-view';

const now = Date.parse('2026-11-25T12:00:00Z');
const fleet = [
  makeCodespace({ name: 'lisa-1', display_name: 'Perf profiling', state: 'Available', last_used_at: '2026-11-25T01:00:00Z' }),
  makeCodespace({ name: 'sam-1', state: 'Shutdown', last_used_at: '2026-11-20T01:00:00Z' }),
].map(summarizeCodespace);

function props(overrides: Partial<OrgCodespacesViewProps> = {}): OrgCodespacesViewProps {
  const codespaces = 'codespaces' in overrides ? overrides.codespaces : fleet;
  const shown = codespaces ? filterOrgCodespaces(codespaces, DEFAULT_ORG_FILTERS) : [];
  const { members, cores } = memberFacets(codespaces ?? []);
  return {
    org: 'octo-org',
    me: 'mona',
    codespaces,
    total: codespaces?.length ?? 0,
    complete: true,
    shown,
    rows: groupRows(shown, ''),
    memberCount: members.length,
    loading: false,
    error: null,
    filters: DEFAULT_ORG_FILTERS,
    options: codespaces
      ? { states: stateFacets(codespaces), repositories: repositoryFacets(codespaces), members, cores, sorts: ORG_SORT_KEYS, groups: true }
      : null,
    estimate: codespaces ? liveEstimate(codespaces) : null,
    attention: attentionItems(codespaces ?? [], now),
    now,
    ...selectableList(),
    ...spies('onFiltersChange', 'onStop', 'onDelete', 'onRetry'),
    costsNow: () => new Map(),
    onSelectNames: vi.fn(),
    ...overrides,
  };
}

describe('an organisation’s codespaces, in each of its states', () => {
  it('tells a member who is not an owner why they cannot see it', () => {
    renderView(
      <OrgCodespacesView
        {...props({ codespaces: undefined, error: new ApiError({ status: 403, message: 'Must be an organization owner.' }) })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can see its codespaces' })).toBeVisible();
    expect(screen.getByText(/Must be an organization owner/)).toBeVisible();
  });

  it('says when the organisation does not exist', () => {
    renderView(<OrgCodespacesView {...props({ codespaces: undefined, error: new ApiError({ status: 404 }) })} />);
    expect(screen.getByRole('heading', { name: 'No organization named octo-org' })).toBeVisible();
  });

  it('with no codespaces billed to it, says they will appear here', () => {
    renderView(<OrgCodespacesView {...props({ codespaces: [] })} />);
    expect(screen.getByRole('heading', { name: 'No codespaces in octo-org' })).toBeVisible();
  });

  it('shows the live cost, what needs attention, and every codespace by member', () => {
    renderView(<OrgCodespacesView {...props()} />);
    expect(screen.getByLabelText('Live cost estimate')).toHaveTextContent('1 · 4 cores');
    expect(screen.getByRole('heading', { name: /Needs attention/ })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Organization codespaces' });
    expect(within(table).getByText('Perf profiling')).toBeVisible();
    expect(screen.getByText('2 codespaces · 1 member')).toBeVisible();
  });

  it('shows the first pages while the rest of a large organisation arrives', () => {
    renderView(<OrgCodespacesView {...props({ total: 10_000, complete: false })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 2 of 10,000 codespaces');
    expect(screen.getByRole('table', { name: 'Organization codespaces' })).toHaveAttribute('aria-busy', 'true');
  });

  it('says how many have arrived while the rest stream in, the rows shown staying those of the first page until the list is whole', () => {
    renderView(<OrgCodespacesView {...props({ total: 10_000, complete: false, arrived: 4_200 })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 4,200 of 10,000 codespaces');
    expect(screen.getByRole('table', { name: 'Organization codespaces' })).toHaveAttribute('aria-rowcount', '3');
  });
});

describe('the organisation’s CSV', () => {
  it('works out each codespace’s cost this month when the file is asked for, not while the list shows', async () => {
    const costsNow = vi.fn(
      () => new Map([['lisa-1', { compute: 1.5, storage: 0.25, total: 1.75, coreHours: 4, basis: 'report' as const }]]),
    );
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((file) => (files.push(file as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const view = renderView(<OrgCodespacesView {...props({ costsNow })} />);
    view.rerender(<OrgCodespacesView {...props({ costsNow, now: now + 60_000 })} />);
    expect(costsNow).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(costsNow).toHaveBeenCalledTimes(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(files[0]!);
    });
    expect(text).toMatch(/lisa-1.*1\.75/);
    vi.restoreAllMocks();
  });
});

describe('the organisation’s attention panel', () => {
  const big = summarizeCodespace({
    ...makeCodespace({ name: 'big-1', display_name: 'Render farm', state: 'Available', last_used_at: '2026-11-25T11:50:00Z' }),
    machine: { ...makeCodespace().machine!, cpus: 32 },
  });
  const codespaces = [...fleet, big];

  it('counts codespaces, the figure and the panel alike, and offers Stop for a large machine that runs', async () => {
    renderView(<OrgCodespacesView {...props({ codespaces, attention: attentionItems(codespaces, now) })} />);
    expect(screen.getByLabelText('Live cost estimate')).toHaveTextContent('Needs attention2 codespaces');
    expect(screen.getByRole('heading', { name: /Needs attention/ })).toHaveTextContent('Needs attention · 2 codespaces');
    const panel = screen.getByRole('region', { name: /Needs attention/ });
    const row = within(panel).getByText('Render farm').closest('li')!;
    expect(within(row).getByRole('button', { name: 'Stop Render farm' })).toBeEnabled();
  });

  it('puts a group into the selection with “Select these”', async () => {
    const onSelectNames = vi.fn();
    renderView(<OrgCodespacesView {...props({ codespaces, attention: attentionItems(codespaces, now), onSelectNames })} />);
    await userEvent.click(screen.getByRole('button', { name: /^Select these 1 codespace: Running, unused/ }));
    expect(onSelectNames).toHaveBeenCalledWith(['lisa-1']);
  });
});
