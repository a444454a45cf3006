'use client';

import type { ReactNode } from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { Button } from './button';

/** An accessible modal dialog (focus trapped, Escape closes, labelled by its title). */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  wide = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** Room for a form with a list in it. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100vh-2rem)] overflow-y-auto ${wide ? 'w-[min(40rem,calc(100vw-2rem))]' : 'w-[min(32rem,calc(100vw-2rem))]'} -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white p-6 shadow-xl dark:border-zinc-800 dark:bg-zinc-900`}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description asChild>
              <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * A dialog form's footer: Cancel, then the submitting button named for what it does ("Rename"),
 * which says it is busy ("Renaming…") and cannot be pressed twice while the change is on its way.
 */
export function DialogActions({
  submitLabel,
  pendingLabel,
  pending,
  disabled = false,
  danger = false,
  onCancel,
}: {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Not yet submittable (a confirmation unticked, a list still loading). */
  disabled?: boolean;
  danger?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}

/** What every dialog about one codespace takes: the codespace, and whether it is open. */
export interface CodespaceDialogProps<C> {
  codespace: C;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}
