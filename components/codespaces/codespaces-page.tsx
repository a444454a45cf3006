'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGithubWeb } from '@/components/github/github-web';
import { endsSession } from '@/lib/transport/api-error';
import { usePersonalAttention } from '@/lib/attention/use-personal-attention';
import type { PersonalAttentionItem } from '@/lib/attention/domain/personal';
import {
  applyListFilters,
  filtersToSearch,
  LIST_SORTS,
  repositoryFacets,
  stateFacets,
  summarizeFleet,
  type ListFilters,
} from '@/lib/codespaces/domain/list-view';
import { NO_CODESPACES, type CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useListControls } from '@/lib/hooks/use-list-controls';
import { useLeftViewNotice } from '@/lib/codespaces/use-left-view-notice';
import { useListShortcuts } from '@/lib/hooks/use-list-shortcuts';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { isComplete, type StreamedList } from '@/lib/query/streamed-list';
import { unpackSummaries, type PackedSummaries } from '@/lib/codespaces/domain/packed-summaries';
import { relativeTime } from '@/lib/format';
import { codespaceKeys, listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { listMyOrganizationsQuery } from '@/lib/orgs/queries';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import { CodespacesPageView } from './codespaces-page-view';
import { useBulkActions } from './use-bulk-actions';
import { usePowerActions } from './use-power-actions';

// Dialogs load when opened: most visits open none.
const DeleteCodespaceDialog = dynamic(() => import('./delete-codespace-dialog').then((m) => m.DeleteCodespaceDialog));
const ExportDialog = dynamic(() => import('./export-dialog').then((m) => m.ExportDialog));
const ShortcutsDialog = dynamic(() => import('@/components/shortcuts/shortcuts-dialog').then((m) => m.ShortcutsDialog));
// Only when GitHub no longer accepts the session: its sign-in button (and GitHub's mark) load then.
const SessionEnded = dynamic(() => import('@/components/layout/session-ended').then((m) => m.SessionEnded));

type Dialog = { kind: 'export' | 'delete'; codespace: CodespaceSummary } | { kind: 'shortcuts' };

/** A returning user's whole list as Hangar's store held it, packed for the page (app/page.tsx). */
export type PackedList = Omit<StreamedList<CodespaceSummary>, 'items'> & { asOf: number; items: PackedSummaries };

/** The dashboard's home: reads the user's codespaces and keeps the view's filters, selection, keyboard row and dialogs. */
export function CodespacesPage({
  login,
  initialFilters,
  stored = null,
  initialAttention = null,
}: {
  login: string;
  initialFilters: ListFilters;
  stored?: PackedList | null;
  /** "Needs your attention" for the list the server rendered with, worked out there (null: it had none). */
  initialAttention?: PersonalAttentionItem<CodespaceSummary>[] | null;
}) {
  const queryClient = useQueryClient();
  // The stored list, in the cache before the list is read (on the server too): shown as of its age, and asked for again at once.
  useState(() => {
    if (!stored || queryClient.getQueryData(codespaceKeys.listMyCodespaces()) !== undefined) return;
    queryClient.setQueryData(
      codespaceKeys.listMyCodespaces(),
      { ...stored, items: unpackSummaries(stored.items) },
      { updatedAt: stored.asOf },
    );
  });
  const query = useQuery(listMyCodespacesQuery());
  const list = query.data;
  const codespaces = list?.items;
  const router = useRouter();
  const web = useGithubWeb();
  const now = useMinuteClock();
  const monthCosts = useMyMonthCosts(codespaces, login);
  const { costs } = monthCosts;
  const controls = useListControls({
    items: codespaces ?? NO_CODESPACES,
    initialFilters,
    apply: useCallback((items: readonly CodespaceSummary[], filters: ListFilters) => applyListFilters(items, filters, { costs }), [costs]),
    toSearch: filtersToSearch,
  });
  const bulk = useBulkActions(codespaces ?? NO_CODESPACES, controls.rows);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { onPower, onStop, pendingNames } = usePowerActions();
  // A row that vanishes from a filtered view because of the user's own Stop (or Start) is said so.
  const leftViewNotice = useLeftViewNotice(controls.rows, codespaces ?? NO_CODESPACES, pendingNames, filtersToSearch(controls.filters));

  const facets = useMemo(
    () =>
      codespaces
        ? {
            options: { states: stateFacets(codespaces), repositories: repositoryFacets(codespaces), sorts: LIST_SORTS },
            summary: summarizeFleet(codespaces),
          }
        : null,
    [codespaces],
  );
  const attention = usePersonalAttention(codespaces, now, initialAttention);
  // Single sign-on hid some codespaces: name the organisations (GitHub gives their ids).
  const organizations = useQuery({ ...listMyOrganizationsQuery(), enabled: Boolean(list?.sso) });

  const byName = (name: string) => codespaces?.find((c) => c.name === name);
  useListShortcuts({
    names: controls.rows.map((c) => c.name),
    selected: cursor,
    onSelect: setCursor,
    onOpen: (name) => router.push(`/codespaces/${encodeURIComponent(name)}`),
    onTogglePower: (name) => {
      // The same action as the row's button: when it is disabled, the key says why instead.
      const codespace = byName(name);
      if (codespace) onPower(codespace);
    },
    onFocusFilter: () => searchRef.current?.focus(),
    onShowHelp: () => setDialog({ kind: 'shortcuts' }),
    enabled: dialog === null && bulk.dialog === null,
  });

  if (endsSession(query.error)) return <SessionEnded />;
  const close = () => setDialog(null);

  return (
    <>
      <CodespacesPageView
        codespaces={codespaces}
        total={list?.total ?? 0}
        complete={isComplete(list)}
        storedAge={list?.asOf === undefined ? null : relativeTime(new Date(list.asOf).toISOString(), now)}
        rows={controls.rows}
        loading={query.isPending}
        error={query.error}
        filters={controls.filters}
        options={facets?.options ?? null}
        summary={facets?.summary ?? null}
        {...bulk.listProps}
        costs={monthCosts.costs}
        costsPending={monthCosts.reportPending}
        githubWebUrl={web.webUrl}
        attention={attention}
        pendingNames={pendingNames}
        onPower={onPower}
        leftViewNotice={leftViewNotice}
        sso={list?.sso && web.webUrl ? { header: list.sso, organizations: organizations.data ?? [], webUrl: web.webUrl } : null}
        cursor={cursor}
        searchRef={searchRef}
        onShowShortcuts={() => setDialog({ kind: 'shortcuts' })}
        onExport={(codespace) => setDialog({ kind: 'export', codespace })}
        onStop={onStop}
        onDelete={(codespace) => setDialog({ kind: 'delete', codespace })}
        onFiltersChange={controls.updateFilters}
        onRetry={() => query.refetch()}
        onSelectNames={bulk.selectNames}
      />
      {bulk.dialog}
      {dialog?.kind === 'export' && <ExportDialog codespace={dialog.codespace} open onOpenChange={(open) => !open && close()} />}
      {dialog?.kind === 'delete' && <DeleteCodespaceDialog codespace={dialog.codespace} onClose={close} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog open onOpenChange={(open) => !open && close()} />}
    </>
  );
}
