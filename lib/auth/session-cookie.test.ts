import { describe, expect, it } from 'vitest';
import { clearSessionCookieHeaders, readSessionCookie, sessionCookieHeaders, sessionCookieNames } from './session-cookie';

const expires = new Date('2026-12-08T09:00:00Z');

describe('the session cookie, as next-auth writes it', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site; Secure and __Secure- prefixed over https', () => {
    expect(sessionCookieHeaders('jwt', { secure: false, expires, carried: [] })).toEqual([
      'next-auth.session-token=jwt; Path=/; Expires=Tue, 08 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax',
    ]);
    expect(sessionCookieHeaders('jwt', { secure: true, expires, carried: [] })).toEqual([
      '__Secure-next-auth.session-token=jwt; Path=/; Expires=Tue, 08 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax; Secure',
    ]);
  });

  it('is read back whole or from its chunks, in order', () => {
    expect(readSessionCookie([{ name: 'next-auth.session-token', value: 'abc' }], false)).toEqual({ value: 'abc', secure: false });
    expect(
      readSessionCookie(
        [
          { name: 'next-auth.session-token.1', value: 'def' },
          { name: 'other', value: 'x' },
          { name: 'next-auth.session-token.0', value: 'abc' },
        ],
        false,
      ),
    ).toEqual({ value: 'abcdef', secure: false });
    expect(readSessionCookie([{ name: '__Secure-next-auth.session-token', value: 'secure' }], true)).toEqual({
      value: 'secure',
      secure: true,
    });
    expect(readSessionCookie([{ name: 'next-auth.csrf-token', value: 'x' }], false)).toBeNull();
  });

  it('over https, is only ever the __Secure- one: a plain-named cookie planted by a sibling subdomain or over http is ignored', () => {
    const planted = { name: 'next-auth.session-token', value: 'planted' };
    expect(readSessionCookie([planted], true)).toBeNull();
    expect(readSessionCookie([{ name: 'next-auth.session-token.0', value: 'planted' }], true)).toBeNull();
    expect(readSessionCookie([planted, { name: '__Secure-next-auth.session-token', value: 'own' }], true)).toEqual({
      value: 'own',
      secure: true,
    });
  });

  it('is chunked past 4 KB as next-auth does, and a rewrite expires what the browser held under other names', () => {
    const long = 'x'.repeat(5_000);
    const headers = sessionCookieHeaders(long, { secure: false, expires, carried: ['next-auth.session-token'] });
    expect(headers.map((h) => h.split('=')[0])).toEqual([
      'next-auth.session-token.0',
      'next-auth.session-token.1',
      'next-auth.session-token',
    ]);
    expect(headers[2]).toMatch(/^next-auth\.session-token=; .*Max-Age=0$/);
    const chunks = headers.slice(0, 2).map((h) => ({ name: h.split('=')[0]!, value: h.split('=')[1]!.split(';')[0]! }));
    expect(readSessionCookie(chunks, false)?.value).toBe(long);

    const short = sessionCookieHeaders('jwt', {
      secure: false,
      expires,
      carried: ['next-auth.session-token.0', 'next-auth.session-token.1'],
    });
    expect(short).toHaveLength(3);
    expect(short.slice(1).every((h) => /Max-Age=0$/.test(h))).toBe(true);
  });

  it('is cleared, under every name the browser sent, at sign-out or when the session ended', () => {
    const names = sessionCookieNames([
      { name: '__Secure-next-auth.session-token.0', value: 'a' },
      { name: 'next-auth.csrf-token', value: 'b' },
      { name: 'next-auth.session-token', value: 'c' },
    ]);
    expect(names).toEqual(['__Secure-next-auth.session-token.0', 'next-auth.session-token']);
    const cleared = clearSessionCookieHeaders(names);
    expect(cleared[0]).toMatch(
      /^__Secure-next-auth\.session-token\.0=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; .*Secure; Max-Age=0$/,
    );
    expect(cleared[1]).toMatch(/^next-auth\.session-token=; .*Max-Age=0$/);
  });
});
