import type { FormEvent, FormHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

/** Text in fields is 16 px on a phone: smaller, and iOS zooms the page in when one takes focus. */
export const inputClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 max-sm:text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

/** A compact control in a toolbar: filter selects, search boxes, period and plan pickers. */
export const toolbarFieldClass =
  'h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 max-sm:text-base dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** A form's control under its label. */
export function Labelled({ htmlFor, label, children }: { htmlFor: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={htmlFor} className="font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

type FieldProps = { id: string; label: string; error?: string; hint?: string };

/** A field's control with its error (or else its hint) below it, announced to screen readers. */
function Field({ id, label, error, hint, control }: FieldProps & { control: (described: InputHTMLAttributes<HTMLElement>) => ReactNode }) {
  return (
    <Labelled htmlFor={id} label={label}>
      {control({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined })}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </Labelled>
  );
}

/** A field's own props (the label's, the error's, the hint's), apart from its control's. */
function fieldOf<P extends FieldProps>({ id, label, error, hint, ...control }: P) {
  return { field: { id, label, error, hint }, control };
}

/** A labelled text input with its error below, announced to screen readers. */
export function TextField(props: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const { field, control } = fieldOf(props);
  return <Field {...field} control={(described) => <input {...described} className={inputClass} {...control} />} />;
}

/** A labelled select, with its error below like a text field's. */
export function SelectField({ children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { children: ReactNode }) {
  const { field, control } = fieldOf(props);
  return (
    <Field
      {...field}
      control={(described) => (
        <select {...described} className={inputClass} {...control}>
          {children}
        </select>
      )}
    />
  );
}

/**
 * A form that submits by script: the page is not reloaded, and a submit while the last one is on
 * its way (`busy`) does nothing.
 */
export function Form({
  busy,
  onSubmit,
  ...props
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { busy: boolean; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit(event);
      }}
    />
  );
}

/** A choice in a select: its value, and what it says. */
export type Choice = readonly [value: string | number, text: string];

/** A select's choices, in order. */
export function Options({ choices }: { choices: readonly Choice[] | undefined }) {
  return choices?.map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ));
}
