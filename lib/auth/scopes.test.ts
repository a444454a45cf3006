import { describe, expect, it } from 'vitest';
import { consentScopes, privateRepositoriesHidden, REPO_SCOPE, scopeAccess } from './scopes';

const oauthApp = { local: false, webUrl: 'https://github.com' };
const signedIn = ['codespace', 'read:user', 'user:email'];

describe('what a session may expect of the repo scope', () => {
  it('an OAuth App signed in with Hangar’s scopes: private repositories are hidden, and the consent asks for repo on top', () => {
    const access = scopeAccess({ scopes: signedIn, scopesApply: true }, REPO_SCOPE, oauthApp);
    expect(access).toEqual({ kind: 'consent', scopes: 'codespace read:user user:email repo' });
    expect(privateRepositoriesHidden(access)).toBe(true);
  });

  it('keeps a scope granted before (admin:org) when asking for repo, so the new token does not lose it', () => {
    expect(scopeAccess({ scopes: [...signedIn, 'admin:org'], scopesApply: true }, REPO_SCOPE, oauthApp)).toEqual({
      kind: 'consent',
      scopes: consentScopes(['admin:org'], REPO_SCOPE),
    });
    expect(consentScopes(['admin:org'], REPO_SCOPE)).toBe('codespace read:user user:email admin:org repo');
  });

  it('after the consent: nothing hidden', () => {
    const access = scopeAccess({ scopes: [...signedIn, 'repo'], scopesApply: true }, REPO_SCOPE, oauthApp);
    expect(access).toEqual({ kind: 'granted' });
    expect(privateRepositoriesHidden(access)).toBe(false);
  });

  it('a GitHub App’s token (or a fine-grained one): scopes do not apply, so no consent is offered where it cannot help', () => {
    const access = scopeAccess({ scopes: [], scopesApply: false }, REPO_SCOPE, oauthApp);
    expect(access).toEqual({ kind: 'app' });
    expect(privateRepositoriesHidden(access)).toBe(false);
  });

  it('local mode: a gh token has repo by default; one without it gets the command that adds it, not a sign-in', () => {
    expect(scopeAccess({ scopes: ['codespace', 'repo', 'gist'], scopesApply: true }, REPO_SCOPE, { ...oauthApp, local: true })).toEqual({
      kind: 'granted',
    });
    const access = scopeAccess({ scopes: ['codespace'], scopesApply: true }, REPO_SCOPE, {
      local: true,
      webUrl: 'https://ghe.example.com',
    });
    expect(access).toMatchObject({ kind: 'local', advice: { command: 'gh auth refresh -h ghe.example.com -s repo' } });
    expect(access.kind === 'local' && access.advice.message).toContain('private repositories');
    expect(privateRepositoriesHidden(access)).toBe(true);
  });
});
