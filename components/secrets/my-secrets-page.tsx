'use client';

import { useMemo } from 'react';
import dynamic from 'next/dynamic';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import { SessionEnded } from '@/components/layout/session-ended';
import type { PickerItem } from '@/components/ui/multi-picker';
import { ApiError } from '@/lib/transport/errors';
import type { SecretRepository } from '@/lib/api/secrets';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import { useCodespaceRepositories } from '@/lib/hooks/use-codespace-repositories';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { myRepositoriesQuery } from '@/lib/queries/repositories';
import { deleteMySecret, mySecretRepositoriesQuery, mySecretsQuery, saveMySecret } from '@/lib/queries/secrets';
import { knownRepositories } from '@/lib/repositories/known';
import { listInWords } from '@/lib/secrets/form';
import { useSecretDialogs } from './use-secret-dialogs';
import { MySecretsView, type Loaded } from './my-secrets-view';

// Dialogs load when opened: most visits open none.
const SecretFormDialog = dynamic(() => import('./secret-form-dialog').then((m) => m.SecretFormDialog));
const DeleteSecretDialog = dynamic(() => import('./delete-secret-dialog').then((m) => m.DeleteSecretDialog));

const byName = (a: PickerItem, b: PickerItem) => a.label.localeCompare(b.label);

/**
 * The user's secrets: reads them and where each may be used, and runs the form and delete dialogs.
 * Where GitHub hides private repositories from the session (`repoAccess`), the picker adds those
 * the user's codespaces are in, and says the rest are missing.
 */
export function MySecretsPage({ repoAccess }: { repoAccess: ScopeAccess }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const list = useQuery(mySecretsQuery());
  const names = useMemo(() => (list.data ?? []).map((s) => s.name), [list.data]);
  const perSecret = useQueries({ queries: names.map((name) => mySecretRepositoriesQuery(name)) });
  const repositoriesOf = (name: string): Loaded<readonly SecretRepository[]> => {
    const query = perSecret[names.indexOf(name)];
    return { data: query?.data, loading: query?.isPending ?? true, error: query?.error ?? null };
  };

  const save = useMutation(saveMySecret(queryClient));
  const remove = useMutation(deleteMySecret(queryClient));
  const dialogs = useSecretDialogs(() => {
    save.reset();
    remove.reset();
  });
  const { open, close } = dialogs;
  const formOpen = open?.kind === 'new' || open?.kind === 'edit';
  const mine = useQuery({ ...myRepositoriesQuery(), enabled: formOpen });
  const hidden = privateRepositoriesHidden(repoAccess);
  const consent = useRepoScopeConsent(repoAccess);
  const inCodespaces = useCodespaceRepositories(formOpen && hidden);

  const edited = open?.kind === 'edit' ? repositoriesOf(open.name) : null;
  const items = useMemo(() => {
    // The user's repositories, those their codespaces are in (private ones GitHub may not list), and
    // any the secret is already for (a public one of someone else's).
    const known = knownRepositories(mine.data, inCodespaces.codespaces, { extra: edited?.data });
    const all = known.map((repo) => ({ key: String(repo.id), label: repo.full_name, hint: repo.private === false ? 'public' : undefined }));
    return mine.data ? all.sort(byName) : undefined;
  }, [mine.data, inCodespaces.codespaces, edited?.data]);

  if (list.error instanceof ApiError && list.error.status === 401) return <SessionEnded />;

  return (
    <>
      <MySecretsView
        secrets={list.data}
        loading={list.isPending}
        error={list.error}
        repositoriesOf={repositoriesOf}
        now={now}
        onNew={dialogs.openNew}
        onEdit={dialogs.openEdit}
        onDelete={dialogs.openDelete}
        onRetry={() => list.refetch()}
      />
      {formOpen && (
        <SecretFormDialog
          mode={open.kind === 'new' ? 'create' : 'edit'}
          where="your codespaces"
          name={open.kind === 'edit' ? open.name : undefined}
          existingNames={names}
          access={{
            kind: 'repositories',
            items,
            loading: mine.isPending || inCodespaces.loading,
            error: mine.error,
            privateHidden: consent ?? undefined,
          }}
          initial={
            open.kind === 'edit'
              ? edited?.data
                ? { visibility: 'selected', repositoryKeys: edited.data.map((r) => String(r.id)) }
                : null
              : undefined
          }
          saving={save.isPending}
          error={save.error}
          onSave={({ name, value, repositoryKeys }) =>
            save.mutate({ name, value, repositoryIds: repositoryKeys.map(Number), creating: open.kind === 'new' }, { onSuccess: close })
          }
          onClose={close}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteSecretDialog
          name={open.name}
          usedBy={repositoriesOf(open.name).data?.length ? listInWords(repositoriesOf(open.name).data!.map((r) => r.full_name)) : undefined}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(open.name, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
