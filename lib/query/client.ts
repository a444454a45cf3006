import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { ApiError, describeFailure } from '@/lib/transport/errors';
import type { CodespaceExport } from '@/lib/codespaces/types';
import { refusalAction, type GithubWeb } from '@/lib/github/refusals';
import type { StreamedList } from '@/lib/query/streamed-list';
import type { NotificationEvent, WatchedCodespace } from '@/lib/notifications/events';
import { toast } from '@/lib/notices/toasts';
import { codespaceKeys } from '@/lib/queries/keys';
import { FRESH_MS, shouldRetry } from './polling';
import { arrivalsIn, exportArrivalIn } from '@/lib/queries/transitions';

/** The action a refusal's toast offers: GitHub's sign-on page, or where an organisation's approval is asked for. */
function refusalToastAction(error: unknown, web: GithubWeb | undefined) {
  const refusal = error instanceof ApiError ? error.description.refusal : undefined;
  if (!refusal || !web) return undefined;
  const action = refusalAction(refusal, web);
  return action.kind === 'link'
    ? { label: action.label, onClick: () => window.open(action.href, '_blank', 'noopener,noreferrer') }
    : undefined;
}

const isListKey = (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === codespaceKeys.all[0] && query.queryKey[1] === 'list';
const isExportKey = (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === codespaceKeys.all[0] && query.queryKey[1] === 'export';

// What tells the user (browser notifications, the told-today record) loads after the first paint.
const notifications = () => Promise.all([import('@/lib/notifications/events'), import('@/lib/notices/notifications')]);

function tell(event: NotificationEvent) {
  void notifications().then(([, { dispatchNotification }]) => dispatchNotification(event));
}

/**
 * Once a day per codespace: work GitHub is about to delete with its retention policy. Said as a
 * notification when they are on; as a message only away from the list, whose attention list says it.
 */
async function warnAboutWorkAtRisk(list: StreamedList<WatchedCodespace>) {
  const [{ localDay, notificationEvents, workAtRiskNotice }, { dispatchNotification, notificationsOn, readToldRecord, writeToldRecord }] =
    await notifications();
  const now = Date.now();
  const { events, told } = notificationEvents({
    previous: null,
    current: list.items,
    started: new Set(),
    told: readToldRecord(),
    today: localDay(now),
    now,
  });
  const notice = workAtRiskNotice(events.filter((event) => event.kind === 'work-at-risk'));
  if (!notice) return;
  writeToldRecord(told);
  if (notificationsOn() || window.location.pathname !== '/') dispatchNotification(notice);
}

/**
 * The page's query client: one retry policy for every query, and the one place that turns what
 * happens into words for the user — a change's own notices (lib/queries/notices.ts, with the link a
 * refusal needs), a started codespace or an export arriving (a browser notification when the user
 * turned them on, else a toast), a stopped one landing, and work at risk of deletion, on whichever
 * page the user is.
 */
export function makeQueryClient(web?: GithubWeb): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onSuccess: (data, query) => {
        for (const arrival of arrivalsIn(data)) {
          if (arrival.kind === 'notification') tell(arrival.event);
          else if (arrival.ok) toast.success(arrival.message);
          else toast.error(arrival.message, { duration: Infinity, closeButton: true });
        }
        if (isExportKey(query)) {
          const event = exportArrivalIn(String(query.queryKey[2]), data as CodespaceExport);
          if (event) tell(event);
        }
        if (isListKey(query)) void warnAboutWorkAtRisk(data as StreamedList<WatchedCodespace>);
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: (data, variables, _context, mutation) => {
        const message = mutation.meta?.notices?.success?.(data, variables);
        if (message) toast.success(message);
      },
      onError: (error, variables, _context, mutation) => {
        const failure = mutation.meta?.notices?.failure?.(variables);
        if (!failure) return;
        const { title, detail } = describeFailure(error);
        // Stays until dismissed: the user decides when they have read it.
        toast.error(`${failure}: ${title}`, {
          description: detail,
          duration: Infinity,
          closeButton: true,
          action: refusalToastAction(error, web),
        });
      },
    }),
    defaultOptions: { queries: { staleTime: FRESH_MS, retry: shouldRetry } },
  });
}
