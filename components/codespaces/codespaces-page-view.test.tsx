import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEFAULT_FILTERS,
  LIST_SORTS,
  applyListFilters,
  repositoryFacets,
  stateFacets,
  summarizeFleet,
} from '@/lib/codespaces/domain/list-view';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { ApiError } from '@/lib/transport/api-error';
import { makeCodespace } from '@/lib/test/fixtures';
import { personalAttention } from '@/lib/attention/domain/personal';
import { selectableList, renderView, selectionActions, spies } from '@/lib/test/render-for-views';
import { CodespacesPageView, type CodespacesPageViewProps } from './codespaces-page-view';

const fleet = [
  makeCodespace({ name: 'web-a', display_name: 'Checkout redesign', state: 'Available', repo: 'octo-org/web' }),
  makeCodespace({ name: 'api-a', state: 'Shutdown', repo: 'octo-org/api', git_status: { ahead: 2, has_unpushed_changes: true } }),
].map(summarizeCodespace);

function props(overrides: Partial<CodespacesPageViewProps> = {}): CodespacesPageViewProps {
  const codespaces = 'codespaces' in overrides ? overrides.codespaces : fleet;
  return {
    ...selectableList(),
    pendingNames: new Set(),
    codespaces,
    total: codespaces?.length ?? 0,
    complete: true,
    rows: codespaces ? applyListFilters(codespaces, DEFAULT_FILTERS) : [],
    loading: false,
    error: null,
    filters: DEFAULT_FILTERS,
    options: codespaces ? { states: stateFacets(codespaces), repositories: repositoryFacets(codespaces), sorts: LIST_SORTS } : null,
    summary: codespaces ? summarizeFleet(codespaces) : null,
    attention: [],
    sso: null,
    cursor: null,
    ...spies('onShowShortcuts', 'onExport', 'onStop', 'onPower', 'onDelete', 'onFiltersChange', 'onRetry'),
    costs: new Map(),
    costsPending: false,
    githubWebUrl: 'https://github.com',
    onSelectNames: vi.fn(),
    ...overrides,
  };
}

describe('the codespace list page, in each of its states', () => {
  it('while loading, shows placeholder rows and says it is busy', () => {
    renderView(<CodespacesPageView {...props({ codespaces: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading codespaces')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('with nothing to show, explains that codespaces will appear here', () => {
    renderView(<CodespacesPageView {...props({ codespaces: [] })} />);
    expect(screen.getByRole('heading', { name: 'No codespaces yet' })).toBeVisible();
    expect(screen.getByRole('link', { name: /New codespace/ })).toHaveAttribute('href', '/codespaces/new');
  });

  it('when GitHub fails before anything arrived, says why in words and offers to try again', async () => {
    const onRetry = vi.fn();
    renderView(<CodespacesPageView {...props({ codespaces: undefined, error: new ApiError({ status: 502 }), onRetry })} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('GitHub is having trouble');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('when a later poll fails, keeps the list and says it shows what was last loaded', async () => {
    renderView(<CodespacesPageView {...props({ error: new ApiError({ status: 504 }) })} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Showing what was last loaded');
    expect(screen.getByRole('table', { name: 'Codespaces' })).toBeVisible();
  });

  it('an error arriving after the first paint still says what happened, in words (its words load with it)', async () => {
    const { rerender } = renderView(<CodespacesPageView {...props()} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(<CodespacesPageView {...props({ error: new ApiError({ status: 429 }) })} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('GitHub rate limit reached');
    expect(alert).toHaveTextContent('Showing what was last loaded');
  });

  it('lists each codespace with its name, repository, state in words and machine', () => {
    renderView(<CodespacesPageView {...props()} />);
    const row = screen.getByRole('link', { name: 'Checkout redesign' }).closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('octo-org/web')).toBeVisible();
    expect(within(row).getByText('Available')).toBeVisible();
    expect(within(row).getByText('4 cores')).toBeVisible();
    expect(within(row).getByRole('button', { name: 'Stop' })).toBeEnabled();
    expect(screen.getByText('2 codespaces')).toBeVisible();
  });

  it('asks the page to start or stop a row’s codespace, and that row waits while it is on its way', async () => {
    const onPower = vi.fn();
    const { rerender } = renderView(<CodespacesPageView {...props({ onPower })} />);
    const row = screen.getByRole('link', { name: 'Checkout redesign' }).closest('[role="row"]') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Stop' }));
    expect(onPower).toHaveBeenCalledWith(expect.objectContaining({ name: 'web-a' }));
    rerender(<CodespacesPageView {...props({ onPower, pendingNames: new Set(['web-a']) })} />);
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Start' })).toBeEnabled();
  });

  it('shows the first page while the rest arrive, with GitHub’s count and a note that sorting covers what has come', () => {
    renderView(<CodespacesPageView {...props({ total: 2000, complete: false })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loaded 2 of 2,000 codespaces; the rest are on their way');
    expect(screen.getByRole('table', { name: 'Codespaces' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Showing 2 of 2,000 codespaces')).toBeVisible();
  });

  it('when the filters hide everything, says so and clears them in one click', async () => {
    const onFiltersChange = vi.fn();
    const filters = { ...DEFAULT_FILTERS, q: 'nothing matches this' };
    renderView(<CodespacesPageView {...props({ filters, rows: [], onFiltersChange })} />);
    expect(screen.getByRole('heading', { name: 'No codespaces match these filters' })).toBeVisible();
    await userEvent.click(screen.getAllByRole('button', { name: /Clear filters/ }).at(-1)!);
    expect(onFiltersChange).toHaveBeenCalledWith({ q: '', state: '', repo: '' });
  });

  it('offers bulk actions once codespaces are selected', async () => {
    const onDeleteSelected = vi.fn();
    renderView(
      <CodespacesPageView
        {...props({ selected: new Set(['web-a']), selection: selectionActions({ count: 1, onDelete: onDeleteSelected }) })}
      />,
    );
    expect(screen.getByText('1 codespace selected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /Delete selected/ }));
    expect(onDeleteSelected).toHaveBeenCalledOnce();
  });

  it('names the organisations whose single sign-on hid codespaces, linking only to GitHub’s own sign-on pages', async () => {
    const sso = {
      header: 'partial-results; organizations=21, 22',
      organizations: [{ id: 21, login: 'sso-corp' }],
      webUrl: 'https://github.com',
    };
    renderView(<CodespacesPageView {...props({ sso })} />);
    // The notice loads when there is one to show.
    const notice = (await screen.findAllByRole('alert')).find((a) => a.textContent?.includes('single sign-on'))!;
    expect(notice).toHaveTextContent('sso-corp');
    expect(within(notice).getByRole('link', { name: /sso-corp/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^https:\/\/github\.com\/orgs\/sso-corp\/sso/),
    );
  });

  it('says in one line when nothing needs attention, and lists what does with its action', async () => {
    const { unmount } = renderView(<CodespacesPageView {...props()} />);
    expect(screen.getByRole('heading', { name: 'Nothing needs your attention' })).toBeVisible();
    unmount();
    const expiring = { ...fleet[1]!, state: 'Shutdown' as const, retention_expires_at: '2026-11-26T10:00:00Z' };
    const onExport = vi.fn();
    renderView(
      <CodespacesPageView
        {...props({
          onExport,
          attention: [
            {
              kind: 'work-expiring',
              codespace: expiring,
              severity: 'urgent',
              reason: 'Holds 2 unpushed commits and GitHub deletes it in 22 hours.',
              actions: ['export', 'open'],
            } as never,
          ],
        })}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Export/ }));
    expect(onExport).toHaveBeenCalledWith(expiring);
  });

  it('marks the keyboard’s row', () => {
    renderView(<CodespacesPageView {...props({ cursor: 'api-a' })} />);
    expect(document.querySelector('[data-codespace="api-a"]')).toHaveAttribute('aria-current', 'true');
  });

  it('a returning user’s list shown from Hangar’s store says how old it is, and stops saying so once read afresh', () => {
    const stored = renderView(<CodespacesPageView {...props({ storedAge: '2 minutes ago' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('as of 2 minutes ago: checking with GitHub for changes');
    expect(screen.getAllByRole('row', { name: /Checkout redesign|api-a/ })).toHaveLength(2);
    stored.unmount();
    renderView(<CodespacesPageView {...props({ storedAge: null })} />);
    expect(screen.getAllByRole('row', { name: /Checkout redesign|api-a/ })).toHaveLength(2);
    expect(screen.queryByText(/as of/)).not.toBeInTheDocument();
  });
});

describe('the attention panel on my list', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  const forgotten = ['one', 'two', 'three'].map((name) =>
    summarizeCodespace(makeCodespace({ name, display_name: `Forgotten ${name}`, state: 'Available', last_used_at: hoursAgo(6) })),
  );
  const broken = summarizeCodespace(makeCodespace({ name: 'broken', state: 'Failed', last_used_at: hoursAgo(1) }));
  const codespaces = [...forgotten, broken];
  const withPanel = (overrides: Partial<CodespacesPageViewProps> = {}) =>
    props({
      codespaces,
      rows: codespaces,
      summary: summarizeFleet(codespaces),
      attention: personalAttention(codespaces, now),
      ...overrides,
    });

  it('counts codespaces in one noun, and the state chips use other words', () => {
    renderView(<CodespacesPageView {...withPanel()} />);
    expect(screen.getByRole('heading', { name: /Needs your attention/ })).toHaveTextContent('Needs your attention · 4 codespaces');
    // The state group GitHub calls Failed is "not working", never a second "needs attention" with another number.
    expect(screen.getByRole('button', { name: '1 not working' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /needs attention/i })).not.toBeInTheDocument();
  });

  it('puts a group into the bulk selection with “Select these”, to stop them at once', async () => {
    const onSelectNames = vi.fn();
    renderView(<CodespacesPageView {...withPanel({ onSelectNames })} />);
    await userEvent.click(screen.getByRole('button', { name: /^Select these 3 codespaces: Running, unused/ }));
    expect([...onSelectNames.mock.calls[0]![0]].sort()).toEqual(['one', 'three', 'two']);
  });

  it('collapses, and stays collapsed on the next visit', async () => {
    window.localStorage.clear();
    const { unmount } = renderView(<CodespacesPageView {...withPanel()} />);
    const toggle = screen.getByRole('button', { name: /Needs your attention/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const panel = screen.getByRole('region', { name: /Needs your attention/ });
    expect(within(panel).queryByText('Forgotten one')).not.toBeVisible();
    unmount();
    renderView(<CodespacesPageView {...withPanel()} />);
    expect(screen.getByRole('button', { name: /Needs your attention/ })).toHaveAttribute('aria-expanded', 'false');
    window.localStorage.clear();
  });
});

describe('a codespace made from a pull request, in my list', () => {
  it('names the pull request beside its branch, linked to it on GitHub', () => {
    const fromPull = summarizeCodespace(
      makeCodespace({ name: 'pr-a', repo: 'octo-org/web', pulls_url: 'https://api.github.com/repos/octo-org/web/pulls/7' }),
    );
    renderView(<CodespacesPageView {...props({ codespaces: [fromPull], rows: [fromPull] })} />);
    const row = document.querySelector('[data-codespace="pr-a"]') as HTMLElement;
    expect(within(row).getByRole('link', { name: /From pull request #7/ })).toHaveAttribute(
      'href',
      'https://github.com/octo-org/web/pull/7',
    );
  });
});
