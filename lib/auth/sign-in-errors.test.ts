import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-errors';

describe('what the sign-in screen says about ?error=', () => {
  it('says next-auth’s own codes in Hangar’s words', () => {
    expect(signInErrorMessage('OAuthCallback')).toMatch(/^GitHub’s answer could not be used to sign you in/);
    expect(signInErrorMessage('OAuthSignin')).toBe('Hangar could not start signing in with GitHub. Please try again.');
    expect(signInErrorMessage('Configuration')).toMatch(/not set up correctly/);
    expect(signInErrorMessage('SessionRequired')).toBe('Please sign in to continue.');
  });

  it('shows any other text only as a generic line, never the text itself', () => {
    const phishing = 'Your account is locked. Call +1 555 0100 or visit evil.example to restore it';
    for (const code of [phishing, '<script>alert(1)</script>', 'constructor', '__proto__', 'toString', ['OAuthCallback', 'x'], '']) {
      const said = signInErrorMessage(code);
      expect(said).toBe('Sign-in did not complete. Please try again.');
    }
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
