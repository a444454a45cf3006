'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ChangeDialog } from '@/components/ui/change-dialog';
import type { CodespaceDialogProps } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { useTouchedField } from '@/components/ui/use-touched-field';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { displayName } from '@/lib/codespaces/domain/schemas';
import { DISPLAY_NAME_MAX } from '@/lib/codespaces/domain/limits';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { updateMyCodespaceMutation } from '@/lib/codespaces/changes';

export function RenameDialog({ codespace, open, onOpenChange }: CodespaceDialogProps<Codespace>) {
  const field = useTouchedField(codespace.display_name ?? '');
  const { value } = field;
  const update = useActionMutation(updateMyCodespaceMutation(useQueryClient()));
  const parsed = displayName.safeParse(value);
  // GitHub keeps the name trimmed: that is what counts against the limit.
  const length = value.trim().length;
  const over = length - DISPLAY_NAME_MAX;
  // Checked as it is typed: too long says so at once, with by how much (no maxlength: it would cut a paste silently).
  const error =
    over > 0
      ? `At most ${DISPLAY_NAME_MAX} characters: ${over} too many`
      : (field.touched || value !== (codespace.display_name ?? '')) && !parsed.success
        ? parsed.error.issues[0]?.message
        : undefined;

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Rename codespace"
      description="The display name shows here and on GitHub. The codespace’s name stays the same."
      change={update}
      words={{ submit: 'Rename', pending: 'Renaming…', failed: 'Could not rename' }}
      onSubmit={() =>
        field.submit(parsed, (name) =>
          update.mutate({ codespace, changes: { display_name: name } }, { onSuccess: () => onOpenChange(false) }),
        )
      }
    >
      <TextField
        id="rename-display-name"
        label="Display name"
        {...field.input}
        error={error}
        hint={`${length} of ${DISPLAY_NAME_MAX} characters`}
        autoFocus
      />
    </ChangeDialog>
  );
}
