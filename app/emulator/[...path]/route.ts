import { requestOrigin } from '@/lib/auth/origin';
import { demoEmulator } from '@/lib/demo.server';

export const dynamic = 'force-dynamic';

/**
 * Next hands route handlers a URL on the address the server is bound to (`http://0.0.0.0:3000/…`
 * with HOST unset), not the one that was asked for; the emulator builds its links (pagination,
 * avatars) from the URL, so it gets the address its client used.
 */
async function asAddressed(req: Request): Promise<Request> {
  const origin = requestOrigin(req.headers, req.url);
  const url = new URL(req.url);
  if (!origin || origin === url.origin) return req;
  // The body is passed on as a stream, not read here: the emulator reads it, bounded.
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body;
  return new Request(`${origin}${url.pathname}${url.search}`, {
    method: req.method,
    headers: req.headers,
    body,
    signal: req.signal,
    // Node's fetch takes a stream body only half-duplex (the request is sent before the answer).
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function handler(req: Request) {
  const emulator = demoEmulator();
  if (!emulator) return Response.json({ message: 'Not Found', status: 404 }, { status: 404 });
  return emulator.handle(await asAddressed(req));
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
