import { cannotNow, DAY_MS, durationInWords, nearDeletion, rescueAdvice, workInWords, type AttentionInput } from '@/lib/attention/rules';
import { PERSONAL_THRESHOLDS } from '@/lib/attention/personal';
import { codespaceTitle, isTransitional } from '@/lib/codespaces/state';
import type { CodespaceExport } from '@/lib/codespaces/types';

/**
 * Which notifications fire between two snapshots of the user's codespaces (and of the exports
 * being followed). Pure: the caller keeps the snapshots and the "already told" record, and
 * dispatches what comes out (lib/notifications/notify.ts).
 */

export type WatchedCodespace = Pick<
  AttentionInput,
  'name' | 'display_name' | 'state' | 'git_status' | 'retention_expires_at' | 'pending_operation' | 'pending_operation_disabled_reason'
>;

/** An export being followed: `GET /user/codespaces/{name}/exports/{id}` as last answered. */
export type WatchedExport = { codespace: string } & Pick<CodespaceExport, 'state' | 'branch' | 'html_url'>;

export type NotificationEvent =
  | { kind: 'available'; name: string; title: string }
  | { kind: 'start-failed'; name: string; title: string; state: string }
  | { kind: 'export-succeeded'; name: string; title: string; branch: string | null; url: string | null }
  | { kind: 'export-failed'; name: string; title: string }
  /** `advice`: how to save the work, worded from what the codespace allows now (lib/attention/rules.ts). */
  | { kind: 'work-at-risk'; name: string; title: string; expiresInMs: number; work: string; advice: string }
  /** Several codespaces' work at risk on the same day: said once, not once each. */
  | { kind: 'work-at-risk-several'; titles: string[] };

/** Codespace name → the day (`YYYY-MM-DD`, the user's own calendar) it was last warned about. */
export type ToldRecord = Readonly<Record<string, string>>;

export interface NotificationInput {
  /** The list as it was last time; null on the first look (nothing has changed yet). */
  previous: readonly WatchedCodespace[] | null;
  current: readonly WatchedCodespace[];
  /** Codespaces the user started from Hangar and is waiting for. */
  started: ReadonlySet<string>;
  previousExports?: readonly WatchedExport[];
  currentExports?: readonly WatchedExport[];
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
  /** Started codespaces still on their way: the caller keeps watching them. */
  stillStarting: Set<string>;
}

const DONE_EXPORT = new Set(['succeeded', 'failed']);

export function notificationEvents(input: NotificationInput): NotificationResult {
  const { previous, current, started, told, today, now } = input;
  const events: NotificationEvent[] = [];
  const before = new Map((previous ?? []).map((c) => [c.name, c]));
  const titles = new Map(current.map((c) => [c.name, codespaceTitle(c)]));
  const stillStarting = new Set<string>();

  for (const c of current) {
    if (!started.has(c.name)) continue;
    const was = before.get(c.name);
    if (isTransitional(c.state)) {
      stillStarting.add(c.name);
    } else if (c.state === 'Available') {
      // Only a change seen happening: a codespace that was already running when watching began says nothing.
      if (was && was.state !== 'Available') events.push({ kind: 'available', name: c.name, title: codespaceTitle(c) });
    } else if (was && isTransitional(was.state)) {
      events.push({ kind: 'start-failed', name: c.name, title: codespaceTitle(c), state: c.state });
    } else {
      // Not started yet as far as GitHub says (the start request may still be on its way).
      stillStarting.add(c.name);
    }
  }

  const exportsBefore = new Map((input.previousExports ?? []).map((e) => [e.codespace, e]));
  for (const e of input.currentExports ?? []) {
    const was = exportsBefore.get(e.codespace);
    if (!was || DONE_EXPORT.has(was.state ?? '') || !DONE_EXPORT.has(e.state ?? '')) continue;
    const title = titles.get(e.codespace) ?? e.codespace;
    events.push(
      e.state === 'succeeded'
        ? { kind: 'export-succeeded', name: e.codespace, title, branch: e.branch ?? null, url: e.html_url ?? null }
        : { kind: 'export-failed', name: e.codespace, title },
    );
  }

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

  return { events, told: nextTold, stillStarting };
}

/** Whether anything is on its way that a notification is waiting for (else hidden-tab polling can stop). */
export function hasPendingNotifications(stillStarting: ReadonlySet<string>, exports: readonly WatchedExport[]): boolean {
  return stillStarting.size > 0 || exports.some((e) => !DONE_EXPORT.has(e.state ?? ''));
}

/** The user's calendar day, for "once a day". */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface NotificationMessage {
  title: string;
  body: string;
  /** Where clicking it leads, within Hangar or to the exported branch. */
  href: string;
  /** Notifications with the same tag replace each other instead of piling up. */
  tag: string;
  tone: 'success' | 'warning' | 'error';
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
