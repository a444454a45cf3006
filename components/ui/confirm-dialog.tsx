'use client';

import type { ReactNode } from 'react';
import { Dialog, DialogActions } from './dialog';
import { ErrorAlert } from './error-alert';
import { Form } from './field';

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
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()} title={title} description={description}>
      <Form busy={pending} onSubmit={onConfirm} className="flex flex-col gap-4">
        {children}
        {Boolean(error) && <ErrorAlert error={error} fallbackTitle="GitHub did not accept the change" />}
        <DialogActions submitLabel={confirmLabel} pendingLabel={pendingLabel} pending={pending} danger={danger} onCancel={onClose} />
      </Form>
    </Dialog>
  );
}
