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
  /**
   * Builds the CSV text from the rows shown, e.g. `() => myCodespacesCsv(rowsShown)`; may load the
   * CSV writer first (`async () => (await import('@/lib/csv/codespaces')).myCodespacesCsv(rows)`)
   * so a page that shows the button does not carry it.
   */
  csv: () => string | Promise<string>;
  filename: string | (() => string);
}) {
  return (
    <Button size={size} onClick={async () => downloadCsv(typeof filename === 'function' ? filename() : filename, await csv())} {...props}>
      <Download aria-hidden className={size === 'sm' ? 'size-3.5' : 'size-4'} /> Download CSV
    </Button>
  );
}
