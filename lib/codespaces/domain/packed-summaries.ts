import type { CodespaceSummary } from './types';

/**
 * A list's summaries packed for a page's first paint: a returning user's whole list (up to 2,000
 * codespaces) travels in the page once, and as objects it was ~850 bytes a codespace, most of it
 * the same field names 2,000 times and the same machine, repository and owner objects again and
 * again. Packed, each codespace is one row of values in the order of `fields` (trailing absent
 * ones left off: the rarely present fields come last), and each object value is an index into
 * `objects`, which holds every distinct one once. Pure; `unpackSummaries` gives the same summaries back.
 */
export interface PackedSummaries {
  /** The summaries' fields, the most often present first. */
  fields: string[];
  /** Which fields hold objects (their cells are indexes into `objects`, or null). */
  objectFields: string[];
  objects: unknown[];
  /** One row a codespace; `0` in a cell past a row's end is never read (the field is absent). */
  rows: unknown[][];
  /** Cells of absent fields before a row's last present one. */
  absent: [row: number, column: number][];
}

export function packSummaries(items: readonly CodespaceSummary[]): PackedSummaries {
  const counts = new Map<string, number>();
  const objectFields = new Set<string>();
  for (const item of items) {
    for (const [field, value] of Object.entries(item)) {
      if (value === undefined) continue;
      counts.set(field, (counts.get(field) ?? 0) + 1);
      if (value !== null && typeof value === 'object') objectFields.add(field);
    }
  }
  const fields = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const objects: unknown[] = [];
  const objectIndex = new Map<string, number>();
  const indexOf = (value: object) => {
    const key = JSON.stringify(value);
    let index = objectIndex.get(key);
    if (index === undefined) {
      index = objects.push(value) - 1;
      objectIndex.set(key, index);
    }
    return index;
  };
  const absent: [number, number][] = [];
  const rows = items.map((item, row) => {
    const record = item as unknown as Record<string, unknown>;
    const cells = fields.map((field) => {
      const value = record[field];
      return value !== null && typeof value === 'object' ? indexOf(value) : value;
    });
    while (cells.length > 0 && cells.at(-1) === undefined) cells.pop();
    cells.forEach((cell, column) => {
      if (cell === undefined) {
        absent.push([row, column]);
        cells[column] = 0;
      }
    });
    return cells;
  });
  return { fields, objectFields: [...objectFields], objects, rows, absent };
}

export function unpackSummaries(packed: PackedSummaries): CodespaceSummary[] {
  const isObject = packed.fields.map((field) => packed.objectFields.includes(field));
  const gaps = new Set(packed.absent.map(([row, column]) => `${row}:${column}`));
  return packed.rows.map((cells, row) => {
    const item: Record<string, unknown> = {};
    cells.forEach((cell, column) => {
      if (gaps.size > 0 && gaps.has(`${row}:${column}`)) return;
      item[packed.fields[column]!] = isObject[column] && cell !== null ? packed.objects[cell as number] : cell;
    });
    return item as unknown as CodespaceSummary;
  });
}
