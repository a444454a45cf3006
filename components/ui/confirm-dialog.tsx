'use client';

import type { ReactNode } from 'react';
import { ChangeDialog } from './change-dialog';

/** What a confirmation takes from the container that owns its change. */
export interface ConfirmDialogProps {
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Asks before a change: what it will do, then Cancel or the confirming button (whose name carries
 * the action's word, "Delete"). GitHub's refusal is shown here, in the dialog, where it happened.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  pendingLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps & {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  return (
    <ChangeDialog
      onOpenChange={(open) => !open && !pending && onClose()}
      title={title}
      description={description}
      change={{ isPending: pending, error }}
      words={{ submit: confirmLabel, pending: pendingLabel, failed: 'GitHub did not accept the change' }}
      danger={danger}
      onSubmit={onConfirm}
    >
      {children}
    </ChangeDialog>
  );
}
