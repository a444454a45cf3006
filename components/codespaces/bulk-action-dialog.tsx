'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, CheckCircle2, Loader2, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { describeFailure } from '@/lib/transport/errors';
import type { BulkPlan, BulkResult } from '@/lib/codespaces/domain/bulk';
import { codespaceTitle, workAtRisk } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { bulkCodespaceActionMutation } from '@/lib/codespaces/actions';

const VERB = { stop: 'Stop', delete: 'Delete' } as const;

/**
 * Confirms a bulk Stop or Delete: what will be affected, what is skipped and why, and by name
 * every codespace whose unpushed or uncommitted work would be lost. Then reports each outcome.
 * With `org`, it acts on members' codespaces on their behalf, as an organisation admin.
 */
export function BulkActionDialog({
  plan,
  org,
  onClose,
}: {
  plan: BulkPlan<CodespaceSummary>;
  org?: string;
  onClose: (finished: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const bulk = useActionMutation(bulkCodespaceActionMutation(queryClient, org));
  const [results, setResults] = useState<Map<string, BulkResult<CodespaceSummary>>>(new Map());
  const [typed, setTyped] = useState('');
  const verb = VERB[plan.action];
  // One codespace at risk: type its name, as for a single delete. Several: type "delete".
  const single = plan.atRisk.length === 1 && plan.eligible.length === 1 ? codespaceTitle(plan.atRisk[0]!) : null;
  const confirmWord = plan.action === 'delete' ? (single ?? 'delete') : '';
  const owner = (c: CodespaceSummary) => (org ? ` (${c.owner.login})` : '');
  const needsTyping = plan.atRisk.length > 0;
  const started = bulk.isPending || bulk.isSuccess;
  const failures = [...results.values()].filter((r) => !r.ok).length;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !bulk.isPending && onClose(started)}
      title={`${verb} ${pluralize(plan.eligible.length, 'codespace')}?`}
      description={
        plan.action === 'delete'
          ? 'Deleted codespaces and everything in them are gone for good.'
          : 'Stopped codespaces stop billing for compute; their files are kept.'
      }
    >
      <div className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto text-sm">
        {plan.atRisk.length > 0 && (
          <div className="flex gap-3 rounded-lg border border-orange-300 bg-orange-50 p-3 text-orange-900 dark:border-orange-800 dark:bg-orange-950/50 dark:text-orange-100">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div>
              <p className="font-semibold">These hold work that is not on GitHub and would be lost:</p>
              <ul className="mt-1 list-disc pl-5">
                {plan.atRisk.map((c) => {
                  const risk = workAtRisk(c);
                  return (
                    <li key={c.name}>
                      <strong>{codespaceTitle(c)}</strong>
                      {owner(c)} ({[risk.unpushed && 'unpushed', risk.uncommitted && 'uncommitted'].filter(Boolean).join(' and ')} changes)
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        )}
        <section aria-label="Affected">
          <h3 className="font-medium">{plan.action === 'delete' ? 'Will be deleted' : 'Will be stopped'}</h3>
          <ul className="mt-1 divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {plan.eligible.map((c) => {
              const result = results.get(c.name);
              return (
                <li key={c.name} className="flex items-center gap-2 px-2.5 py-1.5">
                  {result ? (
                    result.ok ? (
                      <CheckCircle2 aria-label="Done" className="size-4 text-emerald-600" />
                    ) : (
                      <XCircle aria-label="Failed" className="size-4 text-red-600" />
                    )
                  ) : bulk.isPending ? (
                    <Loader2 aria-label="Waiting" className="size-4 animate-spin text-zinc-400 motion-reduce:animate-none" />
                  ) : null}
                  <span className="flex-1 truncate">
                    {codespaceTitle(c)}
                    {org && <span className="text-zinc-500 dark:text-zinc-400">{owner(c)}</span>}
                  </span>
                  {result && !result.ok && (
                    <span className="text-xs text-red-700 dark:text-red-400">{describeFailure(result.error).title}</span>
                  )}
                  {result?.ok && (
                    <span className="text-xs text-emerald-700 dark:text-emerald-400">
                      {plan.action === 'delete' ? 'Deleted' : 'Stopping'}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
        {plan.skipped.length > 0 && (
          <section aria-label="Skipped">
            <h3 className="font-medium">Skipped ({plan.skipped.length})</h3>
            <ul className="mt-1 space-y-0.5 text-zinc-600 dark:text-zinc-400">
              {plan.skipped.map(({ codespace, reason }) => (
                <li key={codespace.name}>
                  {codespaceTitle(codespace)}: {reason}
                </li>
              ))}
            </ul>
          </section>
        )}
        {bulk.isSuccess && (
          <p
            role="status"
            className={failures ? 'font-medium text-red-700 dark:text-red-400' : 'font-medium text-emerald-700 dark:text-emerald-400'}
          >
            {failures ? `${plan.eligible.length - failures} succeeded, ${failures} failed` : `All ${plan.eligible.length} succeeded`}
          </p>
        )}
        {!started && needsTyping && (
          <label className="block">
            Type <strong className="font-mono">{confirmWord}</strong> to confirm
            <input
              aria-label={`Type ${confirmWord} to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              className="mt-1.5 h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 font-mono dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
        )}
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onClose(started)} disabled={bulk.isPending}>
          {started ? 'Close' : 'Cancel'}
        </Button>
        {!started && (
          <Button
            variant={plan.action === 'delete' ? 'danger' : 'primary'}
            disabled={
              plan.eligible.length === 0 || (needsTyping && (single ? typed.trim() !== single : typed.trim().toLowerCase() !== confirmWord))
            }
            onClick={() => {
              const onResult = (r: BulkResult<CodespaceSummary>) => setResults((m) => new Map(m).set(r.item.name, r));
              bulk.mutate({ plan, onResult });
            }}
          >
            {verb} {pluralize(plan.eligible.length, 'codespace')}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
