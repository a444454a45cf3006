'use client';

import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/components/ui/error-alert';
import { ChangeDialog } from '@/components/ui/change-dialog';
import type { CodespaceDialogProps } from '@/components/ui/dialog';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { formatBytes } from '@/lib/format';
import { listMachinesForMyCodespaceQuery } from '@/lib/codespaces/queries';
import { updateMyCodespaceMutation } from '@/lib/codespaces/changes';

/** Offers only the machines GitHub says this codespace may use; the change applies at next start. */
export function ChangeMachineDialog({ codespace, open, onOpenChange }: CodespaceDialogProps<Codespace>) {
  const machines = useQuery({ ...listMachinesForMyCodespaceQuery(codespace.name), enabled: open });
  const update = useActionMutation(updateMyCodespaceMutation(useQueryClient()));
  const [choice, setChoice] = useState(codespace.machine?.name ?? '');
  const running = codespace.state === 'Available';

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Change machine type"
      description={
        running
          ? 'The codespace is running: the new machine applies the next time it starts.'
          : 'The new machine applies the next time the codespace starts.'
      }
      change={update}
      words={{ submit: 'Change machine', pending: 'Saving…', failed: 'Could not change machine' }}
      disabled={!machines.data}
      onSubmit={() => {
        const chosen = machines.data?.find((machine) => machine.name === choice);
        if (!chosen || choice === codespace.machine?.name) return onOpenChange(false);
        update.mutate({ codespace, changes: { machine: choice }, machine: chosen }, { onSuccess: () => onOpenChange(false) });
      }}
    >
      {machines.isPending ? (
        <p aria-busy="true" className="text-sm text-zinc-500 dark:text-zinc-400">
          Loading machine types…
        </p>
      ) : machines.error ? (
        <ErrorAlert error={machines.error} fallbackTitle="Could not load machine types" />
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">Machine type</legend>
          {machines.data.map((machine) => (
            <label
              key={machine.name}
              className="flex cursor-pointer items-center gap-3 rounded-lg border border-zinc-200 px-3 py-2 text-sm has-checked:border-sky-600 has-checked:bg-sky-50 dark:border-zinc-800 dark:has-checked:bg-sky-950/40"
            >
              <input
                type="radio"
                name="machine"
                value={machine.name}
                checked={choice === machine.name}
                onChange={() => setChoice(machine.name)}
              />
              <span className="flex-1">
                <span className="font-medium">{machine.cpus} cores</span> · {formatBytes(machine.memory_in_bytes)} RAM ·{' '}
                {formatBytes(machine.storage_in_bytes)} storage
                {machine.name === codespace.machine?.name && (
                  <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">(current)</span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </ChangeDialog>
  );
}
