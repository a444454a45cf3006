import { describe, expect, it } from 'vitest';
import { secretFormErrors, secretSaveInWords, whoMayUse } from './form';

describe('the secret form, before anything is sent', () => {
  it('a new secret needs a name GitHub accepts and a value, each error beside its field', () => {
    expect(secretFormErrors({ name: '', value: '' }, 'create')).toEqual({ name: 'Enter a name', value: 'Enter a value' });
    expect(secretFormErrors({ name: 'GITHUB_TOKEN', value: 'x' }, 'create')).toEqual({ name: 'Names cannot start with GITHUB_' });
    expect(secretFormErrors({ name: '1PASSWORD', value: 'x' }, 'create')).toEqual({ name: 'Names cannot start with a number' });
    expect(secretFormErrors({ name: 'NPM-TOKEN', value: 'x' }, 'create')).toEqual({
      name: 'Names can only contain letters, digits and underscores',
    });
    expect(secretFormErrors({ name: 'npm_token', value: 'x' }, 'create')).toEqual({});
  });

  it('a name already in use is refused as GitHub keeps names: in upper case', () => {
    expect(secretFormErrors({ name: 'npm_token', value: 'x' }, 'create', ['NPM_TOKEN'])).toEqual({
      name: 'NPM_TOKEN already exists: edit it to give it a new value',
    });
  });

  it('replacing a value (all a repository’s secret has to change) needs one', () => {
    expect(secretFormErrors({ name: 'DEPLOY_KEY', value: '' }, 'replace')).toEqual({ value: 'Enter a value' });
    expect(secretFormErrors({ name: 'DEPLOY_KEY', value: 'new' }, 'replace')).toEqual({});
  });

  it('editing keeps the name, and an empty value keeps the stored one', () => {
    expect(secretFormErrors({ name: 'NPM_TOKEN', value: '' }, 'edit')).toEqual({});
    expect(secretFormErrors({ name: 'NPM_TOKEN', value: 'x'.repeat(48 * 1024 + 1) }, 'edit')).toEqual({
      value: 'Values can be at most 48 KB',
    });
  });

  it('refuses a secret for no repository when private repositories are hidden from the picker, saying why', () => {
    const fields = { name: 'NPM_TOKEN', value: 'x' };
    const none = { visibility: 'selected' as const, chosen: 0, privateHidden: true };
    expect(secretFormErrors(fields, 'create', [], none).repositories).toMatch(
      /^Choose at least one repository. Private repositories are hidden/,
    );
    expect(secretFormErrors(fields, 'edit', [], none).repositories).toBeDefined();
    // One chosen, another visibility, or nothing hidden: nothing to refuse.
    expect(secretFormErrors(fields, 'create', [], { ...none, chosen: 1 })).toEqual({});
    expect(secretFormErrors(fields, 'create', [], { ...none, visibility: 'private' })).toEqual({});
    expect(secretFormErrors(fields, 'create', [], { ...none, privateHidden: false })).toEqual({});
  });
});

describe('what a save will change, in words', () => {
  it('says who may use the secret', () => {
    expect(whoMayUse({ visibility: 'selected', repositories: ['mona/blog'] })).toBe('mona/blog');
    expect(whoMayUse({ visibility: 'selected', repositories: ['a/1', 'a/2', 'a/3', 'a/4', 'a/5'] })).toBe('a/1, a/2, a/3 and 2 more');
    expect(whoMayUse({ visibility: 'selected', repositories: [] })).toBe('no repository yet');
    expect(whoMayUse({ visibility: 'private', repositories: [] }, 'octo-org')).toBe('private repositories of octo-org');
  });

  it('says a value is sealed in the browser, never the value itself', () => {
    expect(
      secretSaveInWords({
        name: 'npm_token',
        creating: true,
        newValue: true,
        access: { visibility: 'selected', repositories: ['mona/blog'] },
      }),
    ).toBe('Creates NPM_TOKEN for mona/blog, sealed in this browser.');
    expect(secretSaveInWords({ name: 'DEPLOY_KEY', creating: false, newValue: true })).toBe(
      'Gives DEPLOY_KEY a new value (sealed in this browser).',
    );
    expect(
      secretSaveInWords({
        name: 'NPM_TOKEN',
        creating: false,
        newValue: false,
        access: { visibility: 'all', repositories: [], owner: 'octo-org' },
      }),
    ).toBe('Keeps the value of NPM_TOKEN and makes it available to all repositories of octo-org.');
  });

  it('says when no codespace will get the secret yet', () => {
    expect(secretSaveInWords({ name: 'X', creating: true, newValue: true, access: { visibility: 'selected', repositories: [] } })).toBe(
      'Creates X, sealed in this browser. No codespace gets it until you choose repositories.',
    );
  });
});
