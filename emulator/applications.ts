/**
 * GitHub's OAuth Apps API, the part an app uses on sign-out: `DELETE /applications/{client_id}/token`
 * revokes one token. The app authenticates itself with HTTP Basic (client id and secret), not with
 * a user's token.
 */
import { errorBody, jsonAnswer, requestId } from './http';
import type { EmulatorState } from './state';

/** The app's credentials from `Authorization: Basic`, or null. */
function basicCredentials(req: Request): { id: string; secret: string } | null {
  const match = req.headers.get('authorization')?.match(/^Basic\s+(\S+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

async function accessTokenIn(req: Request): Promise<string | null> {
  try {
    const body = (await req.json()) as { access_token?: unknown };
    return typeof body.access_token === 'string' && body.access_token !== '' ? body.access_token : null;
  } catch {
    return null;
  }
}

export async function handleApplications(
  state: EmulatorState,
  req: Request,
  path: string,
  who: { login: string | null },
): Promise<Response> {
  const match = /^\/applications\/([^/]+)\/token$/.exec(path);
  if (!match || req.method !== 'DELETE') return jsonAnswer(404, errorBody(404));
  const clientId = decodeURIComponent(match[1]!);
  const credentials = basicCredentials(req);
  if (!credentials) return jsonAnswer(401, errorBody(401, 'Requires authentication'));
  // Wrong credentials, or credentials of another app than the path names: GitHub does not say
  // whether the app exists.
  const client = state.clients[clientId];
  if (!client || credentials.id !== clientId || credentials.secret !== client.secret) return jsonAnswer(404, errorBody(404));

  const token = await accessTokenIn(req);
  if (!token) {
    return jsonAnswer(
      422,
      errorBody(422, 'Invalid request.', { errors: [{ resource: 'OauthAccess', field: 'access_token', code: 'missing_field' }] }),
    );
  }
  who.login = state.tokens.get(token)?.login ?? null;
  if (!state.tokens.revokeToken(clientId, token)) return jsonAnswer(404, errorBody(404));
  return new Response(null, { status: 204, headers: { 'x-github-request-id': requestId() } });
}
