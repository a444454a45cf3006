import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { localSignInSecret } from '@/lib/config';

/**
 * Local mode (`HANGAR_GITHUB_TOKEN`): one account, no OAuth App. Whoever can reach the port must
 * not get that account, so a browser gets a session only by opening a one-time sign-in link that
 * the server prints in its terminal (like Jupyter's). Each link works once; after it is used the
 * server prints a fresh one, for another browser or after signing out.
 *
 * The token stays in the server's memory: the session cookie names a browser session, which
 * signing out ends here, without revoking the token (it is the user's own, e.g. gh's).
 */

/** Where a sign-in link points; the secret is in the query so the page can drop it at once (a redirect). */
const LOCAL_SIGN_IN_PATH = '/api/auth/local';

const hash = (secret: string) => createHash('sha256').update(`hangar/local-sign-in\0${secret}`).digest();

const newLinkSecret = () => randomBytes(32).toString('base64url');

export function signInLink(appOrigin: string, secret: string): string {
  return `${appOrigin}${LOCAL_SIGN_IN_PATH}?secret=${secret}`;
}

export class LocalSignIn {
  /** A hash of the one link secret that works now, or null between a use and the next link. */
  private current: Buffer | null;
  /** Live browser sessions: id → epoch ms when it ends. */
  private readonly sessions = new Map<string, number>();

  constructor(
    initialSecret: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.current = initialSecret ? hash(initialSecret) : null;
  }

  /** A new link secret: the previous one, if unused, stops working. */
  issue(): string {
    const secret = newLinkSecret();
    this.current = hash(secret);
    return secret;
  }

  /** Spends a link: true once for the current secret, false for anything else (and changes nothing then). */
  redeem(secret: string): boolean {
    if (!this.current) return false;
    const given = hash(secret);
    if (!timingSafeEqual(given, this.current)) return false;
    this.current = null;
    return true;
  }

  /** Starts a browser session that lasts `maxAgeS` at most. */
  startSession(maxAgeS: number): string {
    const id = randomBytes(18).toString('base64url');
    this.sessions.set(id, this.now() + maxAgeS * 1000);
    for (const [other, until] of this.sessions) if (until <= this.now()) this.sessions.delete(other);
    return id;
  }

  isLive(id: string | undefined): boolean {
    if (!id) return false;
    const until = this.sessions.get(id);
    return until !== undefined && until > this.now();
  }

  endSession(id: string | undefined) {
    if (id) this.sessions.delete(id);
  }
}

// On globalThis: the sign-in route, the proxy and server-rendered pages are bundled apart.
const holder = globalThis as typeof globalThis & { __hangarLocalSignIn?: LocalSignIn };

/** This server's local-mode sign-in, starting from the link `npm start` printed. */
export function localSignIn(): LocalSignIn {
  holder.__hangarLocalSignIn ??= new LocalSignIn(localSignInSecret());
  return holder.__hangarLocalSignIn;
}
