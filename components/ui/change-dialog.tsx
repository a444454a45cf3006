'use client';

import type { ReactNode } from 'react';
import { Dialog, DialogActions } from './dialog';
import { ErrorAlert } from './error-alert';
import { Form } from './field';

/**
 * A dialog that asks for one change: its fields, GitHub's refusal where it happened, then Cancel
 * and the button named for the change, which waits (and a submit does nothing) while it is on its way.
 */
export function ChangeDialog({
  open = true,
  onOpenChange,
  title,
  description,
  change,
  words,
  disabled,
  danger,
  onSubmit,
  children,
}: {
  open?: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The change's state (a mutation's): on its way, or refused and why. */
  change: { isPending: boolean; error: unknown };
  /** The button's words, before and while the change is on its way, and the refusal's title. */
  words: { submit: string; pending: string; failed: string };
  /** Not yet submittable (a confirmation unticked, a list still loading). */
  disabled?: boolean;
  danger?: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <Form className="flex flex-col gap-4" busy={change.isPending} onSubmit={onSubmit}>
        {children}
        {Boolean(change.error) && <ErrorAlert error={change.error} fallbackTitle={words.failed} />}
        <DialogActions
          submitLabel={words.submit}
          pendingLabel={words.pending}
          pending={change.isPending}
          disabled={disabled}
          danger={danger}
          onCancel={() => onOpenChange(false)}
        />
      </Form>
    </Dialog>
  );
}
