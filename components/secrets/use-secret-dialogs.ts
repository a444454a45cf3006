'use client';

import { useState } from 'react';
import { preloadSealing } from '@/lib/secrets/seal';

/** Which secret dialog is open: the form (new or edit) or the delete confirmation. */
export type SecretDialog = { kind: 'new' } | { kind: 'edit'; name: string } | { kind: 'delete'; name: string };

/**
 * The dialogs of a page of secrets, one open at a time; `Other` adds a page's own (organisation
 * access). Opening the form starts loading the sealing code, so Save never waits for it.
 * `onClose` forgets the last save or delete, so a dialog opens without an old error.
 */
export function useSecretDialogs<Other extends { kind: string } = never>(onClose: () => void) {
  const [open, setOpen] = useState<SecretDialog | Other | null>(null);
  const openForm = (next: SecretDialog) => {
    preloadSealing();
    setOpen(next);
  };
  return {
    open,
    setOpen,
    close: () => {
      setOpen(null);
      onClose();
    },
    openNew: () => openForm({ kind: 'new' }),
    openEdit: (name: string) => openForm({ kind: 'edit', name }),
    openDelete: (name: string) => setOpen({ kind: 'delete', name }),
  };
}
