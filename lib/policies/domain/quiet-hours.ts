import { TZDate } from '@date-fns/tz';
import { WEEKDAY_LABELS, WEEKDAYS, type QuietHoursRule } from './schemas';

/**
 * When quiet hours stop codespaces. Pure: every instant is computed from the rule and `now`.
 *
 * An **occurrence** is the instant the rule's wall-clock time is reached, in the rule's time zone,
 * on a local date whose weekday the rule names. Weekdays are the zone's, not UTC's: 00:30 on
 * Monday in Tokyo is Sunday 15:30 UTC. Daylight saving, as the IANA database has it:
 * - a time that does not exist that day (02:30 when clocks jump from 02:00 to 03:00) happens
 *   after the jump, shifted by its length (03:30); the day is not skipped;
 * - a time that happens twice (01:30 when clocks fall back from 02:00 to 01:00) happens once, at
 *   the first of the two.
 * (RFC 5545 §3.3.5 and Temporal's "compatible" disambiguation resolve wall times the same way;
 * `TZDate` from @date-fns/tz does it for us.)
 *
 * Evaluations come every few minutes, never exactly on time. An evaluation at `now` **acts** when
 * the latest occurrence at or before `now` is later than `since`, the previous evaluation that
 * finished (so each occurrence acts once, however often evaluations come), and no older than
 * `catchUpMs` (a Hangar that was down at 19:00 does not stop everyone at 09:00 the next day; it
 * says it missed the occurrence).
 */

/** How late an occurrence may still act: an hour, many evaluation intervals. */
export const DEFAULT_CATCH_UP_MS = 60 * 60 * 1000;

/** The occurrence on a local calendar date (year, month 0–11, day), whatever its weekday. */
function occurrenceOn(rule: Pick<QuietHoursRule, 'time' | 'timeZone'>, year: number, month: number, day: number): Date {
  const [hours, minutes] = rule.time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month, day, hours, minutes, rule.timeZone).getTime());
}

/** The rule's occurrences on the local dates around `at`, `fromDay` to `toDay` days away, in order. */
function occurrencesAround(rule: QuietHoursRule, at: Date, fromDay: number, toDay: number): Date[] {
  const local = new TZDate(at.getTime(), rule.timeZone);
  const out: Date[] = [];
  for (let offset = fromDay; offset <= toDay; offset++) {
    // Calendar arithmetic on the local date, done in UTC where every day has 24 hours.
    const date = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() + offset));
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
    if (rule.weekdays.includes(weekday)) out.push(occurrenceOn(rule, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  }
  return out;
}

/** The latest occurrence at or before `at` (within the last eight days, so there always is one). */
export function latestOccurrence(rule: QuietHoursRule, at: Date): Date | null {
  const candidates = occurrencesAround(rule, at, -8, 1).filter((o) => o.getTime() <= at.getTime());
  return candidates.at(-1) ?? null;
}

/** The first occurrence after `at`. */
export function nextOccurrence(rule: QuietHoursRule, after: Date): Date | null {
  return occurrencesAround(rule, after, -1, 8).find((o) => o.getTime() > after.getTime()) ?? null;
}

export type QuietHoursTiming =
  /** Act now: `occurrence` is the one being acted on. */
  | { due: true; missed: false; occurrence: Date; next: Date | null }
  /** Nothing to do until `next`. */
  | { due: false; missed: false; next: Date | null }
  /** An occurrence came and went while nothing evaluated; it is reported, not acted on. */
  | { due: false; missed: true; occurrence: Date; lateByMs: number; next: Date | null };

/**
 * Whether an evaluation at `now` acts. `since` is the previous finished evaluation of this policy
 * (or when it was saved or enabled, if it never ran), so a policy saved at 19:30 with a 19:00 time
 * waits for tomorrow rather than acting at once.
 */
export function quietHoursTiming(
  rule: QuietHoursRule,
  { since, now, catchUpMs = DEFAULT_CATCH_UP_MS }: { since: Date; now: Date; catchUpMs?: number },
): QuietHoursTiming {
  const next = nextOccurrence(rule, now);
  const occurrence = latestOccurrence(rule, now);
  if (!occurrence || occurrence.getTime() <= since.getTime()) return { due: false, missed: false, next };
  const lateByMs = now.getTime() - occurrence.getTime();
  if (lateByMs > catchUpMs) return { due: false, missed: true, occurrence, lateByMs, next };
  return { due: true, missed: false, occurrence, next };
}

/** "Monday to Friday at 19:00 (Europe/Berlin)", "Every day at 22:30 (UTC)", "Saturday and Sunday at 08:00 (…)". */
export function describeQuietHours(rule: Pick<QuietHoursRule, 'time' | 'weekdays' | 'timeZone'>): string {
  return `${describeWeekdays(rule.weekdays)} at ${rule.time} (${rule.timeZone})`;
}

const SHORT: Record<(typeof WEEKDAYS)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

function describeWeekdays(days: readonly (typeof WEEKDAYS)[number][]): string {
  const set = WEEKDAYS.filter((d) => days.includes(d));
  if (set.length === 7) return 'Every day';
  const indexes = set.map((d) => WEEKDAYS.indexOf(d));
  const consecutive = indexes.every((n, i) => i === 0 || n === indexes[i - 1]! + 1);
  if (set.length >= 3 && consecutive) return `${WEEKDAY_LABELS[set[0]!]} to ${WEEKDAY_LABELS[set.at(-1)!]}`;
  if (set.length <= 2) return set.map((d) => WEEKDAY_LABELS[d]).join(' and ');
  return set.map((d) => SHORT[d]).join(', ');
}

/** "Tue 25 Nov, 19:00 CET" in the rule's zone: when a preview says the next occurrence is. */
export function formatOccurrence(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}
