import { Page } from './page';
import { SignInButton } from './sign-in-button';

/** Shown where a page's data answered 401: sign in again and come back to the same page. */
export function SessionEnded() {
  return (
    <Page width="narrow" className="items-center pt-24 text-center">
      <h1 className="text-xl font-semibold">Your session has ended</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        GitHub no longer accepts this session. Sign in again to continue where you were.
      </p>
      <SignInButton label="Sign in with GitHub again" />
    </Page>
  );
}
