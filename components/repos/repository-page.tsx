'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { signInWithGitHub } from '@/lib/auth/browser';
import type { ScopeAccess } from '@/lib/auth/scopes';
import { planBulkAction, staleStoppedCodespaces, type BulkPlan } from '@/lib/codespaces/bulk';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { devcontainersQuery, repositoryCodespacesQuery, repositoryMachinesQuery, repositoryQuery } from '@/lib/queries/repositories';
import { deleteRepositorySecret, repositorySecretsQuery, saveRepositorySecret } from '@/lib/queries/secrets';
import { preloadSealing } from '@/lib/secrets/seal';
import { RepositoryView, type RepositorySecretsSection } from './repository-view';

const BulkActionDialog = dynamic(() => import('@/components/codespaces/bulk-action-dialog').then((m) => m.BulkActionDialog));
const SecretFormDialog = dynamic(() => import('@/components/secrets/secret-form-dialog').then((m) => m.SecretFormDialog));
const DeleteSecretDialog = dynamic(() => import('@/components/secrets/delete-secret-dialog').then((m) => m.DeleteSecretDialog));

type Open = { kind: 'new' } | { kind: 'edit'; name: string } | { kind: 'delete'; name: string } | null;

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

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [granting, setGranting] = useState(false);
  const list = codespaces.data ?? [];
  const chosen = list.filter((c) => selected.has(c.name));
  const toggle = (name: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

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

  const close = () => {
    setOpen(null);
    save.reset();
    remove.reset();
  };

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
        selected={selected}
        onToggle={toggle}
        onToggleAll={() => setSelected(chosen.length === list.length ? new Set() : new Set(list.map((c) => c.name)))}
        onStopSelected={() => setPlan(planBulkAction(chosen, 'stop'))}
        onDeleteSelected={() => setPlan(planBulkAction(chosen, 'delete'))}
        onClearSelection={() => setSelected(new Set())}
        onSelectStale={(days) => setSelected(new Set(staleStoppedCodespaces(list, days, Date.now()).map((c) => c.name)))}
        onNewSecret={() => {
          preloadSealing();
          setOpen({ kind: 'new' });
        }}
        onEditSecret={(name) => {
          preloadSealing();
          setOpen({ kind: 'edit', name });
        }}
        onDeleteSecret={(name) => setOpen({ kind: 'delete', name })}
        onRetry={() => repository.refetch()}
      />
      {plan && (
        <BulkActionDialog
          plan={plan}
          onClose={(finished) => {
            setPlan(null);
            if (finished) setSelected(new Set());
          }}
        />
      )}
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
