'use client';

import { Icon } from '@/components/ui/icon';
import { Button, type ButtonProps } from './button';

/** Saves CSV text as a file in the browser (no server round trip: the page already holds the rows). */
function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
   * Builds the CSV text from the rows shown, e.g. `() => myCodespacesCsv(rowsShown, costs)`; may load the
   * CSV writer first (`async () => (await import('@/lib/codespaces/domain/csv')).myCodespacesCsv(rows, costs)`)
   * so a page that shows the button does not carry it.
   */
  csv: () => string | Promise<string>;
  filename: string | (() => string);
}) {
  return (
    <Button size={size} onClick={async () => downloadCsv(typeof filename === 'function' ? filename() : filename, await csv())} {...props}>
      <Icon name="download" className={size === 'sm' ? 'size-3.5' : 'size-4'} /> Download CSV
    </Button>
  );
}
