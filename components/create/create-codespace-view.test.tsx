import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import { createFormReducer, effectiveChoices, initialCreateForm, type CreateFormState } from '@/lib/codespaces/domain/create-form';
import { renderView, spies } from '@/lib/test/render-for-views';
import { CreateCodespaceView, type CreateCodespaceViewProps } from './create-codespace-view';

const repositories = [
  { id: 1, full_name: 'octo-org/web' },
  { id: 2, full_name: 'mona/blog' },
];
const loaded = <T,>(data: T | undefined) => ({ data, loading: data === undefined });

function props(state: CreateFormState, overrides: Partial<CreateCodespaceViewProps> = {}): CreateCodespaceViewProps {
  return {
    state,
    dispatch: vi.fn(),
    choices: effectiveChoices(state, { defaultBranch: 'main' }),
    repositories: loaded(repositories),
    privateRepositories: { hidden: false },
    branches: loaded(undefined),
    pulls: loaded(undefined),
    pullCheck: { kind: 'none' },
    devcontainers: loaded(undefined),
    machines: { ...loaded(undefined), fetching: false },
    needsConsent: false,
    errors: {},
    ready: false,
    pending: false,
    createError: null,
    createNotFound: null,
    ...spies('onDismissCreateError', 'onSubmit'),
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

  it('says when the repositories are still loading, and why they could not be', async () => {
    const { unmount } = renderView(<CreateCodespaceView {...props(fresh, { repositories: loaded(undefined) })} />);
    expect(screen.getByRole('listbox', { name: 'Repository' })).toHaveAttribute('aria-busy', 'true');
    unmount();
    renderView(
      <CreateCodespaceView
        {...props(fresh, { repositories: { data: undefined, loading: false, error: new ApiError({ status: 401 }) } })}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended');
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

  it('shows each field’s problem beside it, and GitHub’s refusal in words', async () => {
    renderView(
      <CreateCodespaceView
        {...props(chosen, { errors: { idleTimeoutMinutes: 'At most 240 minutes (4 hours)' }, createError: new ApiError({ status: 402 }) })}
      />,
    );
    expect(screen.getAllByText(/At most 240 minutes/).length).toBeGreaterThan(0);
    expect(await screen.findByText('Codespaces billing limit reached')).toBeVisible();
  });
});

describe('the create page where GitHub hides private repositories (an OAuth App without the repo scope)', () => {
  const consent = (onGrant = vi.fn()) => ({ kind: 'consent' as const, granting: false, onGrant });

  it('says so, offers what Hangar knows of, and asks for the repo scope saying why before it goes', async () => {
    const onGrant = vi.fn();
    renderView(<CreateCodespaceView {...props(fresh, { privateRepositories: { hidden: true, consent: consent(onGrant) } })} />);
    const notice = screen.getByRole('region', { name: 'Private repositories are hidden' });
    expect(notice).toHaveTextContent('without GitHub’s repo scope, so GitHub lists only your public repositories');
    expect(notice).toHaveTextContent('creating a codespace needs only the codespace scope');
    expect(notice).toHaveTextContent(/full access to all of yours/);
    expect(screen.getByRole('option', { name: 'mona/blog' })).toBeInTheDocument();
    await userEvent.click(within(notice).getByRole('button', { name: 'Grant repository access on GitHub' }));
    expect(onGrant).toHaveBeenCalledOnce();
  });

  it('takes a typed owner/repo that no list has: it becomes an option, and Enter chooses it', async () => {
    const dispatch = vi.fn();
    renderView(<CreateCodespaceView {...props(fresh, { dispatch, privateRepositories: { hidden: true, consent: consent() } })} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search repositories' }), 'mona/homelab');
    expect(
      within(screen.getByRole('listbox', { name: 'Repository' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['mona/homelab']);
    await userEvent.keyboard('{Enter}');
    expect(dispatch).toHaveBeenCalledWith({ type: 'repository', repo: 'mona/homelab' });
  });

  it('keeps a chosen repository no list has as the chosen option (from a repository page’s New codespace)', () => {
    const typed = createFormReducer(fresh, { type: 'repository', repo: 'mona/homelab' });
    renderView(<CreateCodespaceView {...props(typed, { privateRepositories: { hidden: true, consent: consent() } })} />);
    expect(screen.getByRole('listbox', { name: 'Repository' })).toHaveValue('mona/homelab');
  });

  it('asks for a branch by name where GitHub does not list them, defaulting to the repository’s own', async () => {
    const dispatch = vi.fn();
    renderView(
      <CreateCodespaceView
        {...props(chosen, {
          dispatch,
          choices: effectiveChoices(chosen, {}),
          privateRepositories: { hidden: true, consent: consent() },
          branches: { data: undefined, loading: false, error: new ApiError({ status: 404 }) },
        })}
      />,
    );
    const branch = screen.getByRole('textbox', { name: 'Branch' });
    expect(branch).toHaveValue('');
    expect(branch).toHaveAttribute('placeholder', 'Default branch');
    expect(screen.getByText(/does not list a private repository’s branches without the repo scope/)).toBeVisible();
    await userEvent.type(branch, 'x');
    expect(dispatch).toHaveBeenCalledWith({ type: 'field', field: 'ref', value: 'x' });
  });

  it('with a GitHub App’s token or the scope granted, shows no consent', () => {
    renderView(<CreateCodespaceView {...props(fresh)} />);
    expect(screen.queryByRole('region', { name: 'Private repositories are hidden' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Grant repository access on GitHub' })).not.toBeInTheDocument();
  });
});

describe('the create page with nothing to offer (a new account)', () => {
  it('says how to go on instead of “No repository matches “””', () => {
    renderView(<CreateCodespaceView {...props(fresh, { repositories: loaded([]) })} />);
    expect(screen.queryByText(/No repository matches/)).not.toBeInTheDocument();
    expect(screen.getByText(/No repositories to offer yet/)).toBeVisible();
    expect(screen.getByText(/No repositories to offer yet/)).toHaveTextContent(
      'Type a repository you can use as owner/name above and press Enter.',
    );
  });

  it('says what a search did not match, and that a full name can be typed', async () => {
    renderView(<CreateCodespaceView {...props(fresh)} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search repositories' }), 'zzz');
    expect(screen.getByRole('status')).toHaveTextContent('No repository matches “zzz”. To use one that is not listed, type its full name');
  });
});

describe('creating from a pull request', () => {
  const fromUrl = (value: string) => createFormReducer(initialCreateForm(null, 'pullRequest'), { type: 'pullUrl', value });

  it('says when the URL is not one, and cannot create', () => {
    const state = createFormReducer(fromUrl('https://github.com/octo-org/web/pull/2'), { type: 'pullUrl', value: 'garbage' });
    renderView(<CreateCodespaceView {...props(state, { ready: false })} />);
    expect(screen.getByText('Not a pull request URL')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create codespace' })).toBeDisabled();
  });

  it('says plainly when the repository has no such pull request', () => {
    renderView(<CreateCodespaceView {...props(fromUrl('octo-org/web/pull/999'), { pulls: loaded([]), pullCheck: { kind: 'missing' } })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('octo-org/web has no pull request #999.');
  });

  it('names the pull request it found, and its branch', () => {
    renderView(
      <CreateCodespaceView
        {...props(fromUrl('octo-org/web/pull/2'), {
          pullCheck: { kind: 'found', title: 'Fix login', head: 'fix/login' },
          pulls: loaded([]),
        })}
      />,
    );
    expect(screen.getByText(/Pull request #2: Fix login, on/)).toHaveTextContent('fix/login');
    expect(screen.getByLabelText('Pull request', { selector: 'select' })).toHaveValue('2');
  });

  it('explains why a private repository’s pull requests cannot be listed, and takes the pasted URL', () => {
    renderView(
      <CreateCodespaceView
        {...props(fromUrl('octo-org/web/pull/2'), {
          privateRepositories: { hidden: true, consent: { kind: 'consent', granting: false, onGrant: vi.fn() } },
          pulls: { data: undefined, loading: false, error: new ApiError({ status: 404 }) },
          pullCheck: { kind: 'hidden' },
          ready: true,
        })}
      />,
    );
    expect(screen.getByText(/Hangar cannot check pull request #2/)).toHaveTextContent(
      'GitHub does not list the pull requests of a private repository without the repo scope. GitHub checks it when you create the codespace.',
    );
    expect(screen.getByRole('button', { name: 'Create codespace' })).toBeEnabled();
  });

  it('with the repository chosen but no pull request, says why none are listed and where to paste one', () => {
    const state = createFormReducer(initialCreateForm(null, 'pullRequest'), { type: 'repository', repo: 'octo-org/web' });
    renderView(
      <CreateCodespaceView
        {...props(state, {
          privateRepositories: { hidden: true, consent: { kind: 'consent', granting: false, onGrant: vi.fn() } },
          pulls: { data: undefined, loading: false, error: new ApiError({ status: 404 }) },
        })}
      />,
    );
    expect(screen.getByText(/GitHub does not list the pull requests of octo-org\/web without the repo scope/)).toHaveTextContent(
      'Paste the pull request’s URL above.',
    );
  });

  it('says what GitHub did not find when it answers 404', () => {
    renderView(
      <CreateCodespaceView
        {...props(fromUrl('octo-org/web/pull/999'), {
          createError: new ApiError({ status: 404 }),
          createNotFound: 'GitHub found no pull request #999 in octo-org/web that you can create a codespace from.',
        })}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('GitHub found no pull request #999 in octo-org/web');
    expect(screen.queryByText('Not found')).not.toBeInTheDocument();
  });
});

describe('the region', () => {
  it('offers GitHub’s geos, the nearest by default', () => {
    renderView(<CreateCodespaceView {...props(chosen)} />);
    const region = screen.getByLabelText('Region');
    expect(region).toHaveValue('');
    expect(
      within(region)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['', 'UsEast', 'UsWest', 'EuropeWest', 'SoutheastAsia']);
  });
});
