import 'server-only';
import { decodeSession, type CookieSource } from '@/lib/auth/session';
import { accountKeyOfToken, accountKeyOfUser, type AccountKey } from '@/lib/github/store';

/**
 * The GitHub account a session's token acts for, as the answer store accounts for it: the numeric
 * user id the session was made with (next-auth's `sub`, GitHub's `id` from `GET /user`; local
 * mode's sign-in sets it too). Every sign-in of one person shares one quota, however many tokens
 * they have signed in with. A session without one (or no session) counts as its token alone.
 *
 * The decrypted session is memoised by cookie (lib/auth/session.ts), so asking again costs a look-up.
 */
export async function sessionAccount(cookies: CookieSource, accessToken: string): Promise<AccountKey> {
  const session = await decodeSession(cookies);
  const id = (session?.jwt as { sub?: unknown } | undefined)?.sub;
  try {
    return typeof id === 'string' || typeof id === 'number' ? accountKeyOfUser(id) : accountKeyOfToken(accessToken);
  } catch {
    // Not a GitHub user id (a session made some other way): the token stands alone.
    return accountKeyOfToken(accessToken);
  }
}
