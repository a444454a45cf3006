'use client';

import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, ExternalLink, Loader2, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog, type CodespaceDialogProps } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { ApiError } from '@/lib/transport/api-error';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import { relativeTime } from '@/lib/format';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { getMyCodespaceExportQuery } from '@/lib/codespaces/queries';
import { exportMyCodespaceMutation } from '@/lib/codespaces/changes';

/**
 * Export pushes the codespace's changes to a new branch (or to a fork when the user cannot push),
 * so the work survives the codespace. Opening it shows the latest export (GitHub's
 * `exports/latest`), still running or done; only the Export button starts a new one. Shows
 * progress until GitHub says succeeded or failed.
 */
export function ExportDialog({ codespace, open, onOpenChange }: CodespaceDialogProps<CodespaceSummary>) {
  const start = useActionMutation(exportMyCodespaceMutation(useQueryClient()));
  // 'latest' until this dialog starts an export of its own, then that export's id.
  const [exportId, setExportId] = useState('latest');
  const startedHere = exportId !== 'latest' || start.isSuccess;
  const details = useQuery(getMyCodespaceExportQuery(codespace.name, exportId));
  // GitHub answers 404 for `latest` when the codespace was never exported: nothing to show.
  const neverExported = !startedHere && details.error instanceof ApiError && details.error.status === 404;
  const shown = neverExported ? null : (details.data ?? (startedHere ? start.data : undefined) ?? null);
  const state = shown ? (shown.state ?? 'in_progress') : null;
  const running = state !== null && state !== 'succeeded' && state !== 'failed';
  const earlier = !startedHere && shown !== null;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Export ${codespaceTitle(codespace)} to a branch`}
      description="All changes in the codespace, committed or not, are pushed to a new branch on GitHub. The codespace itself is unchanged."
    >
      <div className="flex flex-col gap-4 text-sm">
        {shown && (
          <div role="status" className="flex items-start gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            {state === 'succeeded' ? (
              <CheckCircle2 aria-hidden className="mt-0.5 size-4 text-emerald-600" />
            ) : state === 'failed' ? (
              <XCircle aria-hidden className="mt-0.5 size-4 text-red-600" />
            ) : (
              <Loader2 aria-hidden className="mt-0.5 size-4 animate-spin motion-reduce:animate-none" />
            )}
            <div className="min-w-0">
              <p className="font-medium">
                {earlier && 'Last export: '}
                {state === 'succeeded' ? 'Export succeeded' : state === 'failed' ? 'Export failed' : 'Exporting…'}
                {earlier && shown.completed_at && (
                  <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {relativeTime(shown.completed_at)}</span>
                )}
              </p>
              {shown.branch && (
                <p className="mt-0.5">
                  Branch <span className="font-mono">{shown.branch}</span>
                </p>
              )}
              {state === 'succeeded' && shown.html_url && (
                <a
                  href={shown.html_url}
                  target="_blank"
                  rel="noreferrer"
                  className="mt-1 inline-flex items-center gap-1 text-sky-700 hover:underline dark:text-sky-400"
                >
                  Open the branch on GitHub <ExternalLink aria-hidden className="size-3.5" />
                </a>
              )}
            </div>
          </div>
        )}
        {start.error && <ErrorAlert error={start.error} fallbackTitle="Could not start the export" />}
        {details.error && !neverExported && <ErrorAlert error={details.error} fallbackTitle="Could not follow the export" />}
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{state === 'succeeded' || state === 'failed' ? 'Close' : 'Cancel'}</Button>
          {!running && !(startedHere && state === 'succeeded') && (
            <Button
              variant="primary"
              // Until GitHub has said whether an export is under way, a second one could collide with it.
              disabled={start.isPending || (details.isPending && !neverExported)}
              onClick={() => start.mutate(codespace, { onSuccess: (d) => setExportId(d.id ?? 'latest') })}
            >
              {start.isPending ? 'Starting export…' : 'Export'}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
