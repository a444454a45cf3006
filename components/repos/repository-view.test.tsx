import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { makeCodespace } from '@/lib/test/fixtures';
import { selectableList, renderView, spies } from '@/lib/test/render-for-views';
import { RepositoryView, type RepositoryViewProps } from './repository-view';

const now = Date.parse('2026-11-25T12:00:00Z');
const codespaces = [makeCodespace({ name: 'blog-a', display_name: 'Draft post', repo: 'mona/blog', state: 'Available' })].map(
  summarizeCodespace,
);
const repository = {
  full_name: 'mona/blog',
  private: true,
  description: 'Notes',
  html_url: 'http://localhost/mona/blog',
  permissions: { admin: true, push: true, pull: true },
} as unknown as RepositoryViewProps['repository']['data'];
const machine = {
  name: 'basicLinux32gb',
  display_name: '2 cores, 8 GB RAM, 32 GB storage',
  operating_system: 'linux',
  cpus: 2,
  memory_in_bytes: 8 * 1024 ** 3,
  storage_in_bytes: 32 * 1024 ** 3,
  prebuild_availability: null,
};
const ok = <T,>(data: T) => ({ data, loading: false, error: null });

function props(overrides: Partial<RepositoryViewProps> = {}): RepositoryViewProps {
  return {
    ...selectableList(),
    pendingNames: new Set(),
    repo: 'mona/blog',
    standing: 'shown',
    hidden: { privateRepositories: false, consent: null },
    githubUrl: 'http://localhost/mona/blog',
    repository: ok(repository),
    codespaces: ok(codespaces),
    devcontainers: ok([{ path: '.devcontainer/devcontainer.json', display_name: 'Default' }]),
    machines: ok([machine]),
    secrets: {
      kind: 'list',
      app: false,
      ...ok([{ name: 'DEPLOY_TOKEN', created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-22T12:00:00Z' }]),
    },
    now,
    ...spies('onPower', 'onNewSecret', 'onEditSecret', 'onDeleteSecret', 'onRetry'),
    costs: new Map(),
    costsPending: false,
    ...overrides,
  };
}

describe('a repository’s page', () => {
  it('lists the user’s codespaces there and offers New codespace preset to the repository', () => {
    renderView(<RepositoryView {...props()} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('mona/blog');
    expect(within(screen.getByRole('table', { name: 'Codespaces' })).getByRole('link', { name: 'Draft post' })).toHaveAttribute(
      'href',
      '/codespaces/blog-a',
    );
    expect(screen.getByRole('link', { name: 'New codespace' })).toHaveAttribute('href', '/codespaces/new?repo=mona%2Fblog');
  });

  it('does not repeat the repository on each of its codespaces: their column is the branch', () => {
    renderView(<RepositoryView {...props()} />);
    const table = screen.getByRole('table', { name: 'Codespaces' });
    expect(within(table).getByRole('columnheader', { name: 'Branch' })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: /Repository/ })).toBeNull();
    expect(within(table).queryByRole('link', { name: 'mona/blog' })).toBeNull();
  });

  it('shows the dev containers and machine types the repository offers', () => {
    renderView(<RepositoryView {...props()} />);
    expect(screen.getByText('.devcontainer/devcontainer.json')).toBeVisible();
    const row = within(screen.getByRole('table', { name: 'Machine types' })).getByRole('row', { name: /basicLinux32gb/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('2');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['8 GB', '32 GB', 'basicLinux32gb']);
  });

  it('with no codespace there, says so and how to create one', () => {
    renderView(<RepositoryView {...props({ codespaces: ok([]) })} />);
    expect(screen.getByRole('heading', { name: 'No codespaces in mona/blog' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Create one' })).toHaveAttribute('href', '/codespaces/new?repo=mona%2Fblog');
  });

  it('while loading, shows placeholders', () => {
    renderView(
      <RepositoryView {...props({ codespaces: { data: undefined, loading: true, error: null }, secrets: { kind: 'unknown' } })} />,
    );
    expect(screen.getByLabelText('Loading codespaces')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('heading', { name: /Codespaces secrets/ })).not.toBeInTheDocument();
  });

  it('a repository that does not exist or cannot be seen is said so', () => {
    const missing = new ApiError({ status: 404 });
    renderView(
      <RepositoryView
        {...props({
          standing: 'not-found',
          repository: { data: undefined, loading: false, error: missing },
          codespaces: { data: undefined, loading: false, error: missing },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'No repository named mona/blog' })).toBeVisible();
  });

  describe('a private repository GitHub hides from an OAuth App’s token without the repo scope', () => {
    const hiddenFrom = (consent: RepositoryViewProps['hidden']['consent'], privateRepositories = true) =>
      props({
        standing: 'hidden',
        hidden: { privateRepositories, consent },
        repository: { data: undefined, loading: false, error: new ApiError({ status: 404 }) },
        secrets: { kind: 'unknown' },
      });

    it('lists the user’s codespaces there, never “no such repository”, and says what it cannot show and why', async () => {
      const onGrant = vi.fn();
      renderView(<RepositoryView {...hiddenFrom({ kind: 'consent', granting: false, onGrant })} />);
      expect(screen.queryByRole('heading', { name: /No repository named/ })).not.toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('mona/blogPrivate');
      expect(within(screen.getByRole('table', { name: 'Codespaces' })).getByRole('link', { name: 'Draft post' })).toBeVisible();
      expect(screen.getByRole('table', { name: 'Machine types' })).toBeVisible();
      const notice = screen.getByRole('region', { name: 'What Hangar cannot show here' });
      expect(notice).toHaveTextContent('mona/blog is private, and you signed in to Hangar without GitHub’s repo scope');
      expect(notice).toHaveTextContent(/its description, branches and pull requests, and, if you administer it, its Codespaces secrets/);
      expect(notice).toHaveTextContent(/full access to all of yours/);
      expect(screen.getByRole('link', { name: 'Open on GitHub' })).toHaveAttribute('href', 'http://localhost/mona/blog');
      expect(screen.getByRole('link', { name: 'New codespace' })).toHaveAttribute('href', '/codespaces/new?repo=mona%2Fblog');
      await userEvent.click(within(notice).getByRole('button', { name: 'Grant repository access on GitHub' }));
      expect(onGrant).toHaveBeenCalledOnce();
    });

    it('in local mode, gives the command that adds the scope instead of a sign-in', () => {
      const advice = {
        message: 'This GitHub token lacks the scope repo.',
        command: 'gh auth refresh -h github.com -s repo',
        then: 'Then restart.',
      };
      renderView(<RepositoryView {...hiddenFrom({ kind: 'local', advice })} />);
      expect(screen.getByRole('region', { name: 'What Hangar cannot show here' })).toHaveTextContent(
        'gh auth refresh -h github.com -s repo',
      );
      expect(screen.queryByRole('button', { name: 'Grant repository access on GitHub' })).not.toBeInTheDocument();
    });

    it('with a GitHub App’s token, explains without offering a consent that cannot help', () => {
      renderView(<RepositoryView {...hiddenFrom(null, false)} />);
      expect(screen.getByRole('region', { name: 'What Hangar cannot show here' })).toHaveTextContent(/installed on/);
      expect(screen.queryByRole('button', { name: 'Grant repository access on GitHub' })).not.toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^mona\/blog$/);
    });
  });

  it('its administrators manage its Codespaces secrets; nothing but the name and date is shown', async () => {
    const onEditSecret = vi.fn();
    const onDeleteSecret = vi.fn();
    renderView(<RepositoryView {...props({ onEditSecret, onDeleteSecret })} />);
    const row = within(screen.getByRole('table', { name: 'Codespaces secrets of this repository' })).getByRole('row', {
      name: /DEPLOY_TOKEN/,
    });
    expect(row).toHaveTextContent('3 days ago');
    await userEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(onEditSecret).toHaveBeenCalledWith('DEPLOY_TOKEN');
    expect(onDeleteSecret).toHaveBeenCalledWith('DEPLOY_TOKEN');
  });

  it('someone who does not administer it is told only administrators manage its secrets', () => {
    renderView(<RepositoryView {...props({ secrets: { kind: 'not-admin' } })} />);
    expect(screen.getByText('Only administrators of mona/blog manage its Codespaces secrets.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'New secret' })).not.toBeInTheDocument();
  });

  it('as an OAuth App without the repo scope, says why it is needed and asks for it there', async () => {
    const onGrant = vi.fn();
    renderView(<RepositoryView {...props({ secrets: { kind: 'consent', consent: { kind: 'consent', granting: false, onGrant } } })} />);
    expect(screen.getByRole('region', { name: 'Codespaces secrets of this repository' })).toHaveTextContent(/only with the repo scope/);
    await userEvent.click(screen.getByRole('button', { name: 'Grant repository access on GitHub' }));
    expect(onGrant).toHaveBeenCalledOnce();
  });

  it('as a GitHub App that GitHub refuses, names the permission it needs', () => {
    renderView(
      <RepositoryView
        {...props({
          secrets: {
            kind: 'list',
            app: true,
            data: undefined,
            loading: false,
            error: new ApiError({ status: 403, message: 'Resource not accessible by integration' }),
          },
        })}
      />,
    );
    expect(screen.getByText(/needs the repository permission “Codespaces secrets” \(read and write\)/)).toBeVisible();
  });

  it('with no secret yet, says what they are for', () => {
    renderView(<RepositoryView {...props({ secrets: { kind: 'list', app: false, ...ok([]) } })} />);
    expect(screen.getByRole('heading', { name: 'No secrets in this repository' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'New secret' })).toBeEnabled();
  });
});
