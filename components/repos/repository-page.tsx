'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBulkActions } from '@/components/codespaces/use-bulk-actions';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { signInWithGitHub } from '@/lib/auth/browser';
import type { ScopeAccess } from '@/lib/auth/scopes';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { devcontainersQuery, repositoryCodespacesQuery, repositoryMachinesQuery, repositoryQuery } from '@/lib/queries/repositories';
import { deleteRepositorySecret, repositorySecretsQuery, saveRepositorySecret } from '@/lib/queries/secrets';
import { useSecretDialogs } from '@/components/secrets/use-secret-dialogs';
import { RepositoryView, type RepositorySecretsSection } from './repository-view';

const SecretFormDialog = dynamic(() => import('@/components/secrets/secret-form-dialog').then((m) => m.SecretFormDialog));
const DeleteSecretDialog = dynamic(() => import('@/components/secrets/delete-secret-dialog').then((m) => m.DeleteSecretDialog));

const NO_CODESPACES: readonly CodespaceSummary[] = [];

const loaded = <T,>(query: { data: T | undefined; isPending: boolean; error: unknown }) => ({
  data: query.data,
  loading: query.isPending,
  error: query.error,
});

/** A repository's page: the user's codespaces in it, what it offers, and its secrets for its administrators. */
export function RepositoryPage({ repo, secretsAccess }: { repo: string; secretsAccess: ScopeAccess }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const repository = useQuery(repositoryQuery(repo));
  const codespaces = useQuery(repositoryCodespacesQuery(repo));
  const devcontainers = useQuery(devcontainersQuery(repo));
  const machines = useQuery(repositoryMachinesQuery(repo, '', ''));
  const admin = repository.data?.permissions?.admin === true;
  const mayList = admin && (secretsAccess.kind === 'granted' || secretsAccess.kind === 'app');
  const secrets = useQuery(repositorySecretsQuery(repo, mayList));
  const save = useMutation(saveRepositorySecret(queryClient, repo));
  const remove = useMutation(deleteRepositorySecret(queryClient, repo));

  const dialogs = useSecretDialogs(() => {
    save.reset();
    remove.reset();
  });
  const { open, close } = dialogs;
  const [granting, setGranting] = useState(false);
  const list = codespaces.data ?? NO_CODESPACES;
  const bulk = useBulkActions(list, list);

  const secretsSection: RepositorySecretsSection = !repository.data
    ? { kind: 'unknown' }
    : !admin
      ? { kind: 'not-admin' }
      : secretsAccess.kind === 'consent'
        ? {
            kind: 'consent',
            granting,
            onGrant: () => {
              setGranting(true);
              void signInWithGitHub(secretsAccess.scopes);
            },
          }
        : secretsAccess.kind === 'local'
          ? { kind: 'local', advice: secretsAccess.advice }
          : { kind: 'list', app: secretsAccess.kind === 'app', ...loaded(secrets) };

  if (repository.error instanceof ApiError && repository.error.status === 401) return <SessionEnded />;

  return (
    <>
      <RepositoryView
        repo={repo}
        repository={loaded(repository)}
        codespaces={loaded(codespaces)}
        devcontainers={loaded(devcontainers)}
        machines={loaded(machines)}
        secrets={secretsSection}
        now={now}
        {...bulk.listProps}
        onNewSecret={dialogs.openNew}
        onEditSecret={dialogs.openEdit}
        onDeleteSecret={dialogs.openDelete}
        onRetry={() => repository.refetch()}
      />
      {bulk.dialog}
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <SecretFormDialog
          mode={open.kind === 'new' ? 'create' : 'edit'}
          where={repo}
          name={open.kind === 'edit' ? open.name : undefined}
          existingNames={(secrets.data ?? []).map((s) => s.name)}
          access={{ kind: 'none' }}
          saving={save.isPending}
          error={save.error}
          onSave={({ name, value }) => {
            if (value !== undefined) save.mutate({ name, value, creating: open.kind === 'new' }, { onSuccess: close });
          }}
          onClose={close}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteSecretDialog
          name={open.name}
          usedBy={repo}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(open.name, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
