import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import type { SecretRepository, UserSecret } from '@/lib/secrets/domain/types';
import { renderView, spies } from '@/lib/test/render-for-views';
import { SecretsSection, type SecretsSectionProps } from './secrets-section';

const now = Date.parse('2026-11-25T12:00:00Z');
const secret = (name: string, updated_at: string): UserSecret => ({
  name,
  created_at: '2026-01-01T00:00:00Z',
  updated_at,
  visibility: 'selected',
  selected_repositories_url: `http://localhost/user/codespaces/secrets/${name}/repositories`,
});
const repository = (full_name: string) => ({ id: full_name.length, full_name }) as SecretRepository;
const secrets = [secret('NPM_TOKEN', '2026-11-13T12:00:00Z'), secret('SENTRY_DSN', '2026-11-25T11:58:00Z')];

type Props = Omit<SecretsSectionProps, 'secrets'> & { secrets: UserSecret[] | undefined; loading: boolean; error: unknown };

function props(overrides: Partial<Props> = {}): Props {
  return {
    scope: { kind: 'user' },
    secrets,
    loading: false,
    error: null,
    repositoriesOf: (name) => ({
      data: name === 'NPM_TOKEN' ? [repository('mona/blog'), repository('octo-org/octo-app')] : [],
      loading: false,
      error: null,
    }),
    now,
    ...spies('onNew', 'onEdit', 'onDelete', 'onRetry'),
    ...overrides,
  };
}

/** The user's secrets page, as the section renders it: the list given as one read. */
function MySecretsView({ secrets, loading, error, ...rest }: Props) {
  return <SecretsSection {...rest} secrets={{ data: secrets, loading, error }} />;
}

describe('the secrets page, in each of its states', () => {
  it('while loading, says it is busy and shows no table', () => {
    renderView(<MySecretsView {...props({ secrets: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading secrets')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('with no secret, explains what they are for and offers New secret', async () => {
    const onNew = vi.fn();
    renderView(<MySecretsView {...props({ secrets: [], onNew })} />);
    expect(screen.getByRole('heading', { name: 'No Codespaces secrets yet' })).toBeVisible();
    const buttons = screen.getAllByRole('button', { name: 'New secret' });
    await userEvent.click(buttons.at(-1)!);
    expect(onNew).toHaveBeenCalledOnce();
  });

  it('when GitHub refuses, says why in words and offers to try again', async () => {
    const onRetry = vi.fn();
    renderView(<MySecretsView {...props({ secrets: undefined, error: new ApiError({ status: 502 }), onRetry })} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('GitHub is having trouble');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('when a later read fails, keeps the list and says it shows what was last loaded', () => {
    renderView(<MySecretsView {...props({ error: new ApiError({ status: 504 }) })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Showing what was last loaded');
    expect(screen.getByRole('table', { name: 'Your Codespaces secrets' })).toBeVisible();
  });

  it('lists each secret with when it was updated (exact time on hover) and the repositories that may use it, linked', () => {
    renderView(<MySecretsView {...props()} />);
    const row = screen.getByRole('row', { name: /NPM_TOKEN/ });
    expect(within(row).getByText('12 days ago')).toHaveAttribute('title', '2026-11-13 12:00 UTC');
    expect(within(row).getByRole('link', { name: 'mona/blog' })).toHaveAttribute('href', '/repos/mona/blog');
    expect(within(row).getByRole('link', { name: 'octo-org/octo-app' })).toHaveAttribute('href', '/repos/octo-org/octo-app');
    expect(within(screen.getByRole('row', { name: /SENTRY_DSN/ })).getByText('No repository yet')).toBeVisible();
  });

  it('has no column for values: GitHub never gives them back', () => {
    renderView(<MySecretsView {...props()} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Updated', 'Repositories', 'Actions']);
  });

  it('says so where a secret’s repositories are still loading or could not be read', () => {
    renderView(
      <MySecretsView
        {...props({
          repositoriesOf: (name) =>
            name === 'NPM_TOKEN'
              ? { data: undefined, loading: true, error: null }
              : { data: undefined, loading: false, error: new ApiError({ status: 502 }) },
        })}
      />,
    );
    expect(within(screen.getByRole('row', { name: /NPM_TOKEN/ })).getByText('Loading…')).toBeVisible();
    expect(within(screen.getByRole('row', { name: /SENTRY_DSN/ })).getByText(/Could not load/)).toBeVisible();
  });

  it('edits and deletes the secret of the row', async () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    renderView(<MySecretsView {...props({ onEdit, onDelete })} />);
    const row = screen.getByRole('row', { name: /SENTRY_DSN/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(onEdit).toHaveBeenCalledWith('SENTRY_DSN');
    expect(onDelete).toHaveBeenCalledWith('SENTRY_DSN');
  });
});
