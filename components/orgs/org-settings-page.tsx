'use client';

import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGithubWeb } from '@/components/github/github-web';
import { SessionEnded } from '@/components/layout/session-ended';
import { useSecretsSection } from '@/components/secrets/use-secrets-section';
import type { PickerItem } from '@/components/ui/multi-picker';
import type { ScopeAccess } from '@/lib/auth/scopes';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { codespacesAccessLastSetQuery, setCodespacesAccessMutation } from '@/lib/orgs/access-queries';
import { accessChangeInWords, planAccessChange, type AccessChange } from '@/lib/orgs/domain/access';
import { listOrgMembersQuery } from '@/lib/orgs/queries';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { endsSession } from '@/lib/transport/errors';
import { OrgSettingsView, type AccessDraft } from './org-settings-view';

const ConfirmDialog = dynamic(() => import('@/components/ui/confirm-dialog').then((m) => m.ConfirmDialog));

/**
 * An organisation's Codespaces settings: who may use Codespaces (confirmed before it is sent), and
 * the organisation's secrets. Where GitHub hides private repositories from the session
 * (`repoAccess`), the secrets' picker adds those the user's codespaces are in, and says the rest are missing.
 */
export function OrgSettingsPage({ org, repoAccess }: { org: string; repoAccess: ScopeAccess }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const { webUrl } = useGithubWeb();
  const secrets = useSecretsSection({ kind: 'organization', org }, { repoAccess, now });

  const setAccess = useActionMutation(setCodespacesAccessMutation(queryClient, org));
  const [confirming, setConfirming] = useState<AccessChange | null>(null);
  const closeAccess = () => {
    setConfirming(null);
    setAccess.reset();
  };
  const [draft, setDraft] = useState<AccessDraft>({ visibility: null, usernames: new Set() });
  const members = useQuery({ ...listOrgMembersQuery(org), enabled: draft.visibility === 'selected_members' });
  const memberItems = useMemo<PickerItem[] | undefined>(
    () => members.data?.map((m) => ({ key: m.login, label: m.login })).sort((a, b) => a.label.localeCompare(b.label)),
    [members.data],
  );
  const lastSet = useQuery(codespacesAccessLastSetQuery(org)).data ?? null;

  const { section } = secrets;
  if (endsSession(section.secrets.error)) return <SessionEnded />;

  return (
    <>
      <OrgSettingsView
        org={org}
        secrets={section.secrets}
        repositoriesOf={section.repositoriesOf}
        members={{ data: memberItems, loading: members.isPending, error: members.error }}
        draft={draft}
        lastSet={lastSet}
        now={now}
        githubWebUrl={webUrl}
        onDraftChange={setDraft}
        onReviewAccess={() => {
          if (!draft.visibility) return;
          setConfirming(planAccessChange(lastSet?.setting ?? null, { visibility: draft.visibility, usernames: [...draft.usernames] }));
        }}
        onNewSecret={section.onNew}
        onEditSecret={section.onEdit}
        onDeleteSecret={section.onDelete}
        onRetry={section.onRetry}
      />
      {confirming && (
        <ConfirmDialog
          title={`Change who may use Codespaces in ${org}?`}
          description={
            <>
              <p>{accessChangeInWords(org, confirming)}</p>
              <p className="mt-2">
                {lastSet
                  ? 'GitHub does not let Hangar read the current setting, so this compares with what was last set here.'
                  : 'GitHub does not let Hangar read the current setting, so it cannot say what changes from it.'}
              </p>
            </>
          }
          confirmLabel="Save access"
          pendingLabel="Saving…"
          pending={setAccess.isPending}
          error={setAccess.error}
          onConfirm={() => setAccess.mutate(confirming, { onSuccess: closeAccess })}
          onClose={closeAccess}
        />
      )}
      {secrets.dialogs}
    </>
  );
}
