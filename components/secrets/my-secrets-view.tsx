import { KeyRound, Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { describeFailure } from '@/lib/transport/errors';
import type { SecretRepository, UserSecret } from '@/lib/api/secrets';
import { pluralize } from '@/lib/format';
import { RepositoryNames, SecretsTable } from './secrets-table';
import { Page } from '@/components/layout/page';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

export interface MySecretsViewProps {
  secrets: readonly UserSecret[] | undefined;
  loading: boolean;
  error: Error | null;
  /** The repositories each secret is for (asked per secret). */
  repositoriesOf: (name: string) => Loaded<readonly SecretRepository[]>;
  now: number;
  onNew: () => void;
  onEdit: (name: string) => void;
  onDelete: (name: string) => void;
  onRetry: () => void;
}

/** The signed-in user's Codespaces secrets: what there is, where each may be used, and the changes. */
export function MySecretsView({ secrets, loading, error, repositoriesOf, now, onNew, onEdit, onDelete, onRetry }: MySecretsViewProps) {
  return (
    <Page>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Your Codespaces secrets</h1>
          <p className="mt-0.5 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
            Environment variables in your codespaces, each for the repositories you choose. GitHub keeps the values encrypted and never
            shows them again; Hangar never sees them.
            {secrets && secrets.length > 0 && ` ${pluralize(secrets.length, 'secret')}.`}
          </p>
        </div>
        <Button variant="primary" onClick={onNew}>
          <Plus aria-hidden className="size-4" /> New secret
        </Button>
      </div>

      {error && secrets && (
        <Alert title={describeFailure(error).title} tone="warning">
          {describeFailure(error).detail} Showing what was last loaded.
        </Alert>
      )}

      {loading ? (
        <div aria-busy="true" aria-label="Loading secrets" className="flex flex-col gap-2">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-11 animate-pulse rounded-lg bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800" />
          ))}
        </div>
      ) : error && !secrets ? (
        <ErrorAlert error={error} fallbackTitle="Could not load your secrets" onRetry={onRetry} />
      ) : !secrets || secrets.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-10" />} title="No Codespaces secrets yet">
          <p>
            Add tokens and keys your codespaces need, such as a package registry token, and choose which repositories’ codespaces get them.
            They arrive as environment variables when a codespace starts.
          </p>
          <Button className="mt-3" onClick={onNew}>
            <Plus aria-hidden className="size-4" /> New secret
          </Button>
        </EmptyState>
      ) : (
        <SecretsTable
          label="Your Codespaces secrets"
          secrets={secrets}
          now={now}
          accessHeading="Repositories"
          renderAccess={(secret) => {
            const repositories = repositoriesOf(secret.name);
            return <RepositoryNames repositories={repositories.data} loading={repositories.loading} error={repositories.error} />;
          }}
          onEdit={(secret) => onEdit(secret.name)}
          onDelete={(secret) => onDelete(secret.name)}
        />
      )}
    </Page>
  );
}
