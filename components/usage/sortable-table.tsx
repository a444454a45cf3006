'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { ScrollBox } from '@/components/ui/scroll-box';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

/** On a phone the first column stays put while the rest scroll under it. */
const stickyFirst =
  'max-sm:sticky max-sm:left-0 max-sm:z-[1] max-sm:max-w-[45vw] max-sm:break-words max-sm:shadow-[1px_0_0_var(--color-zinc-200)] dark:max-sm:shadow-[1px_0_0_var(--color-zinc-800)]';

/** A table whose column headers sort it (click again to reverse), announced with aria-sort. */
export function SortableTable<T>({
  label,
  rows,
  columns,
  initialSort,
  rowKey,
}: {
  label: string;
  rows: T[];
  columns: Column<T>[];
  initialSort: string;
  rowKey: (row: T) => string;
}) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: initialSort, descending: true });
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }, [rows, columns, sort]);

  return (
    // On a phone the table scrolls inside its box, a line per row, its first column (what each row is) kept in view.
    <ScrollBox label={label} className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table aria-label={label} className="w-full text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400">
          <tr>
            {columns.map((column, index) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  className={`px-4 py-2 whitespace-nowrap ${column.numeric ? 'text-right' : ''} ${index === 0 ? `${stickyFirst} max-sm:bg-zinc-50 dark:max-sm:bg-zinc-900` : ''}`}
                >
                  <button
                    type="button"
                    onClick={() => setSort({ key: column.key, descending: active ? !sort.descending : true })}
                    className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                  >
                    {column.label}
                    {active &&
                      (sort.descending ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />)}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const content = column.render ? column.render(row) : column.value(row);
                return (
                  <td
                    key={column.key}
                    // On a phone the other columns keep a line each; the first wraps within its width (what it
                    // names must not run under the next column).
                    className={`px-4 py-1.5 ${column.numeric ? 'text-right whitespace-nowrap tabular-nums' : ''} ${index === 0 ? `${stickyFirst} bg-white dark:bg-zinc-900` : 'max-sm:whitespace-nowrap'}`}
                  >
                    {index === 0 ? (
                      // Wide enough to wrap between words, not in them: a column that may wrap is given only its longest word.
                      <span className="block max-sm:min-w-32">{content}</span>
                    ) : (
                      content
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
