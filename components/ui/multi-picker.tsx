'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Check } from 'lucide-react';
import { inputClass } from './field';

export interface PickerItem {
  /** What is kept in the selection (a repository id, a login). */
  key: string;
  /** The option's name, as the user reads and searches it: `owner/repo`, a login. */
  label: string;
  hint?: string;
}

/**
 * Choose any number from a long list: a search box over a listbox whose options (named by their
 * labels) toggle on click, Space or Enter; the arrow keys, Home and End move between them. What is
 * chosen stays chosen while the search hides it.
 */
export function MultiPicker({
  label,
  items,
  loading,
  loadingText,
  selected,
  onChange,
  describedBy,
}: {
  label: string;
  items: readonly PickerItem[] | undefined;
  loading: boolean;
  loadingText: string;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  describedBy?: string;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const term = search.trim().toLowerCase();
    return (items ?? []).filter((item) => !term || item.label.toLowerCase().includes(term));
  }, [items, search]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onChange(next);
  };
  const moveTo = (index: number) => {
    const bounded = Math.max(0, Math.min(shown.length - 1, index));
    setActive(bounded);
    document.getElementById(optionId(bounded))?.scrollIntoView?.({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(shown.length - 1),
      ' ': () => shown[activeIndex] && toggle(shown[activeIndex].key),
      Enter: () => shown[activeIndex] && toggle(shown[activeIndex].key),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };

  const chosen = (items ?? []).filter((item) => selected.has(item.key));
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <span id={`${id}-label`} className="font-medium">
        {label}
      </span>
      <input
        type="search"
        aria-label={`Search ${label.toLowerCase()}`}
        placeholder={`Search ${label.toLowerCase()}`}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length) {
            e.preventDefault();
            document.getElementById(`${id}-list`)?.focus();
          }
          // Enter in the search box must not submit the form around it.
          if (e.key === 'Enter') e.preventDefault();
        }}
        className={inputClass}
      />
      {loading ? (
        <p
          role="status"
          className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          {loadingText}
        </p>
      ) : shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {items?.length ? `Nothing matches “${search}”` : 'There is nothing to choose from.'}
        </p>
      ) : (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-activedescendant={optionId(activeIndex)}
          tabIndex={0}
          onKeyDown={onKeyDown}
          className="max-h-48 overflow-y-auto rounded-md border border-zinc-300 bg-white p-1 outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-zinc-700 dark:bg-zinc-950"
        >
          {shown.map((item, index) => {
            const isSelected = selected.has(item.key);
            return (
              <li
                key={item.key}
                id={optionId(index)}
                role="option"
                aria-selected={isSelected}
                data-active={index === activeIndex || undefined}
                onClick={() => {
                  setActive(index);
                  toggle(item.key);
                }}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 select-none hover:bg-zinc-100 data-active:bg-zinc-100 aria-selected:font-medium dark:hover:bg-zinc-800 dark:data-active:bg-zinc-800"
              >
                <span
                  aria-hidden
                  className={`flex size-4 shrink-0 items-center justify-center rounded border ${
                    isSelected
                      ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-zinc-950'
                      : 'border-zinc-400 dark:border-zinc-500'
                  }`}
                >
                  {isSelected && <Check className="size-3" strokeWidth={3} />}
                </span>
                <span className="min-w-0 flex-1 truncate">{item.label}</span>
                {item.hint && <span className="shrink-0 text-xs font-normal text-zinc-500 dark:text-zinc-400">{item.hint}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {chosen.length === 0
          ? 'None chosen'
          : `${chosen.length} chosen: ${chosen
              .slice(0, 4)
              .map((c) => c.label)
              .join(', ')}${chosen.length > 4 ? ` and ${chosen.length - 4} more` : ''}`}
      </p>
    </div>
  );
}
