'use client';

import type { Query } from '@tanstack/react-query';
import type { CodespaceExport } from '@/lib/codespaces/domain/types';
import { exportedCodespace, isMyCodespaceList } from '@/lib/codespaces/queries';
import { arrivalsIn, exportArrivalIn } from '@/lib/codespaces/transitions';
import { toast } from '@/lib/notices/toasts';
import type { StreamedList } from '@/lib/query/streamed-list';
import type { NotificationEvent, WatchedCodespace } from './domain/notifications';

// What tells the user (the words, browser notifications, the told-today record) loads after the first paint.
const notifications = () =>
  Promise.all([import('./domain/notifications'), import('@/lib/notices/notifications'), import('./told-record.client')]);

function tell(event: NotificationEvent) {
  void notifications().then(([{ describeNotification }, { dispatchNotification }]) => dispatchNotification(describeNotification(event)));
}

/**
 * Once a day per codespace: work GitHub is about to delete with its retention policy. Said as a
 * notification when they are on; as a message only away from the list, whose attention list says it.
 */
async function warnAboutWorkAtRisk(list: StreamedList<WatchedCodespace>) {
  const [{ describeNotification, localDay, notificationEvents, workAtRiskNotice }, { dispatchNotification, notificationsOn }, told] =
    await notifications();
  const now = Date.now();
  const { events, told: record } = notificationEvents({ current: list.items, told: told.readToldRecord(), today: localDay(now), now });
  const notice = workAtRiskNotice(events.filter((event) => event.kind === 'work-at-risk'));
  if (!notice) return;
  told.writeToldRecord(record);
  if (notificationsOn() || window.location.pathname !== '/') dispatchNotification(describeNotification(notice));
}

/**
 * The query client's listener (app/providers.tsx): whenever any query brings news, on whichever
 * page the user is, tells them what they wait for (a started codespace or an export arriving: a
 * browser notification when they turned them on, else a toast; a stopped one landing), and work
 * at risk of deletion.
 */
export function tellCodespaceNews(data: unknown, query: Pick<Query, 'queryKey'>) {
  for (const arrival of arrivalsIn(data)) {
    if (arrival.kind === 'notification') tell(arrival.event);
    else if (arrival.ok) toast.success(arrival.message);
    else toast.error(arrival.message, { duration: Infinity, closeButton: true });
  }
  const exported = exportedCodespace(query);
  if (exported) {
    const event = exportArrivalIn(exported, data as CodespaceExport);
    if (event) tell(event);
  }
  if (isMyCodespaceList(query)) void warnAboutWorkAtRisk(data as StreamedList<WatchedCodespace>);
}
