import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import {
  computeCostPerHour,
  formatUsd,
  liveEstimate,
  monthDays,
  projectMonth,
  quotaRunsOut,
  runsOutInWords,
  storageCostPerMonth,
} from './cost';

const GB = 1024 ** 3;
const machine = (cpus: number, storageGb: number) => ({ ...makeCodespace().machine!, cpus, storage_in_bytes: storageGb * GB });

describe('what a codespace costs, at GitHub’s published prices', () => {
  it('bills compute at $0.18 an hour per 2 cores', () => {
    expect(computeCostPerHour({ machine: machine(2, 32) })).toBeCloseTo(0.18);
    expect(computeCostPerHour({ machine: machine(8, 64) })).toBeCloseTo(0.72);
    expect(computeCostPerHour({ machine: machine(32, 128) })).toBeCloseTo(2.88);
  });

  it('bills storage at $0.07 per GB-month of the machine’s disk', () => {
    expect(storageCostPerMonth({ machine: machine(4, 32) })).toBeCloseTo(2.24);
  });

  it('adds up what runs now and what stopped codespaces keep costing', () => {
    const estimate = liveEstimate([
      makeCodespace({ state: 'Available', machine: machine(4, 32) }),
      makeCodespace({ state: 'Starting', machine: machine(2, 32) }),
      makeCodespace({ state: 'Shutdown', machine: machine(16, 128) }),
      makeCodespace({ state: 'Deleted', machine: machine(32, 128) }),
    ]);
    expect(estimate.running).toBe(2);
    expect(estimate.runningCores).toBe(6);
    expect(estimate.computePerHour).toBeCloseTo(0.54);
    expect(estimate.stored).toBe(3);
    expect(estimate.storagePerMonth).toBeCloseTo((32 + 32 + 128) * 0.07);
    expect(estimate.stoppedStoragePerMonth).toBeCloseTo(128 * 0.07);
    expect(estimate.totalPerHour).toBeCloseTo(0.54 + (192 * 0.07) / 730);
  });
});

describe('the month’s projection, as GitHub computes it', () => {
  it('is the cost so far plus the last seven days’ average times the days left', () => {
    const today = new Date('2026-11-24T15:00:00Z');
    const daily = new Map<string, number>();
    for (let day = 1; day <= 24; day++) daily.set(`2026-11-${String(day).padStart(2, '0')}`, day <= 17 ? 1 : 7);
    daily.set('2026-10-31', 100); // last month does not count towards this month's total
    const { soFar, lastSevenDayAverage, projected } = projectMonth(daily, today);
    expect(soFar).toBe(17 * 1 + 7 * 7);
    expect(lastSevenDayAverage).toBe(7);
    expect(monthDays(today).left).toBe(6);
    expect(projected).toBe(66 + 7 * 6);
  });

  it('counts missing days as zero', () => {
    const { lastSevenDayAverage } = projectMonth(new Map([['2026-11-24', 14]]), new Date('2026-11-24T00:00:00Z'));
    expect(lastSevenDayAverage).toBe(2);
  });
});

describe('when a personal quota runs out', () => {
  const today = new Date('2026-11-10T12:00:00Z');

  it('is the day the pace reaches the quota', () => {
    // 100 of 120 core-hours used, 8 a day: 2.5 days → the 13th.
    expect(quotaRunsOut(100, 8, 120, today)?.toISOString().slice(0, 10)).toBe('2026-11-13');
  });

  it('is today when the quota is already used up', () => {
    expect(quotaRunsOut(130, 8, 120, today)).toEqual(today);
  });

  it('is never when the pace lasts the month, or nothing is used', () => {
    expect(quotaRunsOut(10, 1, 120, today)).toBeNull();
    expect(quotaRunsOut(10, 0, 120, today)).toBeNull();
  });

  it('is the moment itself, not rounded up to a whole day', () => {
    // 1 core-hour left at 24 a day: an hour from now.
    expect(quotaRunsOut(119, 24, 120, today)).toEqual(new Date('2026-11-10T13:00:00Z'));
  });
});

describe('when a quota runs out, in words', () => {
  const now = new Date('2026-11-25T09:00:00Z');
  const after = (minutes: number) => runsOutInWords(new Date(now.getTime() + minutes * 60_000), now);

  it('says minutes away as about an hour, and hours as hours', () => {
    expect(after(10)).toBe('In about an hour');
    expect(after(60)).toBe('In about an hour');
    expect(after(89)).toBe('In about an hour');
    expect(after(90)).toBe('In 2 hours');
    expect(after(5 * 60)).toBe('In 5 hours');
    expect(after(11 * 60 + 59)).toBe('In 12 hours');
  });

  it('says today, tomorrow, then the date', () => {
    expect(after(12 * 60)).toBe('Today');
    expect(after(14 * 60 + 59)).toBe('Today');
    expect(after(15 * 60)).toBe('Tomorrow');
    expect(after((24 + 14) * 60 + 59)).toBe('Tomorrow');
    expect(after((24 + 15) * 60)).toBe('27 November');
    expect(after(5 * 24 * 60)).toBe('30 November');
  });

  it('says when it is already used up, or lasts the month', () => {
    expect(runsOutInWords(now, now)).toBe('Already used up');
    expect(runsOutInWords(null, now)).toBe('Lasts the month');
  });
});

describe('money on screen', () => {
  it('shows dollars and cents, and tiny amounts as less than a cent', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.001)).toBe('<$0.01');
  });
});
