import { describe, expect, it } from 'vitest';
import { expectedOrigin, requestOrigin } from './origin';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the origin a mutation must come from', () => {
  it('is the configured one (AUTH_URL), whatever the request says about itself', () => {
    const config = { appOrigin: 'https://hangar.example.com', originFollowsRequest: false };
    expect(expectedOrigin(config, headers({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }))).toBe(
      'https://hangar.example.com',
    );
  });

  it('in demo mode without AUTH_URL, is the address the browser used: 127.0.0.1, a LAN address, a forwarded port', () => {
    const demo = { appOrigin: 'http://localhost:3000', originFollowsRequest: true };
    expect(expectedOrigin(demo, headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }))).toBe('http://127.0.0.1:3000');
    expect(expectedOrigin(demo, headers({ host: '192.168.1.20:3000' }))).toBe('http://192.168.1.20:3000');
    expect(
      expectedOrigin(
        demo,
        headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'fluffy-3000.app.github.dev', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe('https://fluffy-3000.app.github.dev');
    expect(expectedOrigin(demo, headers({ 'x-forwarded-host': 'a.example, b.example', 'x-forwarded-proto': 'https, http' }))).toBe(
      'https://a.example',
    );
  });

  it('is nobody’s for a host header that names no origin, so nothing matches it', () => {
    expect(requestOrigin(headers({ host: 'evil.example/path' }))).toBeNull();
    expect(requestOrigin(headers({ host: 'user@evil.example' }))).toBeNull();
    expect(requestOrigin(headers({}))).toBeNull();
    expect(requestOrigin(headers({}), 'http://0.0.0.0:3000/api/github/user')).toBe('http://0.0.0.0:3000');
  });
});
