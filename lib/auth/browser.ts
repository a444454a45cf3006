/**
 * next-auth's browser helpers, fetched when a button needs them: they are ~10 KB gzipped (with
 * their Babel runtime) that no page needs in order to paint, and a sign-in click can wait for them.
 */

/** Starts GitHub's OAuth web flow and comes back to this page; `scope` replaces the configured scopes. */
export async function signInWithGitHub(scope?: string): Promise<void> {
  const { signIn } = await import('next-auth/react');
  await signIn('github', { callbackUrl: window.location.href }, scope ? { scope } : undefined);
}

/** Ends the session on the server and goes to the sign-in page. */
export async function signOutOfHangar(): Promise<void> {
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/' });
}
