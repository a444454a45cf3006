/**
 * Security headers for every page Hangar serves. Pure, so the policy is unit tested.
 * Scripts run only with the per-request nonce (Next adds it to its own inline scripts);
 * no 'unsafe-eval'. 'wasm-unsafe-eval' lets WebAssembly compile (libsodium, which seals secret
 * values in the browser) without letting any script eval. It is on every page, not only those
 * that seal: a page keeps the policy it loaded with when it navigates client-side to one that does.
 * Inline style attributes stay allowed: server-rendered positioning uses them.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, imageOrigins = [] as string[] } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https://avatars.githubusercontent.com ${imageOrigins.join(' ')}`.trim(),
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(dev ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** The policy for JSON answers (the GitHub proxy): they load nothing and are framed by nobody. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Every security header of an API answer: fixed, so computed once. */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return { 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY, ...securityHeaders(https) };
}
