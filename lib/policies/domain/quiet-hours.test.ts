import { describe, expect, it } from 'vitest';
import { describeQuietHours, formatOccurrence, latestOccurrence, nextOccurrence, quietHoursTiming } from './quiet-hours';
import type { QuietHoursRule, Weekday } from './schemas';

const MINUTE = 60_000;
const rule = (time: string, weekdays: Weekday[], timeZone: string): QuietHoursRule => ({ kind: 'quiet-hours', time, weekdays, timeZone });
const at = (iso: string) => new Date(iso);
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = [...WORKDAYS, 'sat', 'sun'];

/** Evaluations every `stepMinutes` from `from` to `to`, as the scheduler makes them: each one's `since` is the previous. */
function evaluate(quiet: QuietHoursRule, from: string, to: string, stepMinutes = 5) {
  const acted: string[] = [];
  let since = at(from);
  for (let t = since.getTime() + stepMinutes * MINUTE; t <= at(to).getTime(); t += stepMinutes * MINUTE) {
    const timing = quietHoursTiming(quiet, { since, now: new Date(t) });
    if (timing.due) acted.push(`${new Date(t).toISOString()} for ${timing.occurrence.toISOString()}`);
    since = new Date(t);
  }
  return acted;
}

describe('when quiet hours act', () => {
  const evening = rule('19:00', WORKDAYS, 'Europe/Berlin');

  it('acts on the first evaluation after the time, once, however often evaluations come', () => {
    // Tuesday 25 November 2025, 19:00 in Berlin is 18:00 UTC (CET, UTC+1).
    expect(quietHoursTiming(evening, { since: at('2025-11-25T17:58:00Z'), now: at('2025-11-25T18:03:00Z') })).toMatchObject({
      due: true,
      occurrence: at('2025-11-25T18:00:00Z'),
      next: at('2025-11-26T18:00:00Z'),
    });
    expect(quietHoursTiming(evening, { since: at('2025-11-25T18:03:00Z'), now: at('2025-11-25T18:08:00Z') })).toMatchObject({
      due: false,
      missed: false,
    });
    expect(evaluate(evening, '2025-11-24T00:00:00Z', '2025-11-30T23:59:00Z')).toEqual([
      '2025-11-24T18:00:00.000Z for 2025-11-24T18:00:00.000Z',
      '2025-11-25T18:00:00.000Z for 2025-11-25T18:00:00.000Z',
      '2025-11-26T18:00:00.000Z for 2025-11-26T18:00:00.000Z',
      '2025-11-27T18:00:00.000Z for 2025-11-27T18:00:00.000Z',
      '2025-11-28T18:00:00.000Z for 2025-11-28T18:00:00.000Z',
    ]);
  });

  it('acts at an evaluation exactly on the time, and not again at the next', () => {
    expect(quietHoursTiming(evening, { since: at('2025-11-25T17:55:00Z'), now: at('2025-11-25T18:00:00Z') }).due).toBe(true);
    expect(quietHoursTiming(evening, { since: at('2025-11-25T18:00:00Z'), now: at('2025-11-25T18:05:00Z') }).due).toBe(false);
  });

  it('keeps to the chosen weekdays: Friday evening acts, Saturday and Sunday do not, Monday does', () => {
    const weekend = evaluate(evening, '2025-11-28T12:00:00Z', '2025-12-01T23:00:00Z', 7);
    expect(weekend.map((line) => line.split(' for ')[1])).toEqual(['2025-11-28T18:00:00.000Z', '2025-12-01T18:00:00.000Z']);
    expect(nextOccurrence(evening, at('2025-11-28T18:30:00Z'))).toEqual(at('2025-12-01T18:00:00Z'));
  });

  it('reads weekdays in the rule’s zone, across midnight: Monday 00:30 in Tokyo is Sunday 15:30 UTC', () => {
    const monday = rule('00:30', ['mon'], 'Asia/Tokyo');
    const sunday = rule('00:30', ['sun'], 'Asia/Tokyo');
    // Sunday 23 November 2025, 15:33 UTC is Monday 24 November, 00:33 in Tokyo.
    const now = at('2025-11-23T15:33:00Z');
    const since = at('2025-11-23T15:28:00Z');
    expect(quietHoursTiming(monday, { since, now })).toMatchObject({ due: true, occurrence: at('2025-11-23T15:30:00Z') });
    expect(quietHoursTiming(sunday, { since, now }).due).toBe(false);
    expect(latestOccurrence(sunday, now)).toEqual(at('2025-11-22T15:30:00Z'));
  });

  it('reads weekdays in the rule’s zone the other way: Friday 22:00 in Honolulu is Saturday 08:00 UTC', () => {
    const friday = rule('22:00', ['fri'], 'Pacific/Honolulu');
    expect(nextOccurrence(friday, at('2025-11-28T12:00:00Z'))).toEqual(at('2025-11-29T08:00:00Z'));
    expect(quietHoursTiming(friday, { since: at('2025-11-29T07:59:00Z'), now: at('2025-11-29T08:04:00Z') }).due).toBe(true);
  });

  it('acts once after the jump on a spring-forward day when its time does not exist (02:30 becomes 03:30)', () => {
    // New York, Sunday 9 March 2025: clocks jump from 02:00 EST to 03:00 EDT; 02:30 never happens.
    const night = rule('02:30', EVERY_DAY, 'America/New_York');
    expect(nextOccurrence(night, at('2025-03-09T06:00:00Z'))).toEqual(at('2025-03-09T07:30:00Z')); // 03:30 EDT
    expect(evaluate(night, '2025-03-08T00:00:00Z', '2025-03-10T12:00:00Z')).toEqual([
      '2025-03-08T07:30:00.000Z for 2025-03-08T07:30:00.000Z', // 02:30 EST
      '2025-03-09T07:30:00.000Z for 2025-03-09T07:30:00.000Z', // 03:30 EDT: the day is not skipped
      '2025-03-10T06:30:00.000Z for 2025-03-10T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('acts once, at the first, when its time happens twice on a fall-back day (01:30)', () => {
    // New York, Sunday 2 November 2025: 01:30 EDT (05:30 UTC), then clocks go back and 01:30 EST (06:30 UTC).
    const night = rule('01:30', EVERY_DAY, 'America/New_York');
    expect(evaluate(night, '2025-11-01T12:00:00Z', '2025-11-02T23:00:00Z')).toEqual([
      '2025-11-02T05:30:00.000Z for 2025-11-02T05:30:00.000Z',
    ]);
    // The second 01:30 is not a new occurrence.
    expect(quietHoursTiming(night, { since: at('2025-11-02T06:27:00Z'), now: at('2025-11-02T06:32:00Z') }).due).toBe(false);
  });

  it('keeps its local time across a change of offset: 19:00 in Berlin is 17:00 UTC in summer, 18:00 in winter', () => {
    // Berlin leaves summer time on Sunday 26 October 2025.
    const acted = evaluate(rule('19:00', ['fri', 'mon'], 'Europe/Berlin'), '2025-10-23T00:00:00Z', '2025-10-28T00:00:00Z');
    expect(acted.map((line) => line.split(' for ')[1])).toEqual(['2025-10-24T17:00:00.000Z', '2025-10-27T18:00:00.000Z']);
  });

  it('reports an occurrence missed while nothing ran, rather than stopping everyone the next morning', () => {
    const timing = quietHoursTiming(evening, { since: at('2025-11-25T12:00:00Z'), now: at('2025-11-26T08:00:00Z') });
    expect(timing).toMatchObject({ due: false, missed: true, occurrence: at('2025-11-25T18:00:00Z'), next: at('2025-11-26T18:00:00Z') });
    expect(timing.due === false && timing.missed && timing.lateByMs).toBe(14 * 60 * MINUTE);
    // Within the catch-up window (an hour by default) it still acts.
    expect(quietHoursTiming(evening, { since: at('2025-11-25T12:00:00Z'), now: at('2025-11-25T18:59:00Z') }).due).toBe(true);
    expect(quietHoursTiming(evening, { since: at('2025-11-25T12:00:00Z'), now: at('2025-11-25T19:01:00Z') }).due).toBe(false);
  });

  it('does not act at once for a policy saved after today’s time: it waits for tomorrow', () => {
    // Saved at 19:30 Berlin time; `since` is when it was saved.
    expect(quietHoursTiming(evening, { since: at('2025-11-25T18:30:00Z'), now: at('2025-11-25T18:33:00Z') })).toMatchObject({
      due: false,
      missed: false,
      next: at('2025-11-26T18:00:00Z'),
    });
  });
});

describe('quiet hours in words', () => {
  it('names the days, the time and the zone', () => {
    expect(describeQuietHours(rule('19:00', WORKDAYS, 'Europe/Berlin'))).toBe('Monday to Friday at 19:00 (Europe/Berlin)');
    expect(describeQuietHours(rule('22:30', EVERY_DAY, 'UTC'))).toBe('Every day at 22:30 (UTC)');
    expect(describeQuietHours(rule('08:00', ['sat', 'sun'], 'Asia/Tokyo'))).toBe('Saturday and Sunday at 08:00 (Asia/Tokyo)');
    expect(describeQuietHours(rule('08:00', ['mon', 'wed', 'fri'], 'UTC'))).toBe('Mon, Wed, Fri at 08:00 (UTC)');
  });

  it('says when the next occurrence is in the rule’s zone', () => {
    expect(formatOccurrence(at('2025-11-26T18:00:00Z'), 'Europe/Berlin')).toBe('Wed 26 Nov, 19:00 CET');
  });
});
