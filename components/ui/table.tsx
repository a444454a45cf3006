import type { ReactNode } from 'react';

/** A column heading: what it says, and its cell's padding and alignment. */
export type Column = readonly [heading: ReactNode, className: string];

/** A table's row of column headings. */
export function ColumnHeadings({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map(([heading, className], index) => (
        <th key={index} scope="col" className={className}>
          {heading}
        </th>
      ))}
    </tr>
  );
}
