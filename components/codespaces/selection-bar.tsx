'use client';

import { useState } from 'react';
import { Icon } from '@/components/ui/icon';
import { Button } from '@/components/ui/button';
import { useEnteredBeforeHydration } from '@/components/ui/use-entered-before-hydration';
import { pluralize } from '@/lib/format';

/** What the selection bar offers: the count, bulk Stop and Delete, and selecting the stale ones. */
export interface SelectionActions {
  count: number;
  onStop: () => void;
  onDelete: () => void;
  onClear: () => void;
  onSelectStale: (days: number) => void;
}

/** What every selectable list of codespaces takes from its page (useBulkActions gives it whole). */
export interface SelectableListProps {
  selected: ReadonlySet<string>;
  /** The selection bar: the count and the bulk actions over the selection. */
  selection: SelectionActions;
  /** `range`: shift-click, selecting every row shown between the last one toggled and this one. */
  onToggle: (name: string, range: boolean) => void;
  onToggleAll: () => void;
}

/** Bulk actions over the selection, and the clean-up shortcut (stopped, unused for N days). */
export function SelectionBar({ count, onStop, onDelete, onClear, onSelectStale }: SelectionActions) {
  const [days, setDays] = useState('30');
  const validDays = /^\d{1,4}$/.test(days) && Number(days) >= 1;
  const daysRef = useEnteredBeforeHydration<HTMLInputElement>(days, setDays);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      {count > 0 ? (
        <>
          <span className="font-medium" role="status">
            {pluralize(count, 'codespace')} selected
          </span>
          <Button size="sm" onClick={onStop}>
            <Icon name="square" className="size-3" /> Stop selected
          </Button>
          <Button size="sm" onClick={onDelete} className="text-red-700 dark:text-red-400">
            <Icon name="trash" className="size-3.5" /> Delete selected
          </Button>
          <Button size="sm" variant="ghost" onClick={onClear}>
            <Icon name="x" className="size-3.5" /> Clear selection
          </Button>
        </>
      ) : (
        <span className="text-zinc-500 dark:text-zinc-400">
          Select codespaces to stop or delete several at once<span className="max-sm:hidden"> (shift-click selects a range)</span>.
        </span>
      )}
      <form
        className="ml-auto flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (validDays) onSelectStale(Number(days));
        }}
      >
        <label htmlFor="stale-days" className="text-zinc-600 dark:text-zinc-400">
          Stopped and unused for more than
        </label>
        <input
          id="stale-days"
          ref={daysRef}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={!validDays}
          className="h-7 w-14 rounded-md border border-zinc-300 bg-white px-2 text-sm max-sm:h-8 max-sm:text-base dark:border-zinc-700 dark:bg-zinc-950"
        />
        <span className="text-zinc-600 dark:text-zinc-400">days</span>
        <Button size="sm" type="submit" disabled={!validDays}>
          Select
        </Button>
      </form>
    </div>
  );
}
