'use client';

import { ConfirmDialog, type ConfirmDialogProps } from '@/components/ui/confirm-dialog';

/** Confirms deleting a secret: what stops getting it, and that the value cannot come back. */
export function DeleteSecretDialog({
  name,
  usedBy,
  ...change
}: ConfirmDialogProps & {
  name: string;
  /** Where it may be used now, in words ("mona/blog and mona/dotfiles"), when known. */
  usedBy?: string;
}) {
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      description={
        <>
          {usedBy
            ? `Codespaces of ${usedBy} no longer get ${name} from their next start.`
            : `Codespaces no longer get ${name} from their next start.`}{' '}
          GitHub deletes the value for good; it cannot be recovered.
        </>
      }
      confirmLabel="Delete secret"
      pendingLabel="Deleting…"
      danger
      {...change}
    />
  );
}
