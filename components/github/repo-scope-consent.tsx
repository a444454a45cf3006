'use client';

import { useState, type ReactNode } from 'react';
import { ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { signInWithGitHub } from '@/lib/auth/browser';
import type { ScopeAccess } from '@/lib/auth/scopes';

/**
 * How a page asks for GitHub's `repo` scope where private repositories are hidden from it: an
 * OAuth App's incremental sign-in that comes back to the page, or, in local mode, the command
 * that adds the scope to the user's own token. Nothing where asking cannot help (a GitHub App's
 * token, whose permissions decide) or nothing is missing.
 */
export type RepoScopeConsent =
  | { kind: 'consent'; granting: boolean; onGrant: () => void }
  | { kind: 'local'; advice: { message: string; command: string; then: string } };

export function useRepoScopeConsent(access: ScopeAccess): RepoScopeConsent | null {
  const [granting, setGranting] = useState(false);
  if (access.kind === 'local') return { kind: 'local', advice: access.advice };
  if (access.kind !== 'consent') return null;
  return {
    kind: 'consent',
    granting,
    onGrant: () => {
      setGranting(true);
      void signInWithGitHub(access.scopes);
    },
  };
}

const code = 'rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800';

/** The scope's name as the text around it writes it. */
export function RepoScope() {
  return <code className={code}>repo</code>;
}

/** What granting means, said before the user goes to GitHub. */
function RepoScopeTerms() {
  return (
    <>
      GitHub has no read-only scope for private repositories: <RepoScope /> gives Hangar full access to all of yours, so it is asked for
      only when you choose to. You can revoke it any time in your GitHub settings under Applications.
    </>
  );
}

/** The control: GitHub's consent (back to this page afterwards), or the command that adds the scope locally. */
export function RepoScopeControl({ consent }: { consent: RepoScopeConsent }) {
  if (consent.kind === 'consent') {
    return (
      <Button variant="primary" onClick={consent.onGrant} disabled={consent.granting}>
        Grant repository access on GitHub
      </Button>
    );
  }
  return (
    <p>
      {consent.advice.message} Run <code className={code}>{consent.advice.command}</code>. {consent.advice.then}
    </p>
  );
}

/** A notice that private repositories are hidden here: what, why (`children`), what granting means, and the control. */
export function PrivateRepositoriesNotice({
  title,
  consent,
  children,
  headingLevel = 2,
}: {
  title: string;
  consent: RepoScopeConsent;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-label={title}
      className="flex flex-col items-start gap-2 rounded-xl border border-sky-200 bg-sky-50/60 px-4 py-3 text-sm text-zinc-700 dark:border-sky-900 dark:bg-sky-950/40 dark:text-zinc-300"
    >
      <Heading className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-100">
        <ShieldCheck aria-hidden className="size-4 shrink-0 text-sky-700 dark:text-sky-400" />
        {title}
      </Heading>
      <div className="space-y-1.5">
        {children}
        {consent.kind === 'consent' && (
          <p>
            <RepoScopeTerms />
          </p>
        )}
      </div>
      <RepoScopeControl consent={consent} />
    </section>
  );
}
