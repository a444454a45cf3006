// How figures read in the table.
import { okFigure } from './stats.mjs';

export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Whole milliseconds, or "not measured". */
export const ms = (value) => (okFigure(value) ? `${value.toFixed(0)} ms` : 'not measured');

/** Counts by status as "1×200, 59×304" (from `countByStatus`). */
export const statusText = (counts) =>
  Object.entries(counts)
    .map(([status, n]) => `${n}×${status}`)
    .join(', ') || 'none';

/** A plain-text table: columns padded to their widest cell. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
