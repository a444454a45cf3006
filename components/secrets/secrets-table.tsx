import type { ReactNode } from 'react';
import Link from 'next/link';
import { Pencil, Trash2 } from 'lucide-react';
import { Breakable } from '@/components/ui/breakable';
import { Button } from '@/components/ui/button';
import { describeFailure } from '@/lib/transport/errors';
import { exactTime, relativeTime } from '@/lib/format';
import { repositoryPath } from '@/lib/repositories/domain/path';

export interface SecretRowData {
  name: string;
  updated_at: string;
}

/**
 * Secrets as a table: the name, when it was last updated (relative, exact on hover), where it may
 * be used (when there is a choice), and Edit and Delete. Values are never shown: GitHub never
 * gives them back.
 */
export function SecretsTable<T extends SecretRowData>({
  label,
  secrets,
  now,
  accessHeading,
  renderAccess,
  onEdit,
  onDelete,
}: {
  label: string;
  secrets: readonly T[];
  now: number;
  /** The column saying where each secret may be used; none for a repository's own. */
  accessHeading?: string;
  renderAccess?: (secret: T) => ReactNode;
  onEdit: (secret: T) => void;
  onDelete: (secret: T) => void;
}) {
  // Explicit roles: a phone shows each secret as a card (the table's parts restyled as blocks and
  // grids), and browsers drop a table's semantics once its display changes.
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table role="table" aria-label={label} className="w-full text-left text-sm max-sm:block">
        <thead
          role="rowgroup"
          className="border-b border-zinc-200 bg-zinc-50 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase max-sm:sr-only dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className="px-4 py-2">
              Name
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2">
              Updated
            </th>
            {accessHeading && (
              <th role="columnheader" scope="col" className="px-4 py-2">
                {accessHeading}
              </th>
            )}
            <th role="columnheader" scope="col" className="px-4 py-2 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-zinc-200 max-sm:block dark:divide-zinc-800">
          {secrets.map((secret) => (
            <tr
              key={secret.name}
              role="row"
              data-secret={secret.name}
              className="max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:gap-y-1 max-sm:px-4 max-sm:py-3 max-sm:[grid-template-areas:'name_actions'_'updated_actions'_'access_access']"
            >
              <th
                role="rowheader"
                scope="row"
                data-secret-name
                className="px-4 py-2.5 font-mono text-[13px] font-medium break-words text-zinc-900 max-sm:self-center max-sm:p-0 max-sm:[grid-area:name] dark:text-zinc-100"
              >
                <Breakable text={secret.name} />
              </th>
              <td
                role="cell"
                className="px-4 py-2.5 whitespace-nowrap text-zinc-600 max-sm:p-0 max-sm:text-xs max-sm:[grid-area:updated] dark:text-zinc-400"
              >
                <span aria-hidden className="sm:hidden">
                  Updated{' '}
                </span>
                <time dateTime={secret.updated_at} title={exactTime(secret.updated_at)} suppressHydrationWarning>
                  {relativeTime(secret.updated_at, now)}
                </time>
              </td>
              {accessHeading && (
                <td role="cell" className="px-4 py-2.5 text-zinc-700 max-sm:p-0 max-sm:pt-1 max-sm:[grid-area:access] dark:text-zinc-300">
                  {renderAccess?.(secret)}
                </td>
              )}
              <td role="cell" className="px-4 py-2.5 max-sm:self-start max-sm:p-0 max-sm:[grid-area:actions]">
                <div className="flex justify-end gap-1.5 max-sm:[&_button]:h-8">
                  <Button size="sm" onClick={() => onEdit(secret)} title={`Edit ${secret.name}`}>
                    <Pencil aria-hidden className="size-3" /> Edit
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => onDelete(secret)}
                    title={`Delete ${secret.name}`}
                    className="text-red-700 dark:text-red-400"
                  >
                    <Trash2 aria-hidden className="size-3" /> Delete
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The repositories a secret is for, each linked to its page in Hangar. */
export function RepositoryNames({
  repositories,
  loading,
  error,
}: {
  repositories: readonly { full_name: string }[] | undefined;
  loading: boolean;
  error: unknown;
}) {
  if (loading) return <span className="text-zinc-500 dark:text-zinc-400">Loading…</span>;
  if (error) return <span className="text-red-700 dark:text-red-400">Could not load: {describeFailure(error).title}</span>;
  if (!repositories?.length) return <span className="text-zinc-500 dark:text-zinc-400">No repository yet</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
      {repositories.map((repo) => (
        <li key={repo.full_name} className="min-w-0">
          <Link href={repositoryPath(repo.full_name)} className="text-sky-700 hover:underline dark:text-sky-400">
            <Breakable text={repo.full_name} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
