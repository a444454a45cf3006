import { describe, expect, it } from 'vitest';
import { checkSignInQuery } from './sign-in-params';
import { consentScopes } from './scopes';

const check = (query: string) => checkSignInQuery(new URLSearchParams(query));

describe('what a sign-in may ask GitHub for', () => {
  it('Hangar’s own scopes, or those plus admin:org (incremental consent), in any order or separator', () => {
    expect(check('')).toEqual({ ok: true });
    expect(check('scope=codespace read:user user:email')).toEqual({ ok: true });
    expect(check('scope=codespace read:user user:email admin:org')).toEqual({ ok: true });
    expect(check('scope=admin:org,user:email,codespace,read:user')).toEqual({ ok: true });
  });

  it('those plus repo, for a repository’s secrets, with or without admin:org', () => {
    expect(check('scope=codespace read:user user:email repo')).toEqual({ ok: true });
    expect(check('scope=repo admin:org codespace read:user user:email')).toEqual({ ok: true });
  });

  it('not other scopes, nor a scope given twice', () => {
    expect(check('scope=repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email delete_repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email repo delete_repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email public_repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email&scope=repo')).toMatchObject({ ok: false });
  });

  it('no other authorize parameter: not a redirect_uri, a client_id or a state', () => {
    expect(check('redirect_uri=https://evil.example/cb')).toEqual({ ok: false, message: expect.stringContaining('"redirect_uri"') });
    expect(check('scope=codespace read:user user:email&client_id=other')).toMatchObject({ ok: false });
    expect(check('state=x')).toMatchObject({ ok: false });
  });
});

describe('what a consent screen asks for', () => {
  it('Hangar’s own scopes and the one needed', () => {
    expect(consentScopes(['codespace', 'read:user', 'user:email'], 'repo')).toBe('codespace read:user user:email repo');
    expect(consentScopes(['codespace', 'read:user', 'user:email'], 'admin:org')).toBe('codespace read:user user:email admin:org');
  });

  it('keeps what was granted before: GitHub’s new token has only the scopes asked for', () => {
    expect(consentScopes(['codespace', 'admin:org', 'read:user', 'user:email'], 'repo')).toBe(
      'codespace read:user user:email admin:org repo',
    );
    expect(consentScopes(['codespace', 'repo', 'read:user', 'user:email'], 'admin:org')).toBe(
      'codespace read:user user:email admin:org repo',
    );
  });

  it('never carries a scope Hangar does not ask for, even one granted elsewhere', () => {
    expect(consentScopes(['codespace', 'delete_repo', 'workflow'], 'repo')).toBe('codespace read:user user:email repo');
  });

  it('asks for a set that sign-in accepts', () => {
    for (const granted of [[], ['admin:org'], ['repo'], ['admin:org', 'repo']])
      for (const wanted of ['repo', 'admin:org'] as const)
        expect(check(`scope=${encodeURIComponent(consentScopes(granted, wanted))}`)).toEqual({ ok: true });
  });
});
