import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import { renderView, spies } from '@/lib/test/render-for-views';
import { SecretFormDialog, type SecretFormDialogProps } from './secret-form-dialog';

const items = [
  { key: '1', label: 'mona/blog' },
  { key: '2', label: 'mona/dotfiles' },
  { key: '3', label: 'octo-org/octo-app' },
];

function props(overrides: Partial<SecretFormDialogProps> = {}): SecretFormDialogProps {
  return {
    mode: 'create',
    where: 'your codespaces',
    existingNames: ['NPM_TOKEN'],
    access: { kind: 'repositories', items, loading: false, error: null },
    saving: false,
    error: null,
    ...spies('onSave', 'onClose'),
    ...overrides,
  };
}

const dialog = () => screen.getByRole('dialog');
const save = () => userEvent.click(within(dialog()).getByRole('button', { name: 'Save secret' }));

describe('the new secret form', () => {
  it('has a Name, a Value and a repository picker whose options are named owner/repo', () => {
    renderView(<SecretFormDialog {...props()} />);
    expect(within(dialog()).getByLabelText('Name')).toBeVisible();
    expect(within(dialog()).getByLabelText('Value')).toBeVisible();
    const picker = within(dialog()).getByRole('listbox', { name: 'Repositories' });
    expect(picker).toHaveAttribute('aria-multiselectable', 'true');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['mona/blog', 'mona/dotfiles', 'octo-org/octo-app']);
  });

  it('says that values are never shown back and are sealed in the browser', () => {
    renderView(<SecretFormDialog {...props()} />);
    expect(within(dialog()).getByLabelText('Value')).toHaveAccessibleDescription(
      /Values are never shown back\. Your browser seals the value with GitHub’s public key before it leaves this page/,
    );
  });

  it('shows a name GitHub would refuse beside the field, and sends nothing', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...props({ onSave })} />);
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'GITHUB_TOKEN');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'x');
    await save();
    expect(within(dialog()).getByLabelText('Name')).toHaveAccessibleDescription('Names cannot start with GITHUB_');
    expect(within(dialog()).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('checks the name as I type, and never describes an invalid name as what it will create', async () => {
    renderView(<SecretFormDialog {...props()} />);
    const name = within(dialog()).getByLabelText('Name');
    await userEvent.type(name, 'my secret');
    // No blur, no submit: the field is still being typed in.
    expect(name).toHaveFocus();
    expect(within(dialog()).queryByText(/Creates MY SECRET/i)).not.toBeInTheDocument();
    expect(await within(dialog()).findByText(/letters, digits and underscores/i, { selector: '[id$="-error"]' })).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a name already in use and an empty value', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...props({ onSave })} />);
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'npm_token');
    await save();
    expect(within(dialog()).getByText('NPM_TOKEN already exists: edit it to give it a new value')).toBeVisible();
    expect(within(dialog()).getByText('Enter a value')).toBeVisible();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the name as GitHub keeps it, the value and the repositories chosen, and says so first', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...props({ onSave })} />);
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'deploy_key');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'hunter2');
    await userEvent.click(within(dialog()).getByRole('option', { name: 'mona/blog' }));
    await userEvent.click(within(dialog()).getByRole('option', { name: 'octo-org/octo-app' }));
    expect(within(dialog()).getByRole('option', { name: 'mona/blog' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog()).getByText('Creates DEPLOY_KEY for mona/blog and octo-org/octo-app, sealed in this browser.')).toBeVisible();
    await save();
    expect(onSave).toHaveBeenCalledWith({ name: 'DEPLOY_KEY', value: 'hunter2', visibility: 'selected', repositoryKeys: ['1', '3'] });
  });

  it('keeps a repository chosen while a search hides it, and toggles from the keyboard', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...props({ onSave })} />);
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'X');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await userEvent.click(within(dialog()).getByRole('option', { name: 'mona/blog' }));
    await userEvent.type(within(dialog()).getByRole('searchbox', { name: 'Search repositories' }), 'octo');
    expect(
      within(dialog())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['octo-org/octo-app']);
    within(dialog()).getByRole('listbox').focus();
    await userEvent.keyboard(' ');
    expect(within(dialog()).getByText('2 chosen: mona/blog, octo-org/octo-app')).toBeVisible();
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ repositoryKeys: ['1', '3'] }));
  });

  it('while the repositories load, says so', () => {
    renderView(<SecretFormDialog {...props({ access: { kind: 'repositories', items: undefined, loading: true, error: null } })} />);
    expect(within(dialog()).getByRole('status')).toHaveTextContent('Loading repositories…');
  });

  it('shows GitHub’s refusal in the dialog, and is busy while sealing and saving', async () => {
    const { rerender } = renderView(<SecretFormDialog {...props({ error: new ApiError({ status: 422, message: 'Bad key' }) })} />);
    expect(await within(dialog()).findByRole('alert')).toHaveTextContent('Bad key');
    rerender(<SecretFormDialog {...props({ saving: true })} />);
    expect(within(dialog()).getByRole('button', { name: 'Sealing and saving…' })).toBeDisabled();
  });
});

describe('editing a secret', () => {
  const edit = (overrides: Partial<SecretFormDialogProps> = {}) =>
    props({ mode: 'edit', name: 'NPM_TOKEN', initial: { visibility: 'selected', repositoryKeys: ['2'] }, ...overrides });

  it('waits for where the secret may be used before showing the form', () => {
    renderView(<SecretFormDialog {...edit({ initial: null })} />);
    expect(within(dialog()).getByRole('status')).toHaveTextContent('Loading where NPM_TOKEN may be used…');
    expect(within(dialog()).queryByLabelText('Value')).not.toBeInTheDocument();
  });

  it('with the value left empty, keeps it and changes only the repositories', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...edit({ onSave })} />);
    expect(within(dialog()).queryByLabelText('Name')).not.toBeInTheDocument();
    expect(within(dialog()).getByRole('option', { name: 'mona/dotfiles' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(within(dialog()).getByRole('option', { name: 'mona/blog' }));
    expect(within(dialog()).getByText('Keeps the value of NPM_TOKEN and makes it available to mona/blog and mona/dotfiles.')).toBeVisible();
    await save();
    expect(onSave).toHaveBeenCalledWith({ name: 'NPM_TOKEN', value: undefined, visibility: 'selected', repositoryKeys: ['2', '1'] });
  });

  it('a repository’s secret has only its value to change, so the value is required', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...edit({ access: { kind: 'none' }, initial: undefined, where: 'mona/blog', onSave })} />);
    expect(within(dialog()).queryByRole('listbox')).not.toBeInTheDocument();
    await save();
    expect(within(dialog()).getByText('Enter a value')).toBeVisible();
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'rotated');
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ name: 'NPM_TOKEN', value: 'rotated' }));
  });
});

describe('an organisation’s secret', () => {
  const org = (overrides: Partial<SecretFormDialogProps> = {}) =>
    props({ where: 'octo-org', access: { kind: 'visibility', owner: 'octo-org', items, loading: false, error: null }, ...overrides });

  it('is for all, the private or selected repositories; only selected ones are picked', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...org({ onSave })} />);
    expect(within(dialog()).getByRole('radio', { name: /Private repositories/ })).toBeChecked();
    expect(within(dialog()).queryByRole('listbox')).not.toBeInTheDocument();
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Selected repositories/ }));
    await userEvent.click(within(dialog()).getByRole('option', { name: 'octo-org/octo-app' }));
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'REGISTRY');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await save();
    expect(onSave).toHaveBeenCalledWith({ name: 'REGISTRY', value: 'v', visibility: 'selected', repositoryKeys: ['3'] });
  });

  it('for all repositories, sends no repository and says so', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...org({ onSave })} />);
    await userEvent.click(within(dialog()).getByRole('radio', { name: /All repositories/ }));
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'REGISTRY');
    expect(within(dialog()).getByText('Creates REGISTRY for all repositories of octo-org, sealed in this browser.')).toBeVisible();
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ visibility: 'all', repositoryKeys: [] }));
  });
});

describe('where GitHub hides private repositories from the picker (an OAuth App without the repo scope)', () => {
  const consent = (onGrant = vi.fn()) => ({ kind: 'consent' as const, granting: false, onGrant });
  const hiddenFor = (kind: 'repositories' | 'visibility', onGrant = vi.fn(), overrides: Partial<SecretFormDialogProps> = {}) =>
    props({
      access:
        kind === 'repositories'
          ? { kind, items, loading: false, error: null, privateHidden: consent(onGrant) }
          : { kind, owner: 'octo-org', items, loading: false, error: null, privateHidden: consent(onGrant) },
      ...overrides,
    });

  it('says so beside the picker, and offers the consent (warning that the form is left)', async () => {
    const onGrant = vi.fn();
    renderView(<SecretFormDialog {...hiddenFor('repositories', onGrant)} />);
    const notice = within(dialog()).getByRole('region', { name: 'Private repositories are hidden' });
    expect(notice).toHaveTextContent('GitHub lists only your public repositories');
    expect(notice).toHaveTextContent('Going to GitHub leaves this form without saving it.');
    await userEvent.click(within(notice).getByRole('button', { name: 'Grant repository access on GitHub' }));
    expect(onGrant).toHaveBeenCalledOnce();
  });

  it('never saves a secret for no repository: it says why, and sends nothing until one is chosen', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...hiddenFor('repositories', vi.fn(), { onSave })} />);
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'DEPLOY');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await save();
    expect(onSave).not.toHaveBeenCalled();
    expect(within(dialog()).getByRole('alert')).toHaveTextContent(/^Choose at least one repository. Private repositories are hidden/);
    await userEvent.click(within(dialog()).getByRole('option', { name: 'mona/blog' }));
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ name: 'DEPLOY', repositoryKeys: ['1'] }));
  });

  it('for an organisation, names it, and refuses only an empty choice of selected repositories', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...hiddenFor('visibility', vi.fn(), { onSave, where: 'octo-org' })} />);
    // Private repositories of octo-org need no picking: nothing hidden matters.
    expect(within(dialog()).queryByRole('region', { name: 'Private repositories are hidden' })).not.toBeInTheDocument();
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Selected repositories/ }));
    expect(within(dialog()).getByRole('region', { name: 'Private repositories are hidden' })).toHaveTextContent(
      'GitHub lists only the public repositories of octo-org',
    );
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'REGISTRY');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await save();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Private repositories/ }));
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ visibility: 'private', repositoryKeys: [] }));
  });

  it('without anything hidden, an empty choice is the user’s to make, as before', async () => {
    const onSave = vi.fn();
    renderView(<SecretFormDialog {...props({ onSave })} />);
    expect(within(dialog()).queryByRole('region', { name: 'Private repositories are hidden' })).not.toBeInTheDocument();
    await userEvent.type(within(dialog()).getByLabelText('Name'), 'DEPLOY');
    await userEvent.type(within(dialog()).getByLabelText('Value'), 'v');
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ repositoryKeys: [] }));
  });
});
