'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/transport/errors';
import { usePendingMachineChange } from '@/lib/hooks/use-machine-request';
import { getMyCodespaceQuery, listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import { CodespaceDetailView, type DetailDialog } from './codespace-detail-view';

// Dialogs load when opened: most visits open none.
const ChangeMachineDialog = dynamic(() => import('./change-machine-dialog').then((m) => m.ChangeMachineDialog));
const DeleteCodespaceDialog = dynamic(() => import('./delete-codespace-dialog').then((m) => m.DeleteCodespaceDialog));
const ExportDialog = dynamic(() => import('./export-dialog').then((m) => m.ExportDialog));
const PublishDialog = dynamic(() => import('./publish-dialog').then((m) => m.PublishDialog));
const RenameDialog = dynamic(() => import('./rename-dialog').then((m) => m.RenameDialog));

/** A codespace's page: reads it (following its state), and runs the dialogs its actions open. */
export function CodespaceDetailPage({ name }: { name: string }) {
  const query = useQuery(getMyCodespaceQuery(name));
  const router = useRouter();
  const [dialog, setDialog] = useState<DetailDialog | null>(null);
  const [now] = useState(() => Date.now());
  const pendingMachine = usePendingMachineChange(query.data);
  // The list's computation over the list's codespaces: a repository's line in GitHub's report is shared
  // among all of them, so this page and the list say the same. The codespace is the user's own: its
  // owner is who is signed in.
  const all = useQuery(listMyCodespacesQuery());
  const monthCosts = useMyMonthCosts(all.data?.items, query.data?.owner.login ?? '');
  const cost = monthCosts.costs.get(query.data?.name ?? name);

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;
  const codespace = query.data;
  const openChange = (which: DetailDialog) => (open: boolean) => setDialog(open ? which : null);

  return (
    <>
      <CodespaceDetailView
        name={name}
        codespace={codespace}
        loading={query.isPending}
        error={query.error}
        now={now}
        pendingMachine={pendingMachine}
        cost={{ cost, pending: all.isPending || monthCosts.reportPending }}
        onOpenDialog={setDialog}
        onRetry={() => query.refetch()}
      />
      {codespace && (
        <div className="mx-auto w-full max-w-5xl px-4 sm:px-6">
          {dialog === 'delete' && (
            <DeleteCodespaceDialog codespace={codespace} onClose={() => setDialog(null)} onDeleted={() => router.push('/')} />
          )}
          {dialog === 'rename' && <RenameDialog codespace={codespace} open onOpenChange={openChange('rename')} />}
          {dialog === 'machine' && <ChangeMachineDialog codespace={codespace} open onOpenChange={openChange('machine')} />}
          {dialog === 'publish' && <PublishDialog codespace={codespace} open onOpenChange={openChange('publish')} />}
          {dialog === 'export' && <ExportDialog codespace={codespace} open onOpenChange={openChange('export')} />}
        </div>
      )}
    </>
  );
}
