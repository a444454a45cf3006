'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Confirms deleting a secret: what stops getting it, and that the value cannot come back. */
export function DeleteSecretDialog({
  name,
  usedBy,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  name: string;
  /** Where it may be used now, in words ("mona/blog and mona/dotfiles"), when known. */
  usedBy?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
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
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
