import 'server-only';
import { accountKeyOfToken, accountKeyOfUser, type AccountKey } from '@/lib/github/store.server';

/**
 * The GitHub account a session's token acts for, as the answer store accounts for it: the numeric
 * user id the session was made with (next-auth's `sub`, GitHub's `id` from `GET /user`; local
 * mode's sign-in sets it too). Every sign-in of one person shares one quota, however many tokens
 * they have signed in with. A session without one counts as its token alone.
 */
export function accountOfSession(jwt: object, accessToken: string): AccountKey {
  const id = (jwt as { sub?: unknown }).sub;
  try {
    return typeof id === 'string' || typeof id === 'number' ? accountKeyOfUser(id) : accountKeyOfToken(accessToken);
  } catch {
    // Not a GitHub user id (a session made some other way): the token stands alone.
    return accountKeyOfToken(accessToken);
  }
}
