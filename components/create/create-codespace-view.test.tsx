import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api/client';
import { createFormReducer, effectiveChoices, initialCreateForm, type CreateFormState } from '@/lib/codespaces/create-form';
import { renderView } from '@/lib/test/render-for-views';
import { CreateCodespaceView, type CreateCodespaceViewProps } from './create-codespace-view';

const repositories = [
  { id: 1, full_name: 'octo-org/web', default_branch: 'main' },
  { id: 2, full_name: 'mona/blog', default_branch: 'main' },
] as unknown as NonNullable<CreateCodespaceViewProps['repositories']['data']>;
const loaded = <T,>(data: T | undefined) => ({ data, loading: data === undefined });

function props(state: CreateFormState, overrides: Partial<CreateCodespaceViewProps> = {}): CreateCodespaceViewProps {
  return {
    state,
    dispatch: vi.fn(),
    choices: effectiveChoices(state, { defaultBranch: 'main' }),
    repositories: loaded(repositories),
    branches: loaded(undefined),
    pulls: loaded(undefined),
    devcontainers: loaded(undefined),
    machines: { ...loaded(undefined), fetching: false },
    needsConsent: false,
    errors: {},
    ready: false,
    pending: false,
    createError: null,
    onDismissCreateError: vi.fn(),
    onSubmit: vi.fn(),
    ...overrides,
  };
}

const fresh = initialCreateForm(null, 'repository');
const chosen = createFormReducer(fresh, { type: 'repository', repo: 'octo-org/web' });

describe('the create page, in each of its states', () => {
  it('offers the repositories by owner/name, and Create stays disabled until one is chosen', async () => {
    const dispatch = vi.fn();
    renderView(<CreateCodespaceView {...props(fresh, { dispatch })} />);
    expect(screen.getByRole('option', { name: 'octo-org/web' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create codespace' })).toBeDisabled();
    await userEvent.selectOptions(screen.getByRole('listbox', { name: 'Repository' }), 'mona/blog');
    expect(dispatch).toHaveBeenCalledWith({ type: 'repository', repo: 'mona/blog' });
  });

  it('says when the repositories are still loading, and why they could not be', () => {
    const { unmount } = renderView(<CreateCodespaceView {...props(fresh, { repositories: loaded(undefined) })} />);
    expect(screen.getByRole('listbox', { name: 'Repository' })).toHaveAttribute('aria-busy', 'true');
    unmount();
    renderView(
      <CreateCodespaceView
        {...props(fresh, { repositories: { data: undefined, loading: false, error: new ApiError({ status: 401 }) } })}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended');
  });

  it('with a repository chosen, shows its settings with GitHub’s defaults, and creates on submit', async () => {
    const onSubmit = vi.fn();
    renderView(<CreateCodespaceView {...props(chosen, { ready: true, onSubmit })} />);
    expect(screen.getByLabelText('Branch')).toHaveValue('main');
    expect(screen.getByLabelText('Idle timeout (minutes)')).toHaveValue(30);
    await userEvent.click(screen.getByRole('button', { name: 'Create codespace' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('while creating, says so and cannot be sent again', () => {
    renderView(<CreateCodespaceView {...props(chosen, { ready: false, pending: true })} />);
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  });

  it('asks before creating without the extra permissions a dev container wants', () => {
    renderView(<CreateCodespaceView {...props(chosen, { needsConsent: true })} />);
    expect(screen.getByText('This dev container asks for access to other repositories')).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Create without the additional permissions' })).not.toBeChecked();
  });

  it('shows each field’s problem beside it, and GitHub’s refusal in words', () => {
    renderView(
      <CreateCodespaceView
        {...props(chosen, { errors: { idleTimeoutMinutes: 'At most 240 minutes (4 hours)' }, createError: new ApiError({ status: 402 }) })}
      />,
    );
    expect(screen.getAllByText(/At most 240 minutes/).length).toBeGreaterThan(0);
    expect(screen.getByText('Codespaces billing limit reached')).toBeVisible();
  });
});
