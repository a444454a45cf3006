import type { Ref } from 'react';
import { Icon } from '@/components/ui/icon';
import { toolbarFieldClass } from './field';

/**
 * A toolbar's text filter: a search box with its icon, growing to fill the row, never narrower
 * than its placeholder needs (a line of its own on a phone).
 */
export function SearchField({
  label,
  name,
  placeholder,
  value,
  onChange,
  inputRef,
}: {
  label: string;
  /** The field's name, for code that reads the input itself (e.g. what was typed before hydration). */
  name?: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** For the `/` shortcut, which puts the cursor here. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="relative min-w-56 flex-[1_1_22rem] max-sm:basis-full">
      <Icon name="search" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
      <input
        ref={inputRef}
        type="search"
        aria-label={label}
        name={name}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${toolbarFieldClass} w-full pl-8 text-ellipsis`}
      />
    </div>
  );
}
