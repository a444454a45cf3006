'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { endsSession } from '@/lib/transport/api-error';
import { usePendingMachineChange } from '@/lib/codespaces/use-machine-request';
import { getMyCodespaceQuery, listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import type { Codespace } from '@/lib/codespaces/domain/types';
import type { MonthCost } from '@/lib/usage/domain/month-cost';
import { CodespaceDetailView, type DetailDialog } from './codespace-detail-view';
import { usePowerActions } from './use-power-actions';

// Dialogs load when opened: most visits open none.
const ChangeMachineDialog = dynamic(() => import('./change-machine-dialog').then((m) => m.ChangeMachineDialog));
const DeleteCodespaceDialog = dynamic(() => import('./delete-codespace-dialog').then((m) => m.DeleteCodespaceDialog));
const ExportDialog = dynamic(() => import('./export-dialog').then((m) => m.ExportDialog));
const PublishDialog = dynamic(() => import('./publish-dialog').then((m) => m.PublishDialog));
const RenameDialog = dynamic(() => import('./rename-dialog').then((m) => m.RenameDialog));

/**
 * A codespace's page: reads it (following its state), and runs the dialogs its actions open.
 * `firstPaintCost`: its cost this month as the server worked it out for the first paint, shown until
 * the page has read the list and works it out itself.
 */
export function CodespaceDetailPage({ name, firstPaintCost = null }: { name: string; firstPaintCost?: MonthCost | null }) {
  const query = useQuery(getMyCodespaceQuery(name));
  const router = useRouter();
  // A dialog keeps the codespace it was opened for: a delete removes it from the cache (and the page
  // re-reads it) before the dialog has finished, and a dialog that unmounted then would never say done.
  const [dialog, setDialog] = useState<{ which: DetailDialog; codespace: Codespace } | null>(null);
  const [now] = useState(() => Date.now());
  const pendingMachine = usePendingMachineChange(query.data);
  const { onPower, pendingNames } = usePowerActions();
  // The list's computation over the list's codespaces: a repository's line in GitHub's report is shared
  // among all of them, so this page and the list say the same. The codespace is the user's own: its
  // owner is who is signed in.
  const all = useQuery(listMyCodespacesQuery());
  const monthCosts = useMyMonthCosts(all.data?.items, query.data?.owner.login ?? '');
  const costPending = all.isPending || monthCosts.reportPending;
  const cost = costPending ? (firstPaintCost ?? undefined) : monthCosts.costs.get(query.data?.name ?? name);

  if (endsSession(query.error)) return <SessionEnded />;
  const codespace = query.data;
  // A failing read is tried three times, each up to the upstream timeout: without the codespace, the
  // page says why from the first failure (the retries go on, and the alert goes when one succeeds)
  // rather than showing a skeleton for all of them.
  const failure = query.error ?? (codespace ? null : query.failureReason);
  const close = () => setDialog(null);
  const onOpenChange = (open: boolean) => !open && close();
  // Live while the page has it, the codespace as opened once it is gone.
  const target = codespace ?? dialog?.codespace;

  return (
    <>
      <CodespaceDetailView
        name={name}
        codespace={codespace}
        loading={query.isPending && !failure}
        error={failure}
        onRetry={() => void query.refetch()}
        now={now}
        pendingMachine={pendingMachine}
        cost={{ cost, pending: costPending && !firstPaintCost }}
        onOpenDialog={(which) => codespace && setDialog({ which, codespace })}
        onPower={onPower}
        pendingNames={pendingNames}
      />
      {dialog && target && (
        <div className="mx-auto w-full max-w-5xl px-4 sm:px-6">
          {dialog.which === 'delete' && <DeleteCodespaceDialog codespace={target} onClose={close} onDeleted={() => router.push('/')} />}
          {dialog.which === 'rename' && <RenameDialog codespace={target} open onOpenChange={onOpenChange} />}
          {dialog.which === 'machine' && <ChangeMachineDialog codespace={target} open onOpenChange={onOpenChange} />}
          {dialog.which === 'publish' && <PublishDialog codespace={target} open onOpenChange={onOpenChange} />}
          {dialog.which === 'export' && <ExportDialog codespace={target} open onOpenChange={onOpenChange} />}
        </div>
      )}
    </>
  );
}
