import { describe, expect, it } from 'vitest';
import { checkSignInQuery } from './sign-in-params';

const check = (query: string) => checkSignInQuery(new URLSearchParams(query));

describe('what a sign-in may ask GitHub for', () => {
  it('Hangar’s own scopes, or those plus admin:org (incremental consent), in any order or separator', () => {
    expect(check('')).toEqual({ ok: true });
    expect(check('scope=codespace read:user user:email')).toEqual({ ok: true });
    expect(check('scope=codespace read:user user:email admin:org')).toEqual({ ok: true });
    expect(check('scope=admin:org,user:email,codespace,read:user')).toEqual({ ok: true });
  });

  it('not other scopes, nor a scope given twice', () => {
    expect(check('scope=repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email delete_repo')).toMatchObject({ ok: false });
    expect(check('scope=codespace')).toMatchObject({ ok: false });
    expect(check('scope=codespace read:user user:email&scope=repo')).toMatchObject({ ok: false });
  });

  it('no other authorize parameter: not a redirect_uri, a client_id or a state', () => {
    expect(check('redirect_uri=https://evil.example/cb')).toEqual({ ok: false, message: expect.stringContaining('"redirect_uri"') });
    expect(check('scope=codespace read:user user:email&client_id=other')).toMatchObject({ ok: false });
    expect(check('state=x')).toMatchObject({ ok: false });
  });
});
