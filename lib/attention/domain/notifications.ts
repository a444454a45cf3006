import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceNews } from '@/lib/codespaces/transitions';
import { DAY_MS, durationInWords } from '@/lib/format';
import type { NotificationMessage } from '@/lib/notices/notifications';
import { PERSONAL_THRESHOLDS } from './personal';
import { cannotNow, nearDeletion, rescueAdvice, workInWords, type AttentionInput } from './rules';

/**
 * What Hangar tells the user about their codespaces, and when work at risk of deletion is worth a
 * word (once a day per codespace). Pure: the caller keeps the "already told" record, and
 * dispatches what comes out (news.client.ts). The arrivals the user waits for (a codespace
 * started, an export) are read by the codespaces' transitions (lib/codespaces/transitions.ts).
 */

export type WatchedCodespace = Pick<
  AttentionInput,
  'name' | 'display_name' | 'state' | 'git_status' | 'retention_expires_at' | 'pending_operation' | 'pending_operation_disabled_reason'
>;

export type NotificationEvent =
  | CodespaceNews
  /** `advice`: how to save the work, worded from what the codespace allows now (rules.ts). */
  | { kind: 'work-at-risk'; name: string; title: string; expiresInMs: number; work: string; advice: string }
  /** Several codespaces' work at risk on the same day: said once, not once each. */
  | { kind: 'work-at-risk-several'; titles: string[] };

/** Codespace name → the day (`YYYY-MM-DD`, the user's own calendar) it was last warned about. */
export type ToldRecord = Readonly<Record<string, string>>;

export interface NotificationInput {
  current: readonly WatchedCodespace[];
  told: ToldRecord;
  /** The user's calendar day now, `YYYY-MM-DD` (see localDay). */
  today: string;
  now: number;
  /** Work in a codespace GitHub deletes within this many days is worth a daily word. */
  warnWithinDays?: number;
}

export interface NotificationResult {
  events: NotificationEvent[];
  /** The record to keep: today's warnings added, codespaces no longer listed dropped. */
  told: Record<string, string>;
}

/** Today's warnings about work at risk of deletion, each codespace at most once a day. */
export function notificationEvents(input: NotificationInput): NotificationResult {
  const { current, told, today, now } = input;
  const events: NotificationEvent[] = [];
  const nextTold: Record<string, string> = {};
  const warnWithin = (input.warnWithinDays ?? PERSONAL_THRESHOLDS.retentionWarningDays) * DAY_MS;
  for (const c of current) {
    if (told[c.name]) nextTold[c.name] = told[c.name]!;
    const deletion = nearDeletion(c, now, warnWithin);
    if (!deletion?.atRisk || told[c.name] === today) continue;
    events.push({
      kind: 'work-at-risk',
      name: c.name,
      title: codespaceTitle(c),
      expiresInMs: deletion.expiresIn,
      work: workInWords(deletion),
      advice: rescueAdvice(c) ?? cannotNow(c, ['export', 'start']),
    });
    nextTold[c.name] = today;
  }
  return { events, told: nextTold };
}

/** The user's calendar day, for "once a day". */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const codespaceHref = (name: string) => `/codespaces/${encodeURIComponent(name)}`;

/** An event in words. */
export function describeNotification(event: NotificationEvent): NotificationMessage {
  switch (event.kind) {
    case 'available':
      return {
        title: `${event.title} is ready`,
        body: 'Your codespace is Available.',
        href: codespaceHref(event.name),
        tag: `state:${event.name}`,
        tone: 'success',
      };
    case 'start-failed':
      return {
        title: `${event.title} did not start`,
        body: `GitHub reports it as ${event.state}.`,
        href: codespaceHref(event.name),
        tag: `state:${event.name}`,
        tone: 'error',
      };
    case 'export-succeeded':
      return {
        title: `${event.title} is exported`,
        body: event.branch ? `Its changes are on the branch ${event.branch}.` : 'Its changes are on a new branch.',
        href: event.url ?? codespaceHref(event.name),
        tag: `export:${event.name}`,
        tone: 'success',
      };
    case 'export-failed':
      return {
        title: `Export of ${event.title} failed`,
        body: 'Open the codespace and try Export again, or push from inside it.',
        href: codespaceHref(event.name),
        tag: `export:${event.name}`,
        tone: 'error',
      };
    case 'work-at-risk': {
      const when = event.expiresInMs <= 0 ? 'any moment now' : `in ${durationInWords(event.expiresInMs)}`;
      return {
        title: `${event.title}: ${event.work} work at risk`,
        body: `GitHub deletes this codespace ${when}. ${event.advice}`,
        href: codespaceHref(event.name),
        tag: `risk:${event.name}`,
        tone: 'warning',
      };
    }
    case 'work-at-risk-several': {
      const [first, second, ...rest] = event.titles;
      const named = rest.length ? `${first}, ${second} and ${rest.length} more` : `${first} and ${second}`;
      return {
        title: `${event.titles.length} codespaces hold work at risk`,
        body: `GitHub deletes ${named} soon. Your list says how to save each one’s work.`,
        href: '/',
        tag: 'risk:several',
        tone: 'warning',
      };
    }
  }
}

/**
 * The day's warnings about work at risk as the user is told them: one per codespace when there is
 * one, else one for all (a row of alarms helps nobody; the list names each).
 */
export function workAtRiskNotice(warnings: readonly Extract<NotificationEvent, { kind: 'work-at-risk' }>[]): NotificationEvent | null {
  if (warnings.length === 0) return null;
  if (warnings.length === 1) return warnings[0]!;
  return { kind: 'work-at-risk-several', titles: warnings.map((w) => w.title) };
}
