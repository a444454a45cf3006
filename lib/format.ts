import { formatDistanceStrict } from 'date-fns';

/** "3 minutes ago", "in 2 days"; "never" for a missing date. */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  if (Math.abs(now - then) < 45_000) return 'just now';
  return formatDistanceStrict(then, now, { addSuffix: true });
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

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
