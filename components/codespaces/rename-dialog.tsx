'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Dialog, DialogActions, type CodespaceDialogProps } from '@/components/ui/dialog';
import { Form, TextField } from '@/components/ui/field';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { displayName } from '@/lib/codespaces/domain/schemas';
import { DISPLAY_NAME_MAX } from '@/lib/codespaces/domain/limits';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { updateMyCodespaceMutation } from '@/lib/codespaces/queries';

export function RenameDialog({ codespace, open, onOpenChange }: CodespaceDialogProps<Codespace>) {
  const [value, setValue] = useState(codespace.display_name ?? '');
  const [touched, setTouched] = useState(false);
  const update = useActionMutation(updateMyCodespaceMutation(useQueryClient()));
  const parsed = displayName.safeParse(value);
  // GitHub keeps the name trimmed: that is what counts against the limit.
  const length = value.trim().length;
  const over = length - DISPLAY_NAME_MAX;
  // Checked as it is typed: too long says so at once, with by how much (no maxlength: it would cut a paste silently).
  const error =
    over > 0
      ? `At most ${DISPLAY_NAME_MAX} characters: ${over} too many`
      : (touched || value !== (codespace.display_name ?? '')) && !parsed.success
        ? parsed.error.issues[0]?.message
        : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Rename codespace"
      description="The display name shows here and on GitHub. The codespace’s name stays the same."
    >
      <Form
        busy={update.isPending}
        onSubmit={() => {
          setTouched(true);
          if (!parsed.success) return;
          update.mutate({ codespace, changes: { display_name: parsed.data } }, { onSuccess: () => onOpenChange(false) });
        }}
        className="flex flex-col gap-4"
      >
        <TextField
          id="rename-display-name"
          label="Display name"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => setTouched(true)}
          error={error}
          hint={`${length} of ${DISPLAY_NAME_MAX} characters`}
          autoFocus
        />
        {update.error && <ErrorAlert error={update.error} fallbackTitle="Could not rename" />}
        <DialogActions submitLabel="Rename" pendingLabel="Renaming…" pending={update.isPending} onCancel={() => onOpenChange(false)} />
      </Form>
    </Dialog>
  );
}
