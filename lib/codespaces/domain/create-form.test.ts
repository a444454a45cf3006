import { describe, expect, it } from 'vitest';
import {
  canCreate,
  createFormReducer,
  createNotFoundInWords,
  createTarget,
  effectiveChoices,
  formValues,
  initialCreateForm,
  parsePullRequestUrl,
  pullRequestCheck,
  pullUrlProblem,
  toCreateBody,
  type CreateFormValues,
  type RepositoryFacts,
} from './create-form';

const base: CreateFormValues = {
  ref: 'main',
  devcontainerPath: '.devcontainer/devcontainer.json',
  machine: 'standardLinux32gb',
  geo: 'EuropeWest',
  idleTimeoutMinutes: 30,
  retentionPeriodMinutes: 43200,
  displayName: '',
  permissionsOptOut: false,
};

describe('the create form', () => {
  it('turns the defaults into a valid request body', () => {
    expect(toCreateBody(base, 'repository')).toEqual({
      ok: true,
      body: {
        ref: 'main',
        devcontainer_path: '.devcontainer/devcontainer.json',
        machine: 'standardLinux32gb',
        geo: 'EuropeWest',
        idle_timeout_minutes: 30,
        retention_period_minutes: 43200,
      },
    });
  });

  it('leaves out the ref and retention for a pull request, which brings its own branch', () => {
    const result = toCreateBody({ ...base, displayName: 'Review #12' }, 'pullRequest');
    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.body).not.toHaveProperty('ref');
      expect(result.body.display_name).toBe('Review #12');
    }
  });

  it('says which fields are wrong, in words', () => {
    const result = toCreateBody({ ...base, idleTimeoutMinutes: 2, displayName: 'x'.repeat(49), ref: 'bad ref' }, 'repository');
    expect(result).toEqual({
      ok: false,
      errors: { idleTimeoutMinutes: 'At least 5 minutes', displayName: 'At most 48 characters', ref: 'Not a branch, tag or commit' },
    });
  });

  it('refuses a non-number idle timeout and a retention over 30 days', () => {
    const result = toCreateBody({ ...base, idleTimeoutMinutes: 'soon', retentionPeriodMinutes: 50000 }, 'repository');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.idleTimeoutMinutes).toBeDefined();
      expect(result.errors.retentionPeriodMinutes).toContain('30 days');
    }
  });

  it('sends the permissions opt-out only when chosen', () => {
    const result = toCreateBody({ ...base, permissionsOptOut: true }, 'repository');
    expect(result.ok && result.body.multi_repo_permissions_opt_out).toBe(true);
  });

  it('asks for a region by geo, GitHub’s replacement for the closing-down location, and nothing else', () => {
    for (const geo of ['UsEast', 'UsWest', 'EuropeWest', 'SoutheastAsia']) {
      const result = toCreateBody({ ...base, geo }, 'repository');
      expect(result.ok && result.body.geo).toBe(geo);
      expect(result.ok && 'location' in result.body).toBe(false);
    }
    expect(toCreateBody({ ...base, geo: 'WestEurope' }, 'repository').ok).toBe(false);
    // No region chosen: GitHub picks the nearest.
    const nearest = toCreateBody({ ...base, geo: '' }, 'repository');
    expect(nearest.ok && 'geo' in nearest.body).toBe(false);
  });

  it('refuses a dev container path that leaves the repository', () => {
    expect(toCreateBody({ ...base, devcontainerPath: '../other/devcontainer.json' }, 'repository').ok).toBe(false);
  });
});

describe('pull request URLs', () => {
  it('reads owner, repository and number from a pasted URL or a short form', () => {
    expect(parsePullRequestUrl('https://github.com/octo-org/web/pull/42')).toEqual({ owner: 'octo-org', repo: 'web', number: 42 });
    expect(parsePullRequestUrl('https://github.com/octo-org/web/pull/42/files#diff')).toEqual({
      owner: 'octo-org',
      repo: 'web',
      number: 42,
    });
    expect(parsePullRequestUrl('octo-org/web.js/pull/7')).toEqual({ owner: 'octo-org', repo: 'web.js', number: 7 });
  });
  it('refuses anything else', () => {
    expect(parsePullRequestUrl('https://github.com/octo-org/web/issues/42')).toBeNull();
    expect(parsePullRequestUrl('octo-org/web/pull/0')).toBeNull();
    expect(parsePullRequestUrl('not a url')).toBeNull();
  });
});

describe('the create form’s choices and defaults', () => {
  const fresh = () => initialCreateForm(null, 'repository');
  const facts: RepositoryFacts = {
    defaultBranch: 'main',
    pullHeads: new Map([[7, 'feat/search']]),
    defaults: { devcontainer_path: '.devcontainer/devcontainer.json' },
    machines: ['basicLinux32gb', 'standardLinux32gb'],
  };

  it('needs only a repository: everything else takes GitHub’s defaults', () => {
    const state = createFormReducer(fresh(), { type: 'repository', repo: 'octo-org/web' });
    expect(createTarget(state)).toEqual({ kind: 'repository', repo: 'octo-org/web' });
    expect(canCreate(state, { needsConsent: false, pending: false })).toBe(true);
    expect(effectiveChoices(state, facts)).toEqual({
      ref: 'main',
      geo: '',
      devcontainer: '.devcontainer/devcontainer.json',
      machine: 'basicLinux32gb',
    });
  });

  it('cannot create before a repository (or a pull request) is chosen, while sending, or with permissions undecided', () => {
    expect(canCreate(fresh(), { needsConsent: false, pending: false })).toBe(false);
    const chosen = createFormReducer(fresh(), { type: 'repository', repo: 'octo-org/web' });
    expect(canCreate(chosen, { needsConsent: false, pending: true })).toBe(false);
    expect(canCreate(chosen, { needsConsent: true, pending: false })).toBe(false);
    expect(canCreate(createFormReducer(chosen, { type: 'optOut', value: true }), { needsConsent: true, pending: false })).toBe(true);
    expect(canCreate(createFormReducer(chosen, { type: 'source', source: 'pullRequest' }), { needsConsent: false, pending: false })).toBe(
      false,
    );
  });

  it('keeps the user’s own choices, and drops a machine the repository no longer offers', () => {
    let state = createFormReducer(fresh(), { type: 'repository', repo: 'octo-org/web' });
    state = createFormReducer(state, { type: 'field', field: 'ref', value: 'develop' });
    state = createFormReducer(state, { type: 'field', field: 'machine', value: 'standardLinux32gb' });
    expect(effectiveChoices(state, facts)).toMatchObject({ ref: 'develop', machine: 'standardLinux32gb' });
    expect(effectiveChoices(state, { ...facts, machines: ['basicLinux32gb'] }).machine).toBe('basicLinux32gb');
  });

  it('forgets branch, dev container, machine and consent when the repository changes', () => {
    let state = createFormReducer(fresh(), { type: 'repository', repo: 'octo-org/web' });
    state = createFormReducer(state, { type: 'field', field: 'ref', value: 'develop' });
    state = createFormReducer(state, { type: 'field', field: 'devcontainer', value: '.devcontainer/gpu/devcontainer.json' });
    state = createFormReducer(state, { type: 'optOut', value: true });
    state = createFormReducer(state, { type: 'field', field: 'idle', value: '90' });
    state = createFormReducer(state, { type: 'repository', repo: 'octo-org/api' });
    expect(state).toMatchObject({ repo: 'octo-org/api', ref: '', devcontainer: '', machine: '', optOut: false, idle: '90' });
  });

  it('takes a pull request from its URL: the repository, the number, and its head branch as the ref', () => {
    const state = createFormReducer(initialCreateForm(null, 'pullRequest'), {
      type: 'pullUrl',
      value: 'https://github.com/octo-org/web/pull/7',
    });
    expect(createTarget(state)).toEqual({ kind: 'pullRequest', repo: 'octo-org/web', number: 7 });
    expect(effectiveChoices(state, facts).ref).toBe('feat/search');
    expect(pullUrlProblem(state)).toBeUndefined();
  });

  it('creates nothing once the URL stops being one: replaced by garbage, the pull request it named is gone (issue 25)', () => {
    let state = createFormReducer(initialCreateForm(null, 'pullRequest'), {
      type: 'pullUrl',
      value: 'https://github.com/octo-org/web/pull/2',
    });
    state = createFormReducer(state, { type: 'pullUrl', value: 'garbage' });
    expect(state.pullUrl).toBe('garbage');
    expect(createTarget(state)).toBeNull();
    expect(canCreate(state, { needsConsent: false, pending: false })).toBe(false);
    expect(pullUrlProblem(state)).toBe('Not a pull request URL');
    // Emptied, nothing is chosen either.
    expect(createTarget(createFormReducer(state, { type: 'pullUrl', value: '' }))).toBeNull();
  });

  it('never creates from a pull request other than the one the URL names', () => {
    const fromUrl = createFormReducer(initialCreateForm(null, 'pullRequest'), { type: 'pullUrl', value: 'octo-org/web/pull/2' });
    // Picking another from the list replaces the address; picking another repository empties it.
    const picked = createFormReducer(fromUrl, { type: 'pull', number: 3 });
    expect(picked.pullUrl).toBe('');
    expect(createTarget(picked)).toEqual({ kind: 'pullRequest', repo: 'octo-org/web', number: 3 });
    const elsewhere = createFormReducer(fromUrl, { type: 'repository', repo: 'mona/blog' });
    expect(elsewhere).toMatchObject({ pullUrl: '', pull: null });
    expect(createTarget(elsewhere)).toBeNull();
    // A state whose address and choice disagree, however it came about, creates nothing.
    expect(createTarget({ ...fromUrl, pull: { repo: 'octo-org/web', number: 3 } })).toBeNull();
    expect(createTarget({ ...fromUrl, pull: { repo: 'octo-org/api', number: 2 } })).toBeNull();
  });

  it('turns the state into the request body the proxy accepts, with the retention in minutes', () => {
    const state = createFormReducer(createFormReducer(fresh(), { type: 'repository', repo: 'octo-org/web' }), {
      type: 'retention',
      days: 7,
    });
    const result = toCreateBody(formValues(state, effectiveChoices(state, facts), false), 'repository');
    expect(result).toMatchObject({ ok: true, body: { ref: 'main', retention_period_minutes: 7 * 1440, idle_timeout_minutes: 30 } });
  });
});

describe('checking a pull request before creating from it', () => {
  const loaded = { loaded: true };
  const pending = { loaded: false };
  const notFound = { loaded: false, failedWith: 404 };
  const pull = { loaded: true, data: { title: 'Fix redirect loop', head: { ref: 'fix/login-redirect' } } };

  it('names the pull request it found', () => {
    expect(pullRequestCheck(true, pull, loaded)).toEqual({ kind: 'found', title: 'Fix redirect loop', head: 'fix/login-redirect' });
  });

  it('says a pull request is missing where the repository’s pull requests can be read, and then nothing can be created', () => {
    expect(pullRequestCheck(true, notFound, loaded)).toEqual({ kind: 'missing' });
    const state = createFormReducer(initialCreateForm(null, 'pullRequest'), { type: 'pullUrl', value: 'octo-org/web/pull/999' });
    expect(canCreate(state, { needsConsent: false, pending: false, pullMissing: true })).toBe(false);
    expect(canCreate(state, { needsConsent: false, pending: false, pullMissing: false })).toBe(true);
  });

  it('cannot tell missing from hidden where GitHub shows neither the pull request nor the list (a private repository without repo)', () => {
    expect(pullRequestCheck(true, notFound, notFound)).toEqual({ kind: 'hidden' });
    expect(pullRequestCheck(true, notFound, pending)).toEqual({ kind: 'checking' });
    expect(pullRequestCheck(true, { loaded: false, failedWith: 502 }, loaded)).toEqual({ kind: 'unchecked' });
    expect(pullRequestCheck(false, notFound, loaded)).toEqual({ kind: 'none' });
  });

  it('says in words what GitHub did not find when it refuses with 404', () => {
    expect(createNotFoundInWords({ kind: 'pullRequest', repo: 'octo-org/web', number: 999 })).toBe(
      'GitHub found no pull request #999 in octo-org/web that you can create a codespace from. Check its number and repository.',
    );
    expect(createNotFoundInWords({ kind: 'repository', repo: 'octo-org/nope' })).toContain('no repository octo-org/nope');
  });
});
