'use client';

import dynamic from 'next/dynamic';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBulkActions } from '@/components/codespaces/use-bulk-actions';
import { useGithubWeb } from '@/components/github/github-web';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/transport/errors';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { answerOf, repositoryStanding } from '@/lib/repositories/standing';
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

/**
 * A repository's page: the user's codespaces in it, what it offers, and its secrets for its
 * administrators. Where GitHub hides a private repository from the token (an OAuth App without the
 * `repo` scope), its codespaces still show, with what cannot and why.
 */
export function RepositoryPage({ repo, repoAccess }: { repo: string; repoAccess: ScopeAccess }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const { webUrl } = useGithubWeb();
  const repository = useQuery(repositoryQuery(repo));
  const codespaces = useQuery(repositoryCodespacesQuery(repo));
  const devcontainers = useQuery(devcontainersQuery(repo));
  const machines = useQuery(repositoryMachinesQuery(repo, '', ''));
  const consent = useRepoScopeConsent(repoAccess);
  const standing = repositoryStanding(answerOf(repository), answerOf(codespaces));
  const admin = repository.data?.permissions?.admin === true;
  const mayList = admin && (repoAccess.kind === 'granted' || repoAccess.kind === 'app');
  const secrets = useQuery(repositorySecretsQuery(repo, mayList));
  const save = useMutation(saveRepositorySecret(queryClient, repo));
  const remove = useMutation(deleteRepositorySecret(queryClient, repo));

  const dialogs = useSecretDialogs(() => {
    save.reset();
    remove.reset();
  });
  const { open, close } = dialogs;
  const list = codespaces.data ?? NO_CODESPACES;
  const bulk = useBulkActions(list, list);

  const secretsSection: RepositorySecretsSection = !repository.data
    ? { kind: 'unknown' }
    : !admin
      ? { kind: 'not-admin' }
      : consent
        ? { kind: 'consent', consent }
        : { kind: 'list', app: repoAccess.kind === 'app', ...loaded(secrets) };

  if (repository.error instanceof ApiError && repository.error.status === 401) return <SessionEnded />;

  return (
    <>
      <RepositoryView
        repo={repo}
        standing={standing}
        hidden={{ privateRepositories: privateRepositoriesHidden(repoAccess), consent }}
        githubUrl={webUrl ? `${webUrl}/${repo}` : null}
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
