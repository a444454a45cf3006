'use client';

import { useMemo, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import type { PickerItem } from '@/components/ui/multi-picker';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import { useCodespaceRepositories } from '@/lib/codespaces/use-codespace-repositories';
import { listInWords } from '@/lib/format';
import { listOrgRepositoriesQuery } from '@/lib/orgs/queries';
import { loaded, type Loaded } from '@/components/ui/loaded';
import { knownRepositories, type KnownRepository } from '@/lib/repositories/domain/known';
import { listMyRepositoriesQuery } from '@/lib/repositories/queries';
import { whoMayUse } from '@/lib/secrets/domain/form';
import type { SecretVisibility } from '@/lib/secrets/domain/names';
import type { Secret, SecretScope } from '@/lib/secrets/domain/scope';
import type { SecretRepository } from '@/lib/secrets/domain/types';
import { deleteSecretMutation, listSecretRepositoriesQuery, listSecretsQuery, putSecretMutation } from '@/lib/secrets/queries';
import type { SecretAccessField } from './secret-form-dialog';
import type { SecretsSectionProps } from './secrets-section';
import { useSecretDialogs } from './use-secret-dialogs';

// Dialogs load when opened: most visits open none.
const SecretFormDialog = dynamic(() => import('./secret-form-dialog').then((m) => m.SecretFormDialog));
const DeleteSecretDialog = dynamic(() => import('./delete-secret-dialog').then((m) => m.DeleteSecretDialog));

const NO_REPOSITORIES: readonly SecretRepository[] = [];
const byLabel = (a: PickerItem, b: PickerItem) => a.label.localeCompare(b.label);
const asItem = (repo: KnownRepository): PickerItem => ({
  key: String(repo.id),
  label: repo.full_name,
  hint: repo.private === false ? 'public' : undefined,
});

export interface SecretsSectionOptions {
  /** Whether the session may list them (a repository's, for its administrators with the scope it needs). */
  enabled?: boolean;
  /** Whether GitHub hides private repositories from the session, and the consent that shows them. */
  repoAccess: ScopeAccess;
  now: number;
}

/**
 * A scope's secrets, read and changed: the list, where each may be used, the form and delete
 * dialogs with what they need (the repositories to choose from: where GitHub hides private ones
 * from the session, those the user's codespaces are in are added, and the rest said missing).
 * The same for the user's own, a repository's and an organisation's; returns the section's props
 * (for SecretsSection) and its dialogs.
 */
export function useSecretsSection(
  scope: SecretScope,
  { enabled = true, repoAccess, now }: SecretsSectionOptions,
): { section: Omit<SecretsSectionProps, 'scope' | 'app'> & { onRetry: () => void }; dialogs: ReactNode } {
  const queryClient = useQueryClient();
  const list = useQuery(listSecretsQuery(scope, { enabled }));
  // The secrets whose repositories are chosen one by one: all of the user's, an organisation's `selected` ones.
  const chosenFor = useMemo(
    () =>
      scope.kind === 'repository'
        ? []
        : (list.data ?? []).filter((s) => scope.kind === 'user' || s.visibility === 'selected').map((s) => s.name),
    [list.data, scope.kind],
  );
  const perSecret = useQueries({ queries: chosenFor.map((name) => listSecretRepositoriesQuery(scope, name)) });
  const repositoriesOf = (name: string): Loaded<readonly SecretRepository[]> => {
    const query = perSecret[chosenFor.indexOf(name)];
    return { data: query?.data, loading: query?.isPending ?? false, error: query?.error ?? null };
  };
  /** Which repositories may use it: the user's are always chosen one by one. */
  const visibilityOf = (secret: Secret | undefined): SecretVisibility | undefined =>
    scope.kind === 'user' ? 'selected' : secret?.visibility;

  const save = useMutation(putSecretMutation(queryClient, scope));
  const remove = useMutation(deleteSecretMutation(queryClient, scope));
  const dialogs = useSecretDialogs(() => {
    save.reset();
    remove.reset();
  });
  const { open, close } = dialogs;
  const formOpen = open?.kind === 'new' || open?.kind === 'edit';

  // The repositories to choose from: the user's, or the organisation's (a repository's own secret has no choice).
  const choosing = formOpen && scope.kind !== 'repository';
  const owner = scope.kind === 'organization' ? scope.org : undefined;
  const mine = useQuery({ ...listMyRepositoriesQuery(), enabled: choosing && scope.kind === 'user' });
  const ofOrganization = useQuery({ ...listOrgRepositoriesQuery(owner ?? ''), enabled: choosing && Boolean(owner) });
  const listed = owner ? ofOrganization : mine;
  const consent = useRepoScopeConsent(repoAccess);
  const inCodespaces = useCodespaceRepositories(choosing && privateRepositoriesHidden(repoAccess));
  const edited = open?.kind === 'edit' ? list.data?.find((s) => s.name === open.name) : undefined;
  const editedChoice =
    open?.kind === 'edit' ? (visibilityOf(edited) === 'selected' ? repositoriesOf(open.name).data : NO_REPOSITORIES) : NO_REPOSITORIES;
  const items = useMemo(
    () =>
      // Those GitHub lists, those the user's codespaces are in (private ones GitHub may not list), and
      // any the secret is already for (a public one of someone else's).
      listed.data && knownRepositories(listed.data, inCodespaces.codespaces, { owner, extra: editedChoice }).map(asItem).sort(byLabel),
    [listed.data, inCodespaces.codespaces, editedChoice, owner],
  );
  const access: SecretAccessField =
    scope.kind === 'repository'
      ? { kind: 'none' }
      : {
          ...(scope.kind === 'organization' ? { kind: 'visibility' as const, owner: scope.org } : { kind: 'repositories' as const }),
          items,
          loading: listed.isPending || inCodespaces.loading,
          error: listed.error,
          privateHidden: consent ?? undefined,
        };

  /** Where a secret may be used now, in words, for its delete confirmation. */
  const usedBy = (name: string): string | undefined => {
    if (scope.kind === 'repository') return scope.repo;
    const visibility = visibilityOf(list.data?.find((s) => s.name === name));
    if (!visibility) return undefined;
    if (visibility !== 'selected') return whoMayUse({ visibility, repositories: [] }, owner);
    const chosen = repositoriesOf(name).data?.map((r) => r.full_name) ?? [];
    return chosen.length ? listInWords(chosen) : undefined;
  };

  return {
    section: {
      secrets: loaded(list),
      repositoriesOf,
      now,
      onNew: dialogs.openNew,
      onEdit: dialogs.openEdit,
      onDelete: dialogs.openDelete,
      onRetry: () => void list.refetch(),
    },
    dialogs: (
      <>
        {formOpen && (
          <SecretFormDialog
            mode={open.kind === 'new' ? 'create' : 'edit'}
            where={scope.kind === 'user' ? 'your codespaces' : scope.kind === 'repository' ? scope.repo : scope.org}
            name={open.kind === 'edit' ? open.name : undefined}
            existingNames={(list.data ?? []).map((s) => s.name)}
            access={access}
            initial={
              open.kind === 'edit'
                ? edited && editedChoice
                  ? { visibility: visibilityOf(edited)!, repositoryKeys: editedChoice.map((r) => String(r.id)) }
                  : null
                : undefined
            }
            saving={save.isPending}
            error={save.error}
            onSave={({ name, value, visibility, repositoryKeys }) => {
              // A repository's secret is only ever its value: nothing to save without one.
              if (scope.kind === 'repository' && value === undefined) return;
              save.mutate(
                {
                  name,
                  value,
                  visibility,
                  repositoryIds: repositoryKeys.map(Number),
                  creating: open.kind === 'new',
                  was: visibilityOf(edited),
                },
                { onSuccess: close },
              );
            }}
            onClose={close}
          />
        )}
        {open?.kind === 'delete' && (
          <DeleteSecretDialog
            name={open.name}
            usedBy={usedBy(open.name)}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate(open.name, { onSuccess: close })}
            onClose={close}
          />
        )}
      </>
    ),
  };
}
