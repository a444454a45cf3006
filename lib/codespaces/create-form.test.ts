import { describe, expect, it } from 'vitest';
import { parsePullRequestUrl, toCreateBody, type CreateFormValues } from './create-form';

const base: CreateFormValues = {
  ref: 'main',
  devcontainerPath: '.devcontainer/devcontainer.json',
  machine: 'standardLinux32gb',
  location: 'WestEurope',
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
        location: 'WestEurope',
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
