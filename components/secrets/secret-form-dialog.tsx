'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { LockKeyhole } from 'lucide-react';
import { PrivateRepositoriesNotice, RepoScope, type RepoScopeConsent } from '@/components/github/repo-scope-consent';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { inputClass, Labelled, TextField } from '@/components/ui/field';
import { MultiPicker, type PickerItem } from '@/components/ui/multi-picker';
import { normalizeSecretName } from '@/lib/secrets/domain/names';
import { hasErrors, SECRET_VISIBILITY_WORDS, secretFormErrors, secretSaveInWords } from '@/lib/secrets/domain/form';
import type { SecretVisibility } from '@/lib/secrets/domain/names';

/** The repositories to pick from, and, when GitHub hides private ones from the session (no `repo` scope), the consent that shows them. */
interface RepositoryItems {
  items: readonly PickerItem[] | undefined;
  loading: boolean;
  error: unknown;
  privateHidden?: RepoScopeConsent;
}

/** Which repositories may use the secret: none to choose (a repository's own), some (the user's), or a visibility (an organisation's). */
export type SecretAccessField =
  { kind: 'none' } | ({ kind: 'repositories' } & RepositoryItems) | ({ kind: 'visibility'; owner: string } & RepositoryItems);

interface SecretAccessChoice {
  visibility: SecretVisibility;
  /** Keys of the picker's items (repository ids). */
  repositoryKeys: string[];
}

interface SecretFormValues extends SecretAccessChoice {
  name: string;
  /** Undefined: keep the stored value (editing with the field left empty). */
  value: string | undefined;
}

export interface SecretFormDialogProps {
  mode: 'create' | 'edit';
  /** Whose secret, for the title: "your codespaces", "mona/blog", "octo-org". */
  where: string;
  /** The secret being edited. */
  name?: string;
  /** Names already in use here (a new secret may not take one). */
  existingNames: readonly string[];
  access: SecretAccessField;
  /** What the secret has now, when editing; null while it loads. */
  initial?: SecretAccessChoice | null;
  saving: boolean;
  error: unknown;
  onSave: (values: SecretFormValues) => void;
  onClose: () => void;
}

/**
 * Creates or edits a Codespaces secret. The value is typed here and never shown back; the page
 * seals it in the browser before anything is sent. Name errors appear beside the field before
 * anything is sent, and the form says in a sentence what saving will change.
 */
export function SecretFormDialog(props: SecretFormDialogProps) {
  const { mode, where, name, saving, onClose } = props;
  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => !open && !saving && onClose()}
      title={mode === 'create' ? `New secret for ${where}` : `Edit ${name}`}
      description={
        mode === 'create'
          ? 'A Codespaces secret is an environment variable in the codespaces that may use it.'
          : props.access.kind === 'none'
            ? `Give ${name} a new value. The current one is never shown.`
            : `Give ${name} a new value, or change where it may be used.`
      }
    >
      {mode === 'edit' && props.initial === null ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading where {name} may be used…
        </p>
      ) : (
        <SecretForm {...props} />
      )}
    </Dialog>
  );
}

const NAME_CHECK_DELAY_MS = 400;

function SecretForm({ mode, name: editedName, existingNames, access, initial, saving, error, onSave, onClose }: SecretFormDialogProps) {
  const id = useId();
  const [name, setName] = useState(editedName ?? '');
  const [value, setValue] = useState('');
  const [visibility, setVisibility] = useState<SecretVisibility>(
    initial?.visibility ?? (access.kind === 'visibility' ? 'private' : 'selected'),
  );
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial?.repositoryKeys ?? []));
  const [touched, setTouched] = useState({ name: false, value: false });
  const [submitted, setSubmitted] = useState(false);

  // A repository's secret has nothing but its value to change: editing it means replacing the value.
  const replacing = mode === 'edit' && access.kind === 'none';
  const errors = secretFormErrors(
    { name, value },
    replacing ? 'replace' : mode,
    existingNames,
    access.kind === 'none' ? undefined : { visibility, chosen: chosen.size, privateHidden: Boolean(access.privateHidden) },
  );
  // The name is checked as it is typed, once typing pauses (a name half typed is not yet wrong).
  const [checkedName, setCheckedName] = useState<string | null>(null);
  useEffect(() => {
    if (name === '') return;
    const timer = setTimeout(() => setCheckedName(name), NAME_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [name]);
  const show = (field: 'name' | 'value') =>
    submitted || touched[field] || (field === 'name' && name !== '' && checkedName === name) ? errors[field] : undefined;
  const repositoryLabels =
    access.kind === 'none' ? [] : (access.items ?? []).filter((item) => chosen.has(item.key)).map((item) => item.label);
  const summary = secretSaveInWords({
    // Never an invalid name as what will be created: until the name is right, "the secret".
    name: name && !errors.name ? normalizeSecretName(name) : 'the secret',
    creating: mode === 'create',
    newValue: value !== '',
    access:
      access.kind === 'none'
        ? undefined
        : { visibility, repositories: repositoryLabels, owner: access.kind === 'visibility' ? access.owner : undefined },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || saving) return;
    onSave({
      name: mode === 'create' ? normalizeSecretName(name) : editedName!,
      value: value === '' ? undefined : value,
      visibility,
      repositoryKeys: visibility === 'selected' ? [...chosen] : [],
    });
  };

  const valueHintId = `${id}-value-hint`;
  const valueErrorId = `${id}-value-error`;
  const valueError = show('value');
  return (
    // Sent by script only (never a native submission, which could put the value in a URL).
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {mode === 'create' ? (
        <TextField
          id={`${id}-name`}
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched((t) => ({ ...t, name: name !== '' || t.name }))}
          error={show('name')}
          hint="Letters, digits and underscores; GitHub keeps names in upper case."
          autoComplete="off"
          spellCheck={false}
          autoFocus
          className={`${inputClass} font-mono uppercase placeholder:normal-case`}
          placeholder="NPM_TOKEN"
        />
      ) : null}

      <Labelled htmlFor={`${id}-value`} label="Value">
        <textarea
          id={`${id}-value`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => setTouched((t) => ({ ...t, value: true }))}
          rows={3}
          // No autocomplete, spell check or autocorrect: a browser may send what it checks elsewhere.
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          data-1p-ignore
          data-lpignore="true"
          aria-invalid={Boolean(valueError)}
          aria-describedby={valueError ? `${valueErrorId} ${valueHintId}` : valueHintId}
          autoFocus={mode === 'edit'}
          placeholder={mode === 'edit' && !replacing ? 'Leave empty to keep the current value' : undefined}
          className={`${inputClass} h-auto min-h-20 py-2 font-mono`}
        />
        {valueError && (
          <p id={valueErrorId} className="text-xs text-red-700 dark:text-red-400">
            {valueError}
          </p>
        )}
        <p id={valueHintId} className="flex gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          <LockKeyhole aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>
            {mode === 'edit' && !replacing && 'Leave it empty to keep the current value. '}
            Values are never shown back. Your browser seals the value with GitHub’s public key before it leaves this page, so Hangar’s
            server never sees it.
          </span>
        </p>
      </Labelled>

      {access.kind === 'visibility' && (
        <fieldset className="flex flex-col gap-1.5 text-sm">
          <legend className="mb-1.5 font-medium">Repository access</legend>
          {(Object.keys(SECRET_VISIBILITY_WORDS) as SecretVisibility[]).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={option}
                checked={visibility === option}
                onChange={() => setVisibility(option)}
                className="size-4 accent-sky-700"
              />
              {SECRET_VISIBILITY_WORDS[option]}
              {option !== 'selected' && <span className="text-xs text-zinc-500 dark:text-zinc-400">of {access.owner}</span>}
            </label>
          ))}
        </fieldset>
      )}

      {access.kind !== 'none' && visibility === 'selected' && access.privateHidden && (
        <PrivateRepositoriesNotice title="Private repositories are hidden" consent={access.privateHidden} headingLevel={3}>
          <p>
            You signed in to Hangar without GitHub’s <RepoScope /> scope, so GitHub lists only{' '}
            {access.kind === 'visibility' ? `the public repositories of ${access.owner}` : 'your public repositories'}. The private ones
            listed are those your codespaces are in{mode === 'edit' ? ' and those the secret is for already' : ''}; any other is missing
            here. Going to GitHub leaves this form without saving it.
          </p>
        </PrivateRepositoriesNotice>
      )}

      {access.kind !== 'none' &&
        visibility === 'selected' &&
        (access.error ? (
          <ErrorAlert error={access.error} fallbackTitle="Could not load the repositories" />
        ) : (
          <MultiPicker
            label="Repositories"
            items={access.items}
            loading={access.loading}
            loadingText="Loading repositories…"
            selected={chosen}
            onChange={setChosen}
            describedBy={submitted && errors.repositories ? `${id}-repositories-error` : undefined}
          />
        ))}
      {submitted && errors.repositories && (
        <p id={`${id}-repositories-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.repositories}
        </p>
      )}

      <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">{summary}</p>
      {Boolean(error) && <ErrorAlert error={error} fallbackTitle="GitHub did not store the secret" />}
      <DialogActions submitLabel="Save secret" pendingLabel="Sealing and saving…" pending={saving} onCancel={onClose} />
    </form>
  );
}
