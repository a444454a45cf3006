import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('allows scripts only with the request’s nonce, and never eval in production', () => {
    const csp = contentSecurityPolicy('abc123');
    expect(csp).toContain(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(csp).not.toContain(`'unsafe-eval'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
  });

  it('lets WebAssembly compile (libsodium seals secret values in the browser), which lets no script eval', () => {
    const scripts = contentSecurityPolicy('abc123')
      .split('; ')
      .find((directive) => directive.startsWith('script-src'))!;
    expect(scripts.split(' ')).toEqual(['script-src', `'self'`, `'nonce-abc123'`, `'strict-dynamic'`, `'wasm-unsafe-eval'`]);
  });

  it('sends HSTS only over https', () => {
    expect(securityHeaders(true)['Strict-Transport-Security']).toContain('max-age=');
    expect(securityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
    expect(securityHeaders(false)['X-Content-Type-Options']).toBe('nosniff');
  });
});
