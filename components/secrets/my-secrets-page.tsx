'use client';

import { Page } from '@/components/layout/page';
import type { ScopeAccess } from '@/lib/auth/scopes';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { SecretsSection } from './secrets-section';
import { useSecretsSection } from './use-secrets-section';

const MY_SECRETS = { kind: 'user' } as const;

/**
 * The user's secrets (the same section as a repository's and an organisation's). Where GitHub
 * hides private repositories from the session (`repoAccess`), the picker adds those the user's
 * codespaces are in, and says the rest are missing.
 */
export function MySecretsPage({ repoAccess }: { repoAccess: ScopeAccess }) {
  const { section, dialogs } = useSecretsSection(MY_SECRETS, { repoAccess, now: useMinuteClock() });
  return (
    <>
      <Page>
        <SecretsSection scope={MY_SECRETS} {...section} />
      </Page>
      {dialogs}
    </>
  );
}
