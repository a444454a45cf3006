'use client';

import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useGithubWeb } from '@/components/github/github-web';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import { SessionEnded } from '@/components/layout/session-ended';
import type { PickerItem } from '@/components/ui/multi-picker';
import { ApiError } from '@/lib/transport/errors';
import type { SecretRepository } from '@/lib/api/secrets';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import { useCodespaceRepositories } from '@/lib/hooks/use-codespace-repositories';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { codespacesAccessLastSetQuery, setCodespacesAccess } from '@/lib/queries/org-access';
import { orgMembersQuery, orgRepositoriesQuery } from '@/lib/queries/orgs';
import { deleteOrgSecret, orgSecretRepositoriesQuery, orgSecretsQuery, saveOrgSecret } from '@/lib/queries/secrets';
import { knownRepositories } from '@/lib/repositories/known';
import { accessChangeInWords, listInWords, planAccessChange, whoMayUse, type AccessChange } from '@/lib/secrets/form';
import type { Loaded } from '@/components/secrets/my-secrets-view';
import { useSecretDialogs } from '@/components/secrets/use-secret-dialogs';
import { OrgSettingsView, type AccessDraft } from './org-settings-view';

const SecretFormDialog = dynamic(() => import('@/components/secrets/secret-form-dialog').then((m) => m.SecretFormDialog));
const DeleteSecretDialog = dynamic(() => import('@/components/secrets/delete-secret-dialog').then((m) => m.DeleteSecretDialog));
const NO_REPOSITORIES: readonly SecretRepository[] = [];

const ConfirmDialog = dynamic(() => import('@/components/ui/confirm-dialog').then((m) => m.ConfirmDialog));

/**
 * An organisation's Codespaces settings: reads the secrets, members and repositories, and confirms
 * each change. Where GitHub hides private repositories from the session (`repoAccess`), the secrets'
 * picker adds those the user's codespaces are in, and says the rest are missing.
 */
export function OrgSettingsPage({ org, repoAccess }: { org: string; repoAccess: ScopeAccess }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const { webUrl } = useGithubWeb();
  const secrets = useQuery(orgSecretsQuery(org));
  const selectedNames = useMemo(() => (secrets.data ?? []).filter((s) => s.visibility === 'selected').map((s) => s.name), [secrets.data]);
  const perSecret = useQueries({ queries: selectedNames.map((name) => orgSecretRepositoriesQuery(org, name)) });
  const repositoriesOf = (name: string): Loaded<readonly SecretRepository[]> => {
    const query = perSecret[selectedNames.indexOf(name)];
    return { data: query?.data, loading: query?.isPending ?? false, error: query?.error ?? null };
  };

  const setAccess = useActionMutation(setCodespacesAccess(queryClient, org));
  const save = useMutation(saveOrgSecret(queryClient, org));
  const remove = useMutation(deleteOrgSecret(queryClient, org));
  const dialogs = useSecretDialogs<{ kind: 'access'; change: AccessChange }>(() => {
    setAccess.reset();
    save.reset();
    remove.reset();
  });
  const { open, setOpen, close } = dialogs;
  const formOpen = open?.kind === 'new' || open?.kind === 'edit';
  const [draft, setDraft] = useState<AccessDraft>({ visibility: null, usernames: new Set() });
  const members = useQuery({ ...orgMembersQuery(org), enabled: draft.visibility === 'selected_members' });
  const memberItems = useMemo<PickerItem[] | undefined>(
    () => members.data?.map((m) => ({ key: m.login, label: m.login })).sort((a, b) => a.label.localeCompare(b.label)),
    [members.data],
  );
  const repositories = useQuery({ ...orgRepositoriesQuery(org), enabled: formOpen });
  const hidden = privateRepositoriesHidden(repoAccess);
  const consent = useRepoScopeConsent(repoAccess);
  const inCodespaces = useCodespaceRepositories(formOpen && hidden);
  const edited = open?.kind === 'edit' ? secrets.data?.find((s) => s.name === open.name) : undefined;
  const editedRepositories = edited?.visibility === 'selected' ? repositoriesOf(edited.name).data : NO_REPOSITORIES;
  const repositoryItems = useMemo<PickerItem[] | undefined>(
    () =>
      repositories.data &&
      // The organisation's repositories, those the user's codespaces are in (private ones GitHub may
      // not list), and those the secret is already for.
      knownRepositories(repositories.data, inCodespaces.codespaces, { owner: org, extra: editedRepositories })
        .map((r) => ({ key: String(r.id), label: r.full_name, hint: r.private === false ? 'public' : undefined }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [repositories.data, inCodespaces.codespaces, editedRepositories, org],
  );
  const lastSet = useQuery(codespacesAccessLastSetQuery(org)).data ?? null;

  if (secrets.error instanceof ApiError && secrets.error.status === 401) return <SessionEnded />;

  return (
    <>
      <OrgSettingsView
        org={org}
        secrets={{ data: secrets.data, loading: secrets.isPending, error: secrets.error }}
        repositoriesOf={repositoriesOf}
        members={{ data: memberItems, loading: members.isPending, error: members.error }}
        draft={draft}
        lastSet={lastSet}
        now={now}
        githubWebUrl={webUrl}
        onDraftChange={setDraft}
        onReviewAccess={() => {
          if (!draft.visibility) return;
          setOpen({
            kind: 'access',
            change: planAccessChange(lastSet?.setting ?? null, { visibility: draft.visibility, usernames: [...draft.usernames] }),
          });
        }}
        onNewSecret={dialogs.openNew}
        onEditSecret={dialogs.openEdit}
        onDeleteSecret={dialogs.openDelete}
        onRetry={() => secrets.refetch()}
      />
      {open?.kind === 'access' && (
        <ConfirmDialog
          title={`Change who may use Codespaces in ${org}?`}
          description={
            <>
              <p>{accessChangeInWords(org, open.change)}</p>
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
          onConfirm={() => setAccess.mutate(open.change, { onSuccess: close })}
          onClose={close}
        />
      )}
      {formOpen && (
        <SecretFormDialog
          mode={open.kind === 'new' ? 'create' : 'edit'}
          where={org}
          name={open.kind === 'edit' ? open.name : undefined}
          existingNames={(secrets.data ?? []).map((s) => s.name)}
          access={{
            kind: 'visibility',
            owner: org,
            items: repositoryItems,
            loading: repositories.isPending || inCodespaces.loading,
            error: repositories.error,
            privateHidden: consent ?? undefined,
          }}
          initial={
            open.kind === 'edit'
              ? edited && editedRepositories
                ? { visibility: edited.visibility, repositoryKeys: editedRepositories.map((r) => String(r.id)) }
                : null
              : undefined
          }
          saving={save.isPending}
          error={save.error}
          onSave={({ name, value, visibility, repositoryKeys }) =>
            save.mutate(
              {
                name,
                value,
                visibility,
                repositoryIds: repositoryKeys.map(Number),
                creating: open.kind === 'new',
                was: edited?.visibility,
              },
              { onSuccess: close },
            )
          }
          onClose={close}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteSecretDialog
          name={open.name}
          usedBy={(() => {
            const secret = secrets.data?.find((s) => s.name === open.name);
            if (!secret) return undefined;
            const chosen = repositoriesOf(secret.name).data?.map((r) => r.full_name) ?? [];
            return secret.visibility === 'selected'
              ? chosen.length
                ? listInWords(chosen)
                : undefined
              : whoMayUse({ visibility: secret.visibility, repositories: [] }, org);
          })()}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(open.name, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
