const MINUTE = 60_000;
const MINUTES_IN = { day: 1440, month: 43_200, year: 525_600 } as const;

let words: Intl.RelativeTimeFormat | undefined;

/**
 * "3 minutes ago", "in 2 days"; "never" for a missing date. The words of date-fns's
 * formatDistanceStrict (the unit chosen by the exact distance, the count rounded), from the
 * browser's own Intl.RelativeTimeFormat rather than a library in every page's script.
 */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const distance = then - now;
  if (Math.abs(distance) < 45_000) return 'just now';
  words ??= new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  const minutes = Math.abs(distance) / MINUTE;
  const say = (count: number, unit: Intl.RelativeTimeFormatUnit) => words!.format(distance < 0 ? -count : count, unit);
  if (minutes < 1) return say(Math.round(Math.abs(distance) / 1000), 'second');
  if (minutes < 60) return say(Math.round(minutes), 'minute');
  if (minutes < MINUTES_IN.day) return say(Math.round(minutes / 60), 'hour');
  if (minutes < MINUTES_IN.month) return say(Math.round(minutes / MINUTES_IN.day), 'day');
  if (minutes < MINUTES_IN.year) {
    const months = Math.round(minutes / MINUTES_IN.month);
    return months === 12 ? say(1, 'year') : say(months, 'month');
  }
  return say(Math.round(minutes / MINUTES_IN.year), 'year');
}

/** Exact UTC time, for tooltips and detail views: "2026-11-24 18:03 UTC". */
export function exactTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** GitHub describes machines in binary gigabytes ("16 GB RAM" is 16 GiB). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GB`;
  const mib = bytes / 1024 ** 2;
  return `${Math.round(mib)} MB`;
}

// One formatter: `toLocaleString` builds a new one per call, and long lists word thousands of counts.
const COUNT = new Intl.NumberFormat('en-US');

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? singular : plural}`;
}

/** Text someone else wrote (GitHub's reasons), ended as a sentence so more words can follow it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Names in a sentence: "a", "a and b", "a, b and 3 more". */
export function listInWords(items: readonly string[], shown = 3): string {
  if (items.length === 0) return 'none';
  if (items.length <= shown) return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** "12 minutes", "20 hours", "3 days": the unit a person would use for that distance. */
export function durationInWords(ms: number): string {
  if (ms < HOUR_MS) return pluralize(Math.max(1, Math.round(ms / MINUTE_MS)), 'minute');
  if (ms < 2 * DAY_MS) return pluralize(Math.round(ms / HOUR_MS), 'hour');
  return pluralize(Math.round(ms / DAY_MS), 'day');
}

// One formatter for every amount: `toLocaleString` with options builds a new one per call (~0.1 ms),
// and an organisation's attention list words thousands of amounts.
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `$1,234.56`; below a cent shown as `<$0.01` so small costs do not read as free. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '<$0.01';
  return USD.format(amount);
}
