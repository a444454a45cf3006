import type { ReactNode } from 'react';
import { KeyRound, Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { pluralize } from '@/lib/format';
import type { Loaded } from '@/components/ui/loaded';
import { SECRET_VISIBILITY_WORDS } from '@/lib/secrets/domain/form';
import type { Secret, SecretScope } from '@/lib/secrets/domain/scope';
import type { SecretRepository } from '@/lib/secrets/domain/types';
import { ApiError } from '@/lib/transport/api-error';
import { describeFailure } from '@/lib/transport/errors';
import { RepositoryNames, SecretsTable } from './secrets-table';

export interface SecretsSectionProps {
  scope: SecretScope;
  secrets: Loaded<readonly Secret[]>;
  /** The repositories a secret is chosen for (the user's, and an organisation's with `selected`). */
  repositoriesOf: (name: string) => Loaded<readonly SecretRepository[]>;
  now: number;
  /** Signed in through Hangar's GitHub App: a refusal names the permission it needs. */
  app?: boolean;
  onNew: () => void;
  onEdit: (name: string) => void;
  onDelete: (name: string) => void;
  onRetry?: () => void;
}

/** What each scope's section says. */
function wordsFor(scope: SecretScope) {
  switch (scope.kind) {
    case 'user':
      return {
        title: 'Your Codespaces secrets',
        about:
          'Environment variables in your codespaces, each for the repositories you choose. GitHub keeps the values encrypted and never shows them again; Hangar never sees them.',
        failed: 'Could not load your secrets',
        empty: 'No Codespaces secrets yet',
        emptyText:
          'Add tokens and keys your codespaces need, such as a package registry token, and choose which repositories’ codespaces get them. They arrive as environment variables when a codespace starts.',
        accessHeading: 'Repositories',
      };
    case 'repository':
      return {
        title: 'Codespaces secrets of this repository',
        about: `Every codespace made from ${scope.repo} gets these, whoever creates it. Values are never shown back.`,
        failed: 'Could not load the repository’s secrets',
        empty: 'No secrets in this repository',
        emptyText: `Add the tokens every codespace made from ${scope.repo} needs, such as a deploy token.`,
        accessHeading: undefined,
        appRefused: `Signed in through Hangar’s GitHub App, which needs the repository permission “Codespaces secrets” (read and write) on ${scope.repo}. An owner of the app’s installation can grant it.`,
      };
    case 'organization':
      return {
        title: `Codespaces secrets of ${scope.org}`,
        about: `Environment variables in the codespaces of ${scope.org}’s repositories: all of them, the private ones, or those you choose. Values are never shown back.`,
        failed: `Could not load the secrets of ${scope.org}`,
        empty: `No Codespaces secrets in ${scope.org}`,
        emptyText:
          'Add the tokens every codespace of the organisation needs, such as a registry token, and choose which repositories get them.',
        accessHeading: 'Repository access',
      };
  }
}

/**
 * A scope's Codespaces secrets, the same on each of their pages (the user's own, a repository's,
 * an organisation's settings): what there is, where each may be used, and New, Edit and Delete.
 * Values are never shown: GitHub never gives them back.
 */
export function SecretsSection({
  scope,
  secrets,
  repositoriesOf,
  now,
  app = false,
  onNew,
  onEdit,
  onDelete,
  onRetry,
}: SecretsSectionProps) {
  const words = wordsFor(scope);
  const { data, loading, error } = secrets;
  const mine = scope.kind === 'user';
  const headingId = `secrets-${scope.kind}`;
  const count = data && data.length > 0 ? ` ${pluralize(data.length, 'secret')}.` : '';
  return (
    <section aria-labelledby={mine ? undefined : headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          {mine ? (
            <h1 className="text-xl font-semibold tracking-tight">{words.title}</h1>
          ) : (
            <h2 id={headingId} className="text-base font-semibold">
              {words.title}
              {data && <span className="font-normal text-zinc-500 dark:text-zinc-400"> ({data.length})</span>}
            </h2>
          )}
          <p className="mt-0.5 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
            {words.about}
            {mine && count}
          </p>
        </div>
        <Button variant={mine ? 'primary' : 'secondary'} size={mine ? 'md' : 'sm'} onClick={onNew} disabled={!mine && !data}>
          <Plus aria-hidden className={mine ? 'size-4' : 'size-3.5'} /> New secret
        </Button>
      </div>

      {Boolean(error) && data && (
        <Alert title={describeFailure(error).title} tone="warning">
          {describeFailure(error).detail} Showing what was last loaded.
        </Alert>
      )}

      {loading ? (
        <div aria-busy="true" aria-label="Loading secrets" className="flex flex-col gap-2">
          {[0, 1].map((i) => (
            <div key={i} className="h-11 animate-pulse rounded-lg bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800" />
          ))}
        </div>
      ) : error && !data ? (
        <>
          <ErrorAlert error={error} fallbackTitle={words.failed} onRetry={onRetry} />
          {app && 'appRefused' in words && error instanceof ApiError && error.status === 403 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{words.appRefused}</p>
          )}
        </>
      ) : !data?.length ? (
        <EmptyState icon={<KeyRound className="size-10" />} title={words.empty}>
          <p>{words.emptyText}</p>
          {mine && (
            <Button className="mt-3" onClick={onNew}>
              <Plus aria-hidden className="size-4" /> New secret
            </Button>
          )}
        </EmptyState>
      ) : (
        <SecretsTable
          label={words.title}
          secrets={data}
          now={now}
          accessHeading={words.accessHeading}
          renderAccess={(secret) => access(scope, secret, repositoriesOf)}
          onEdit={(secret) => onEdit(secret.name)}
          onDelete={(secret) => onDelete(secret.name)}
        />
      )}
    </section>
  );
}

/** Where a secret may be used: its visibility in words, or the repositories chosen for it. */
function access(scope: SecretScope, secret: Secret, repositoriesOf: SecretsSectionProps['repositoriesOf']): ReactNode {
  if (scope.kind === 'organization' && secret.visibility && secret.visibility !== 'selected')
    return `${SECRET_VISIBILITY_WORDS[secret.visibility]} of ${scope.org}`;
  const chosen = repositoriesOf(secret.name);
  return <RepositoryNames repositories={chosen.data} loading={chosen.loading} error={chosen.error} />;
}
