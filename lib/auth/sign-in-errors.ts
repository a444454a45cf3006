/**
 * What the sign-in screen says when next-auth sends the browser back with `?error=<code>`. Only
 * next-auth's own codes are known, each said in Hangar's words; anything else in the address is
 * never shown (it would be a line of anyone's choosing on Hangar's own page), only a generic line.
 * Pure, so the table is unit tested.
 */

const GENERIC = 'Sign-in did not complete. Please try again.';

/** next-auth v4's error codes (its sign-in and error pages), as Hangar says them. */
const MESSAGES: Record<string, string> = {
  OAuthSignin: 'Hangar could not start signing in with GitHub. Please try again.',
  OAuthCallback:
    'GitHub’s answer could not be used to sign you in: the sign-in may have been cancelled or taken too long. Please try again.',
  OAuthCreateAccount: GENERIC,
  OAuthAccountNotLinked: GENERIC,
  Callback: GENERIC,
  Signin: GENERIC,
  Verification: GENERIC,
  Default: GENERIC,
  AccessDenied: 'Signing in was not allowed. Please try again, or sign in with another account.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Hangar’s sign-in is not set up correctly. Ask whoever runs Hangar to check its GitHub app settings.',
  configuration: 'Hangar’s sign-in is not set up correctly. Ask whoever runs Hangar to check its GitHub app settings.',
};

/** The sentence for `?error=`, or null when there is none. */
export function signInErrorMessage(code: string | string[] | undefined): string | null {
  if (code === undefined) return null;
  const known = typeof code === 'string' && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
  return known ?? GENERIC;
}
