import { encode } from 'next-auth/jwt';

/** The session cookie next-auth sets once GitHub's OAuth flow has signed `login` in with `accessToken`. */
export async function sessionCookie(login: string, accessToken: string, secret: string): Promise<string> {
  const jwt = await encode({ token: { sub: login, login, accessToken }, secret });
  return `next-auth.session-token=${jwt}`;
}
