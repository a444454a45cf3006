import { formatDistanceStrict } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { exactTime, formatBytes, relativeTime } from './format';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('relative times', () => {
  it('reads like a person would say it', () => {
    expect(relativeTime(ago(10_000), NOW)).toBe('just now');
    expect(relativeTime(ago(3 * MINUTE), NOW)).toBe('3 minutes ago');
    expect(relativeTime(ago(1 * MINUTE), NOW)).toBe('1 minute ago');
    expect(relativeTime(ago(5 * 60 * MINUTE), NOW)).toBe('5 hours ago');
    expect(relativeTime(ago(2 * DAY), NOW)).toBe('2 days ago');
    expect(relativeTime(ago(-2 * DAY), NOW)).toBe('in 2 days');
    expect(relativeTime(ago(400 * DAY), NOW)).toBe('1 year ago');
    expect(relativeTime(null, NOW)).toBe('never');
    expect(relativeTime('not a date', NOW)).toBe('unknown');
  });

  it('says what date-fns’s formatDistanceStrict says, from a minute to years, past and future', () => {
    const distances: number[] = [];
    for (let ms = 45_000; ms < 3 * 365 * DAY; ms = Math.ceil(ms * 1.07)) distances.push(ms, -ms);
    for (const distance of distances) {
      const then = NOW - distance;
      expect(relativeTime(new Date(then).toISOString(), NOW), `${distance} ms`).toBe(formatDistanceStrict(then, NOW, { addSuffix: true }));
    }
  });
});

describe('other formats', () => {
  it('writes exact UTC times and binary sizes', () => {
    expect(exactTime('2026-11-24T18:03:59Z')).toBe('2026-11-24 18:03 UTC');
    expect(formatBytes(16 * 1024 ** 3)).toBe('16 GB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MB');
  });
});
