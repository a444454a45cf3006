import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';

/**
 * Points the app's server code, imported afterwards in the same test file, at an emulator as its
 * GitHub, with quiet logs: what `npm start` would configure for a real OAuth App.
 */
export function configureAppForEmulator(
  emulatorUrl: string,
  { client, appUrl, secret }: { client: string; appUrl: string; secret: string },
) {
  Object.assign(process.env, {
    GITHUB_ID: client,
    GITHUB_SECRET: `${client}-secret`,
    GITHUB_API_URL: `${emulatorUrl}/api`,
    GITHUB_WEB_URL: emulatorUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: secret,
    HANGAR_LOG: 'off',
  });
}

/**
 * The session cookie next-auth sets once GitHub's OAuth flow has signed `login` in with
 * `accessToken`; `userId` is GitHub's numeric id of the account (next-auth's `sub`).
 */
export async function sessionCookie(login: string, accessToken: string, secret: string, userId?: number): Promise<string> {
  const signedInAt = Math.floor(Date.now() / 1000);
  const sub = userId === undefined ? login : String(userId);
  const jwt = await encode({ token: { sub, login, accessToken, signedInAt, sessionId: randomUUID() }, secret });
  return `next-auth.session-token=${jwt}`;
}
