'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
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
        void signIn('github', { callbackUrl: window.location.href });
      }}
    >
      <GitHubMark />
      {label}
    </Button>
  );
}
