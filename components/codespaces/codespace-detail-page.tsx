'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Cpu, GitBranchPlus, Pencil, Trash2, Upload } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/state';
import { useCodespace, useDeleteCodespace, useTransitionNotices } from '@/lib/queries/codespaces';
import { ActionButton } from './action-button';
import { ConnectPanel } from './connect-panel';
import { DetailsCard, GitStatusCard, MachineCard } from './codespace-detail';
import { PowerButton } from './power-button';
import { StateBadge } from './state-badge';

// Dialogs load when opened: most visits open none.
const ChangeMachineDialog = dynamic(() => import('./change-machine-dialog').then((m) => m.ChangeMachineDialog));
const DeleteDialog = dynamic(() => import('./delete-dialog').then((m) => m.DeleteDialog));
const ExportDialog = dynamic(() => import('./export-dialog').then((m) => m.ExportDialog));
const PublishDialog = dynamic(() => import('./publish-dialog').then((m) => m.PublishDialog));
const RenameDialog = dynamic(() => import('./rename-dialog').then((m) => m.RenameDialog));

export function CodespaceDetailPage({ name }: { name: string }) {
  const query = useCodespace(name);
  useTransitionNotices();
  const router = useRouter();
  const remove = useDeleteCodespace();
  const [dialog, setDialog] = useState<'rename' | 'machine' | 'export' | 'publish' | 'delete' | null>(null);
  const [now] = useState(() => Date.now());

  const error = query.error instanceof ApiError ? query.error : null;
  if (error?.status === 401) return <SessionEnded />;

  const codespace = query.data;

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
            action={
              error?.status !== 404 ? (
                <Button size="sm" onClick={() => query.refetch()}>
                  Try again
                </Button>
              ) : undefined
            }
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
              <p className="mt-1 font-mono text-xs text-zinc-500 dark:text-zinc-400">{codespace.name}</p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <PowerButton codespace={codespace} size="md" />
              <ActionButton label="Rename" availability={actionAvailability(codespace, 'rename')} onClick={() => setDialog('rename')}>
                <Pencil aria-hidden className="size-4" /> Rename
              </ActionButton>
              <ActionButton
                label="Change machine"
                availability={actionAvailability(codespace, 'changeMachine')}
                onClick={() => setDialog('machine')}
              >
                <Cpu aria-hidden className="size-4" /> Change machine
              </ActionButton>
              <ActionButton label="Export" availability={actionAvailability(codespace, 'export')} onClick={() => setDialog('export')}>
                <GitBranchPlus aria-hidden className="size-4" /> Export
              </ActionButton>
              {codespace.publish_url && (
                <ActionButton label="Publish" availability={{ allowed: true }} onClick={() => setDialog('publish')}>
                  <Upload aria-hidden className="size-4" /> Publish
                </ActionButton>
              )}
              <ActionButton
                label="Delete"
                availability={actionAvailability(codespace, 'delete')}
                onClick={() => setDialog('delete')}
                className="text-red-700 dark:text-red-400"
              >
                <Trash2 aria-hidden className="size-4" /> Delete
              </ActionButton>
            </div>
          </header>
          <ConnectPanel codespace={codespace} />

          <div className="grid gap-5 md:grid-cols-2">
            <GitStatusCard codespace={codespace} />
            <MachineCard codespace={codespace} />
          </div>
          <DetailsCard codespace={codespace} now={now} />

          {dialog === 'delete' && (
            <DeleteDialog
              codespace={codespace}
              open
              onOpenChange={(open) => setDialog(open ? 'delete' : null)}
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(codespace, {
                  onSuccess: () => router.push('/'),
                  onError: () => setDialog(null),
                })
              }
            />
          )}
          {remove.error && <ErrorAlert error={remove.error} fallbackTitle="Could not delete" onDismiss={() => remove.reset()} />}
          {dialog === 'rename' && <RenameDialog codespace={codespace} open onOpenChange={(open) => setDialog(open ? 'rename' : null)} />}
          {dialog === 'machine' && (
            <ChangeMachineDialog codespace={codespace} open onOpenChange={(open) => setDialog(open ? 'machine' : null)} />
          )}
          {dialog === 'publish' && <PublishDialog codespace={codespace} open onOpenChange={(open) => setDialog(open ? 'publish' : null)} />}
          {dialog === 'export' && <ExportDialog codespace={codespace} open onOpenChange={(open) => setDialog(open ? 'export' : null)} />}
        </>
      )}
    </main>
  );
}
