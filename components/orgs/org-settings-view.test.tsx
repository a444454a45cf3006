import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/errors';
import type { OrgSecret, SecretRepository } from '@/lib/secrets/domain/types';
import { renderView, spies } from '@/lib/test/render-for-views';
import { OrgSettingsView, type OrgSettingsViewProps } from './org-settings-view';

const now = Date.parse('2026-11-25T12:00:00Z');
const secret = (name: string, visibility: OrgSecret['visibility']): OrgSecret => ({
  name,
  visibility,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-11-20T12:00:00Z',
});
const ok = <T,>(data: T) => ({ data, loading: false, error: null });

function props(overrides: Partial<OrgSettingsViewProps> = {}): OrgSettingsViewProps {
  return {
    org: 'octo-org',
    secrets: ok([secret('LICENSE_KEY', 'private'), secret('REGISTRY_TOKEN', 'all'), secret('STAGING_URL', 'selected')]),
    repositoriesOf: () => ok([{ id: 1, full_name: 'octo-org/api-server' } as SecretRepository]),
    members: ok([
      { key: 'hubot', label: 'hubot' },
      { key: 'mona', label: 'mona' },
    ]),
    draft: { visibility: null, usernames: new Set() },
    lastSet: null,
    now,
    githubWebUrl: 'https://github.com',
    ...spies('onDraftChange', 'onReviewAccess', 'onNewSecret', 'onEditSecret', 'onDeleteSecret', 'onRetry'),
    ...overrides,
  };
}

describe('an organisation’s Codespaces settings', () => {
  it('says GitHub has deprecated the API who may use Codespaces is set with, and links to the same setting on GitHub', () => {
    renderView(<OrgSettingsView {...props()} />);
    const note = screen.getByRole('note', { name: 'GitHub has deprecated this API' });
    expect(note).toHaveTextContent('It still works, but GitHub may change or remove it');
    expect(within(note).getByRole('link', { name: /Open octo-org’s Codespaces settings on GitHub/ })).toHaveAttribute(
      'href',
      'https://github.com/organizations/octo-org/settings/codespaces',
    );
  });

  it('says GitHub offers no way to read who may use Codespaces, and saves only once a choice is made', async () => {
    const onDraftChange = vi.fn();
    renderView(<OrgSettingsView {...props({ onDraftChange })} />);
    expect(screen.getByText(/GitHub offers no way to read the current setting/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save access' })).toBeDisabled();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'disabled',
      'selected_members',
      'all_members',
      'all_members_and_outside_collaborators',
    ]);
    await userEvent.click(screen.getByRole('radio', { name: /^All members Every member/ }));
    expect(onDraftChange).toHaveBeenCalledWith({ visibility: 'all_members', usernames: new Set() });
  });

  it('for selected members, picks them from the member list', async () => {
    const onDraftChange = vi.fn();
    const onReviewAccess = vi.fn();
    renderView(
      <OrgSettingsView
        {...props({ draft: { visibility: 'selected_members', usernames: new Set(['mona']) }, onDraftChange, onReviewAccess })}
      />,
    );
    const members = screen.getByRole('listbox', { name: 'Members' });
    expect(within(members).getByRole('option', { name: 'mona' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(within(members).getByRole('option', { name: 'hubot' }));
    expect(onDraftChange).toHaveBeenCalledWith({ visibility: 'selected_members', usernames: new Set(['mona', 'hubot']) });
    await userEvent.click(screen.getByRole('button', { name: 'Save access' }));
    expect(onReviewAccess).toHaveBeenCalledOnce();
  });

  it('after a change, shows it as what was last set here, since GitHub cannot be asked', () => {
    renderView(
      <OrgSettingsView
        {...props({ lastSet: { setting: { visibility: 'selected_members', usernames: ['hubot', 'mona'] }, at: now - 120_000 } })}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Saved: Selected members: hubot and mona (GitHub does not let Hangar read the current setting back, so this shows what was last set here) · 2 minutes ago',
    );
  });

  it('lists the organisation’s secrets with the repositories that may use each', () => {
    renderView(<OrgSettingsView {...props()} />);
    const table = screen.getByRole('table', { name: 'Codespaces secrets of octo-org' });
    expect(within(table).getByRole('row', { name: /LICENSE_KEY/ })).toHaveTextContent('Private repositories of octo-org');
    expect(within(table).getByRole('row', { name: /REGISTRY_TOKEN/ })).toHaveTextContent('All repositories of octo-org');
    expect(
      within(within(table).getByRole('row', { name: /STAGING_URL/ })).getByRole('link', { name: 'octo-org/api-server' }),
    ).toHaveAttribute('href', '/repos/octo-org/api-server');
  });

  it('a member who is not an owner is told plainly, and offered nothing to change', () => {
    renderView(
      <OrgSettingsView
        {...props({
          secrets: { data: undefined, loading: false, error: new ApiError({ status: 403, message: 'Must be an organization owner.' }) },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can change its Codespaces settings' })).toBeVisible();
    expect(
      screen.getByText(/GitHub refused: “Must be an organization owner.”. You are a member of octo-org but not one of its owners/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save access' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New secret' })).not.toBeInTheDocument();
  });

  it('a GitHub App missing a permission is told which, not that it is no owner', async () => {
    const error = new ApiError({
      status: 403,
      message: 'Resource not accessible by integration',
      acceptedPermissions: 'organization_codespaces_secrets=read',
    });
    renderView(<OrgSettingsView {...props({ secrets: { data: undefined, loading: false, error } })} />);
    expect(screen.queryByRole('heading', { name: /Only owners/ })).not.toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Organization codespaces secrets \(read\)/);
  });

  it('with no secret, says what they are for; while they load, says it is busy', () => {
    const { rerender } = renderView(<OrgSettingsView {...props({ secrets: ok([]) })} />);
    expect(screen.getByRole('heading', { name: 'No Codespaces secrets in octo-org' })).toBeVisible();
    rerender(<OrgSettingsView {...props({ secrets: { data: undefined, loading: true, error: null } })} />);
    expect(screen.getByLabelText('Loading secrets')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'New secret' })).toBeDisabled();
  });

  it('when GitHub fails otherwise, says why and offers to try again', async () => {
    const onRetry = vi.fn();
    renderView(
      <OrgSettingsView {...props({ secrets: { data: undefined, loading: false, error: new ApiError({ status: 502 }) }, onRetry })} />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('GitHub is having trouble');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
