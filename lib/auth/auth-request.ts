/**
 * What next-auth's own routes (`/api/auth/...`) take in a POST body: its forms are a few fields
 * (csrfToken, callbackUrl, json), form-encoded or JSON. next-auth parses a body whose
 * Content-Type says JSON with `req.json()` and answers 500 when it is not JSON; such a body, or
 * one larger than any of its forms, is refused here first, with Hangar's `{ message, status }`.
 */
import { readCapped } from '@/lib/server/read-capped';

/** Far more than next-auth's largest form (a CSRF token and a callback URL). */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

const refuse = (status: number, message: string) =>
  Response.json({ message, status }, { status, headers: { 'cache-control': 'no-store' } });

/** A refusal for a POST body next-auth cannot take, or null when it can. Reads a copy of the body. */
export async function refuseAuthBody(req: Request): Promise<Response | null> {
  if (req.method !== 'POST' || !req.body) return null;
  if (Number(req.headers.get('content-length') ?? 0) > MAX_AUTH_BODY_BYTES) return refuse(413, 'Request body too large');
  const body = await readCapped(req.clone().body!, MAX_AUTH_BODY_BYTES, req.body);
  if (!body) return refuse(413, 'Request body too large');
  if (!(req.headers.get('content-type') ?? '').includes('application/json')) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return null;
  } catch {
    // Answered below.
  }
  return refuse(400, 'Body is not a JSON object');
}
