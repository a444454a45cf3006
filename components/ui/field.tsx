import type { InputHTMLAttributes } from 'react';

/** Text in fields is 16 px on a phone: smaller, and iOS zooms the page in when one takes focus. */
export const inputClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 max-sm:text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

/** A compact control in a toolbar: filter selects, search boxes, period and plan pickers. */
export const toolbarFieldClass =
  'h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 max-sm:text-base dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** A labelled text input with its error below, announced to screen readers. */
export function TextField({
  label,
  error,
  hint,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string; id: string }) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
