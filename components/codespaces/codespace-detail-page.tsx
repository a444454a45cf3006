'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { endsSession } from '@/lib/transport/errors';
import { usePendingMachineChange } from '@/lib/codespaces/use-machine-request';
import { getMyCodespaceQuery } from '@/lib/codespaces/queries';
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

  if (endsSession(query.error)) return <SessionEnded />;
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
