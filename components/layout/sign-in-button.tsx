'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { signInWithGitHub } from '@/lib/auth/browser';
import { GitHubMark } from './github-mark';

/** Starts GitHub's OAuth web flow and brings the user back to the page they were on. */
export function SignInButton({ label = 'Sign in with GitHub' }: { label?: string }) {
  const [pending, setPending] = useState(false);
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
