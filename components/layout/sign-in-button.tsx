'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { signInWithGitHub } from '@/lib/auth/browser';
import { useAuthMode } from './auth-mode';
import { GitHubMark } from './github-mark';

/** Starts GitHub's OAuth web flow and brings the user back to the page they were on. */
export function SignInButton({ label = 'Sign in with GitHub' }: { label?: string }) {
  const [pending, setPending] = useState(false);
  // Local mode has no OAuth App: a session starts only from the link the server printed.
  if (useAuthMode() === 'local') {
    return (
      <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
        Open the sign-in link Hangar printed in the terminal where it runs (the newest line that starts with “Open”). Each link works once.
      </p>
    );
  }
  return (
    <Button
      variant="primary"
      className="h-10 px-5"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signInWithGitHub();
      }}
    >
      <GitHubMark />
      {label}
    </Button>
  );
}
