import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import { makeCodespace, makeMachine } from '@/lib/test/fixtures';
import { renderView, spies } from '@/lib/test/render-for-views';
import { CodespaceDetailView, type CodespaceDetailViewProps } from './codespace-detail-view';

const props = (overrides: Partial<CodespaceDetailViewProps> = {}): CodespaceDetailViewProps => ({
  name: 'mona-web-x1',
  codespace: makeCodespace({ name: 'mona-web-x1', display_name: 'Checkout', state: 'Available' }),
  loading: false,
  error: null,
  now: Date.parse('2026-11-25T12:00:00Z'),
  ...spies('onOpenDialog', 'onRetry', 'onPower'),
  pendingNames: new Set(),
  ...overrides,
});

describe('a codespace’s page, in each of its states', () => {
  it('while loading, holds its place and says it is loading', () => {
    renderView(<CodespaceDetailView {...props({ codespace: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading codespace')).toHaveAttribute('aria-busy', 'true');
  });

  it('for a codespace that does not exist, says so, with no retry to offer', () => {
    renderView(<CodespaceDetailView {...props({ codespace: undefined, error: new ApiError({ status: 404 }) })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This codespace does not exist');
    expect(screen.getByRole('alert')).toHaveTextContent('No codespace named mona-web-x1 belongs to you');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('when GitHub fails, says why and offers to try again', async () => {
    const onRetry = vi.fn();
    renderView(<CodespaceDetailView {...props({ codespace: undefined, error: new ApiError({ status: 503 }), onRetry })} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('running: offers Stop, and every other action', async () => {
    const onOpenDialog = vi.fn();
    renderView(<CodespaceDetailView {...props({ onOpenDialog })} />);
    expect(screen.getByRole('heading', { name: 'Checkout' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    for (const action of ['Rename', 'Change machine', 'Export', 'Delete']) {
      await userEvent.click(screen.getByRole('button', { name: new RegExp(action) }));
    }
    expect(onOpenDialog.mock.calls.map(([dialog]) => dialog)).toEqual(['rename', 'machine', 'export', 'delete']);
  });

  it('stopped: offers Start', () => {
    renderView(<CodespaceDetailView {...props({ codespace: makeCodespace({ state: 'Shutdown' }) })} />);
    expect(screen.getByRole('button', { name: 'Start' })).toBeEnabled();
  });

  it('on its way somewhere: each action it cannot take now is disabled and says why', () => {
    renderView(<CodespaceDetailView {...props({ codespace: makeCodespace({ state: 'Starting' }) })} />);
    expect(screen.getByRole('group', { name: 'Start unavailable: Wait until it is no longer Starting' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Delete unavailable: Wait until it is no longer Starting' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Export unavailable: Wait until it is no longer Starting' })).toBeVisible();
  });

  it('asks its page to stop it, and waits while that is on its way', async () => {
    const onPower = vi.fn();
    const { rerender } = renderView(<CodespaceDetailView {...props({ onPower })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onPower).toHaveBeenCalledWith(expect.objectContaining({ name: 'mona-web-x1' }));
    rerender(<CodespaceDetailView {...props({ onPower, pendingNames: new Set(['mona-web-x1']) })} />);
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveAttribute('title', 'Stop Checkout');
  });

  it('shows git status with the commits ahead and behind as numbers, in words', () => {
    const codespace = makeCodespace({
      git_status: { ref: 'feat/x', ahead: 3, behind: 1, has_unpushed_changes: true, has_uncommitted_changes: false },
    });
    renderView(<CodespaceDetailView {...props({ codespace })} />);
    expect(screen.getByText('feat/x')).toBeVisible();
    expect(screen.getByText(/ahead/)).toBeVisible();
    expect(screen.getByText(/behind/)).toBeVisible();
  });
});

describe('what GitHub says about a codespace, shown', () => {
  it('names the machine and the location as people read them, keeping GitHub’s raw values for a hover', () => {
    const codespace = makeCodespace({
      location: 'WestUs2',
      machine: makeMachine({
        name: 'premiumLinux',
        display_name: '8 cores, 32 GB RAM, 64 GB storage',
        storage_in_bytes: 64 * 1024 ** 3,
        memory_in_bytes: 32 * 1024 ** 3,
        cpus: 8,
      }),
    });
    renderView(<CodespaceDetailView {...props({ codespace })} />);
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('US West')).toHaveAttribute('title', 'WestUs2');
    expect(details).not.toHaveTextContent('WestUs2');
    const machine = screen.getByRole('region', { name: 'Machine' });
    expect(within(machine).getByText('8 cores, 32 GB RAM, 64 GB storage')).toHaveAttribute('title', 'premiumLinux');
    expect(machine).not.toHaveTextContent('premiumLinux');
  });

  it('with an operation pending on GitHub: says so in GitHub’s words, and allows only Delete', () => {
    const reason = 'This codespace is moving to a new machine type.';
    const codespace = makeCodespace({ state: 'Available', pending_operation: true, pending_operation_disabled_reason: reason });
    renderView(<CodespaceDetailView {...props({ codespace })} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      `GitHub is busy with this codespace: until it has finished, only Delete is possibleGitHub says: ${reason}`,
    );
    for (const action of ['Stop', 'Rename', 'Change machine', 'Export', 'Open in browser', 'Open in VS Code']) {
      expect(screen.getByRole('group', { name: `${action} unavailable: ${reason}` })).toBeVisible();
    }
    expect(screen.getByRole('button', { name: /Delete/ })).toBeEnabled();
  });

  it('says why it last stopped, and when an organisation’s policy set its idle timeout, in GitHub’s words', () => {
    const codespace = makeCodespace({
      last_known_stop_notice: 'you’ve used 100% of your spending limit for Codespaces',
      idle_timeout_notice: 'Your organization limits idle timeouts to 30 minutes.',
    });
    renderView(<CodespaceDetailView {...props({ codespace })} />);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Why it last stopped, from GitHub: you’ve used 100% of your spending limit for Codespaces',
    );
    expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent(
      'Idle timeout30 minutesYour organization limits idle timeouts to 30 minutes.',
    );
  });

  it('shows a machine change waiting for the next start, by the machine’s name', () => {
    const pendingMachine = { machine: 'premiumLinux', displayName: '8 cores, 32 GB RAM, 64 GB storage', from: 'standardLinux32gb', at: 0 };
    renderView(<CodespaceDetailView {...props({ pendingMachine })} />);
    expect(screen.getByRole('region', { name: 'Machine' })).toHaveTextContent(
      'Pending change8 cores, 32 GB RAM, 64 GB storage, from its next start',
    );
  });
});

describe('a codespace made from a pull request', () => {
  it('says which one, linked to it on GitHub', () => {
    const fromPull = makeCodespace({
      name: 'mona-web-x1',
      repo: 'octo-org/web',
      pulls_url: 'https://api.github.com/repos/octo-org/web/pulls/42',
    });
    renderView(<CodespaceDetailView {...props({ codespace: fromPull })} />);
    const link = screen.getByRole('link', { name: /From pull request #42/ });
    expect(link).toHaveAttribute('href', 'http://localhost/octo-org/web/pull/42');
  });

  it('says nothing of the kind for one that was not', () => {
    renderView(<CodespaceDetailView {...props()} />);
    expect(screen.queryByText(/pull request #/)).not.toBeInTheDocument();
  });
});
