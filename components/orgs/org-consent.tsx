'use client';

import { useState } from 'react';
import { ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { signInWithGitHub } from '@/lib/auth/browser';
import { Page } from '@/components/layout/page';

/** Explains why the organisation view needs more access, and asks GitHub for it (incremental consent). */
/** `scopes`: what to ask GitHub for (Hangar's own, admin:org, and any other scope already granted). */
export function OrgConsent({ org, scopes }: { org: string; scopes: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Page width="narrow" className="items-start sm:py-16">
      <ShieldCheck aria-hidden className="size-10 text-sky-700 dark:text-sky-400" />
      <h1 className="text-xl font-semibold tracking-tight">See every codespace of {org}</h1>
      <div className="space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          GitHub shows an organisation’s codespaces only to its owners, and only to apps granted the{' '}
          <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">admin:org</code> scope. Hangar did not ask for it when you
          signed in, because most people never need it.
        </p>
        <p>
          Granting it lets Hangar list the organisation’s codespaces and stop or delete them on members’ behalf, when you ask. You can
          revoke it any time in your GitHub settings under Applications.
        </p>
      </div>
      <Button
        variant="primary"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signInWithGitHub(scopes);
        }}
      >
        Grant organization access on GitHub
      </Button>
    </Page>
  );
}
