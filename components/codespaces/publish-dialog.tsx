'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ChangeDialog } from '@/components/ui/change-dialog';
import type { CodespaceDialogProps } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { useTouchedField } from '@/components/ui/use-touched-field';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { repoName } from '@/lib/github/params';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { publishMyCodespaceMutation } from '@/lib/codespaces/changes';

/** A repository name GitHub would accept, suggested from the codespace's display name. */
function suggestedName(codespace: Codespace) {
  return (
    codespaceTitle(codespace)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'my-codespace'
  );
}

export function PublishDialog({ codespace, open, onOpenChange }: CodespaceDialogProps<Codespace>) {
  const name = useTouchedField(() => suggestedName(codespace));
  const [isPrivate, setPrivate] = useState(true);
  const publish = useActionMutation(publishMyCodespaceMutation(useQueryClient()));
  const parsed = repoName.safeParse(name.value.trim());
  const error = name.touched && !parsed.success ? 'Letters, digits, ".", "-" and "_" only, at most 100 characters' : undefined;

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Publish to a new repository"
      description={`${codespaceTitle(codespace)} was made from a template and has no repository of its own. Publishing creates one under your account and pushes the codespace's work to it.`}
      change={publish}
      words={{ submit: 'Publish', pending: 'Publishing…', failed: 'Could not publish' }}
      onSubmit={() =>
        name.submit(parsed, (repository) =>
          publish.mutate({ codespace, name: repository, isPrivate }, { onSuccess: () => onOpenChange(false) }),
        )
      }
    >
      <TextField id="publish-name" label="Repository name" {...name.input} error={error} autoFocus />
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium">Visibility</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" checked={isPrivate} onChange={() => setPrivate(true)} className="accent-sky-700" />
          Private: only you and the people you invite
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="visibility" checked={!isPrivate} onChange={() => setPrivate(false)} className="accent-sky-700" />
          Public: anyone can see it
        </label>
      </fieldset>
    </ChangeDialog>
  );
}
