import { describe, expect, it } from 'vitest';
import { missingScopes, missingScopesAdvice, parseScopeHeader } from './scope-check.mjs';
import { LocalSignIn, signInLink } from './local-mode.server';

describe('local mode’s one-time sign-in link', () => {
  it('works once', () => {
    const signIn = new LocalSignIn('first-secret');
    expect(signIn.redeem('first-secret')).toBe(true);
    expect(signIn.redeem('first-secret')).toBe(false);
  });

  it('does not work with another secret, and a wrong guess does not use it up', () => {
    const signIn = new LocalSignIn('first-secret');
    expect(signIn.redeem('guess')).toBe(false);
    expect(signIn.redeem('')).toBe(false);
    expect(signIn.redeem('first-secret')).toBe(true);
    expect(new LocalSignIn(undefined).redeem('')).toBe(false);
  });

  it('is replaced by a fresh one, and an unused older link stops working', () => {
    const signIn = new LocalSignIn('first-secret');
    const next = signIn.issue();
    expect(next).toMatch(/^[\w-]{43}$/);
    expect(signIn.redeem('first-secret')).toBe(false);
    expect(signIn.redeem(next)).toBe(true);
    expect(signInLink('http://127.0.0.1:3000', next)).toBe(`http://127.0.0.1:3000/api/auth/local?secret=${next}`);
  });

  it('starts browser sessions that end at sign-out or after their lifetime', () => {
    let now = 0;
    const signIn = new LocalSignIn(undefined, () => now);
    const one = signIn.startSession(60);
    const two = signIn.startSession(60);
    expect(signIn.isLive(one) && signIn.isLive(two)).toBe(true);
    signIn.endSession(one);
    expect(signIn.isLive(one)).toBe(false);
    expect(signIn.isLive(two)).toBe(true);
    now = 60_000;
    expect(signIn.isLive(two)).toBe(false);
    expect(signIn.isLive(undefined)).toBe(false);
  });
});

describe('what a local token lacks, in words', () => {
  it('reads GitHub’s X-OAuth-Scopes and knows which scopes imply others', () => {
    expect(parseScopeHeader('repo, read:org, gist')).toEqual(['repo', 'read:org', 'gist']);
    expect(missingScopes(parseScopeHeader('repo, read:org, gist'))).toEqual(['codespace']);
    expect(missingScopes(parseScopeHeader('codespace, repo'))).toEqual([]);
    expect(missingScopes(['admin:org'], ['read:org'])).toEqual([]);
  });

  it('names each missing scope with what it is for, and the gh command for the configured host', () => {
    expect(missingScopesAdvice([])).toBeNull();
    expect(missingScopesAdvice(['codespace'])).toEqual({
      message: 'This GitHub token lacks the scope codespace (to list, start, stop and create your codespaces).',
      command: 'gh auth refresh -h github.com -s codespace',
      then: 'Then start Hangar again with HANGAR_GITHUB_TOKEN=$(gh auth token) npm start.',
    });
    expect(missingScopesAdvice(['codespace', 'admin:org'], 'https://ghe.example.com/')).toMatchObject({
      message: expect.stringMatching(/scopes codespace \(.*\) and admin:org \(to show an organisation’s codespaces to its owners\)/),
      command: 'gh auth refresh -h ghe.example.com -s codespace,admin:org',
    });
  });
});
