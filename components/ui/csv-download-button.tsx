'use client';

import { Download } from 'lucide-react';
import { downloadCsv } from '@/lib/csv/download';
import { Button, type ButtonProps } from './button';

/**
 * "Download CSV" for a table: builds the file from the rows the view shows only when clicked, so
 * a re-render costs nothing.
 */
export function CsvDownloadButton({
  csv,
  filename,
  size = 'md',
  ...props
}: Omit<ButtonProps, 'onClick' | 'children'> & {
  /** Builds the CSV text, e.g. `() => myCodespacesCsv(rowsShown)`. */
  csv: () => string;
  filename: string | (() => string);
}) {
  return (
    <Button size={size} onClick={() => downloadCsv(typeof filename === 'function' ? filename() : filename, csv())} {...props}>
      <Download aria-hidden className={size === 'sm' ? 'size-3.5' : 'size-4'} /> Download CSV
    </Button>
  );
}
