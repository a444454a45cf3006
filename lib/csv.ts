import Papa from 'papaparse';

/**
 * CSV for downloads: RFC 4180 quoting by papaparse, one header row, CRLF line ends. Values stay
 * plain (ISO dates, numbers without currency or separators) so a spreadsheet reads them as data.
 */

type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * Text a spreadsheet could run as a formula: a cell, or any line of it, starting with =, +, -, @,
 * a tab or a carriage return. papaparse's own check (`escapeFormulae: true`) reads the first line
 * only, and not even that when a line break follows (its `.*$` has no s flag), so this one is
 * papaparse's characters at the start of the cell or after any line break.
 */
const FORMULA_START = /(?:^|[\r\n])[=+\-@\t\r]/;

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const text = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((row) => columns.map((c) => c.value(row) ?? null)) },
    // Such a cell is prefixed with ', which makes a spreadsheet open it as text.
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  // papaparse ends a header-only file with a line break, and a file with rows without one.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** An ISO 8601 UTC timestamp (`2026-11-20T10:00:00Z`), or empty for a missing or unreadable date. */
export function isoDate(value: string | null | undefined): string {
  if (!value) return '';
  const time = Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

/** A number without float noise (0.63, not 0.6299999999999999): at most four decimals. */
export function plainNumber(value: number, decimals = 4): number {
  return Number(value.toFixed(decimals));
}
