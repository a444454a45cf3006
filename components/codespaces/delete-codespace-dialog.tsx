'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { codespaceActionMutation } from '@/lib/codespaces/actions';
import { DeleteDialog } from './delete-dialog';

/**
 * Deleting one codespace, from wherever it is asked (its page, the attention list): the usual
 * confirmation, which makes the user type the name of a codespace holding work that exists nowhere
 * else, then the delete. A refusal stays on screen until dismissed.
 */
export function DeleteCodespaceDialog({
  codespace,
  onClose,
  onDeleted,
}: {
  codespace: CodespaceSummary;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const remove = useActionMutation(codespaceActionMutation(useQueryClient(), 'delete'));
  if (remove.isError) {
    return (
      <div className="fixed inset-x-0 bottom-4 z-50 mx-auto w-full max-w-xl px-4">
        <ErrorAlert error={remove.error} fallbackTitle="Could not delete" onDismiss={onClose} />
      </div>
    );
  }
  return (
    <DeleteDialog
      codespace={codespace}
      open
      onOpenChange={(open) => !open && onClose()}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(codespace, {
          onSuccess: () => {
            onClose();
            onDeleted?.();
          },
        })
      }
    />
  );
}
