import { NextResponse, type NextRequest } from 'next/server';
import { developmentServer, imageOrigins } from '@/lib/config';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers';

/** Adds a per-request CSP nonce and the security headers to every page and API answer. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  let csp = contentSecurityPolicy(nonce, { dev: developmentServer(), imageOrigins: imageOrigins() });
  if (!https) csp = csp.replace('; upgrade-insecure-requests', '');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no user content; the emulator serves its own (GitHub-like) pages. The
  // GitHub proxy and the list routes set the same headers on their own answers (lib/github/proxy.server.ts): running this
  // for every poll cost ~2 ms a request, for a nonce that JSON never uses.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|emulator/|api/github/|api/lists/).*)' }],
};
