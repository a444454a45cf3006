'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, ExternalLink, Trash2 } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/state';
import { useCodespace, useDeleteCodespace, useTransitionNotices } from '@/lib/queries/codespaces';
import { DeleteDialog } from './delete-dialog';
import { DetailsCard, GitStatusCard, MachineCard } from './codespace-detail';
import { PowerButton } from './power-button';
import { StateBadge } from './state-badge';

export function CodespaceDetailPage({ name }: { name: string }) {
  const query = useCodespace(name);
  useTransitionNotices();
  const router = useRouter();
  const remove = useDeleteCodespace();
  const [deleting, setDeleting] = useState(false);
  const [now] = useState(() => Date.now());

  const error = query.error instanceof ApiError ? query.error : null;
  if (error?.status === 401) return <SessionEnded />;

  const codespace = query.data;
  const canDelete = codespace ? actionAvailability(codespace, 'delete') : null;

  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-5 px-4 py-6 sm:px-6">
      <Link href="/" className="inline-flex w-fit items-center gap-1 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
        <ArrowLeft aria-hidden className="size-4" /> All codespaces
      </Link>

      {!codespace ? (
        query.isPending ? (
          <div aria-busy="true" aria-label="Loading codespace" className="h-40 animate-pulse rounded-xl bg-zinc-200 dark:bg-zinc-800" />
        ) : (
          <Alert
            title={error?.status === 404 ? 'This codespace does not exist' : (error?.description.title ?? 'Could not load this codespace')}
            action={error?.status !== 404 ? <Button size="sm" onClick={() => query.refetch()}>Try again</Button> : undefined}
          >
            {error?.status === 404 ? `No codespace named ${name} belongs to you. It may have been deleted.` : error?.description.detail}
          </Alert>
        )
      ) : (
        <>
          {query.isError && error && (
            <Alert title={error.description.title} tone="warning">
              {error.description.detail} Showing what was last loaded.
            </Alert>
          )}
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-3">
                <h1 className="truncate text-2xl font-semibold tracking-tight">{codespaceTitle(codespace)}</h1>
                <StateBadge state={codespace.state} />
              </div>
              <p className="mt-1 font-mono text-xs text-zinc-500">{codespace.name}</p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <a
                href={codespace.web_url}
                target="_blank"
                rel="noreferrer"
                className="inline-flex h-9 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
              >
                <ExternalLink aria-hidden className="size-4" /> Open in browser
              </a>
              <PowerButton codespace={codespace} size="md" />
              {canDelete?.allowed ? (
                <Button variant="secondary" onClick={() => setDeleting(true)} className="text-red-700 dark:text-red-400">
                  <Trash2 aria-hidden className="size-4" /> Delete
                </Button>
              ) : (
                <Tooltip content={canDelete?.reason}>
                  <span tabIndex={0} className="inline-flex rounded-md" aria-label={`Delete unavailable: ${canDelete?.reason}`}>
                    <Button disabled tabIndex={-1} aria-hidden>
                      <Trash2 aria-hidden className="size-4" /> Delete
                    </Button>
                  </span>
                </Tooltip>
              )}
            </div>
          </header>

          <div className="grid gap-5 md:grid-cols-2">
            <GitStatusCard codespace={codespace} />
            <MachineCard codespace={codespace} />
          </div>
          <DetailsCard codespace={codespace} now={now} />

          <DeleteDialog
            codespace={codespace}
            open={deleting}
            onOpenChange={setDeleting}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(codespace, {
                onSuccess: () => router.push('/'),
                onError: () => setDeleting(false),
              })
            }
          />
          {remove.error && (
            <Alert title={`Could not delete: ${remove.error instanceof ApiError ? remove.error.description.title : 'error'}`} onDismiss={() => remove.reset()}>
              {remove.error instanceof ApiError ? remove.error.description.detail : String(remove.error)}
            </Alert>
          )}
        </>
      )}
    </main>
  );
}
