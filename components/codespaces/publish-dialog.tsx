'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Dialog, DialogActions, type CodespaceDialogProps } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Form, TextField } from '@/components/ui/field';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { repoName } from '@/lib/github/params';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { publishMyCodespaceMutation } from '@/lib/codespaces/queries';

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
  const [name, setName] = useState(() => suggestedName(codespace));
  const [isPrivate, setPrivate] = useState(true);
  const [touched, setTouched] = useState(false);
  const publish = useActionMutation(publishMyCodespaceMutation(useQueryClient()));
  const parsed = repoName.safeParse(name.trim());
  const error = touched && !parsed.success ? 'Letters, digits, ".", "-" and "_" only, at most 100 characters' : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Publish to a new repository"
      description={`${codespaceTitle(codespace)} was made from a template and has no repository of its own. Publishing creates one under your account and pushes the codespace's work to it.`}
    >
      <Form
        className="flex flex-col gap-4"
        busy={publish.isPending}
        onSubmit={() => {
          setTouched(true);
          if (!parsed.success) return;
          publish.mutate({ codespace, name: parsed.data, isPrivate }, { onSuccess: () => onOpenChange(false) });
        }}
      >
        <TextField
          id="publish-name"
          label="Repository name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched(true)}
          error={error}
          autoFocus
        />
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
        {publish.error && <ErrorAlert error={publish.error} fallbackTitle="Could not publish" />}
        <DialogActions submitLabel="Publish" pendingLabel="Publishing…" pending={publish.isPending} onCancel={() => onOpenChange(false)} />
      </Form>
    </Dialog>
  );
}
