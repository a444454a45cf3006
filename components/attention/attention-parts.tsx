'use client';

import { useCallback, useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Icon } from '@/components/ui/icon';
import type { IconName } from '@/components/ui/icon-sprite';
import { Button } from '@/components/ui/button';
import type { SelectableGroup } from '@/lib/attention/domain/panel';
import type { Severity } from '@/lib/attention/domain/rules';
import { pluralize } from '@/lib/format';

// The look both attention lists share (a person's own, an organisation's): one severity scale,
// one row, one "show all". What each row says and offers stays with its list.

const SEVERITY: Record<Severity, { icon: IconName; className: string; label: string }> = {
  urgent: { icon: 'siren', className: 'text-red-700 dark:text-red-400', label: 'Urgent' },
  warning: { icon: 'alert-triangle', className: 'text-orange-700 dark:text-orange-300', label: 'Warning' },
  info: { icon: 'info', className: 'text-sky-700 dark:text-sky-300', label: 'Note' },
};

/** On a phone, rows shown until the person asks for all of them. */
const PHONE_SHOWN = 2;
const PHONE_COLLAPSED = 'max-sm:[&>li:nth-child(n+3)]:hidden';

/**
 * Whether a panel is collapsed, remembered in this browser per list (`storageKey`) and shared by
 * its tabs. Open on the server and until the browser's choice is read.
 */
function useCollapsed(storageKey: string): [boolean, (collapsed: boolean) => void] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const listener = (event: StorageEvent) => event.key === storageKey && onChange();
      window.addEventListener('storage', listener);
      return () => window.removeEventListener('storage', listener);
    },
    [storageKey],
  );
  const collapsed = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey) === 'collapsed',
    () => false,
  );
  const setCollapsed = (next: boolean) => {
    if (next) window.localStorage.setItem(storageKey, 'collapsed');
    else window.localStorage.removeItem(storageKey);
    window.dispatchEvent(new StorageEvent('storage', { key: storageKey }));
  };
  return [collapsed, setCollapsed];
}

/**
 * A titled panel of at most `shown` rows (two on a phone) until the person asks for all of them.
 * Its heading collapses it (remembered per list), and says how many codespaces it is about; each
 * group with a bulk action can be put into the list's selection at once ("Select these").
 */
export function AttentionSection<T>({
  heading,
  items,
  codespaces,
  shown,
  storageKey,
  groups = [],
  onSelectGroup,
  children,
}: {
  heading: string;
  items: readonly T[];
  /** How many codespaces the items are about (`codespacesNeedingAttention`): the panel's count. */
  codespaces: number;
  shown: number;
  /** Where the collapsed choice is kept (localStorage), one per list. */
  storageKey: string;
  groups?: readonly SelectableGroup<string>[];
  onSelectGroup?: (names: string[]) => void;
  children: (item: T) => ReactNode;
}) {
  const headingId = useId();
  const bodyId = useId();
  const [expanded, setExpanded] = useState(false);
  const [collapsed, setCollapsed] = useCollapsed(storageKey);
  const visible = expanded ? items : items.slice(0, shown);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="text-sm font-semibold">
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => setCollapsed(!collapsed)}
          className={`flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/50 ${collapsed ? '' : 'rounded-b-none border-b border-zinc-200 dark:border-zinc-800'}`}
        >
          <Icon name="chevron-down" className={`size-4 shrink-0 text-zinc-500 transition-transform ${collapsed ? '-rotate-90' : ''}`} />
          {heading} <span className="font-normal text-zinc-500 dark:text-zinc-400">· {pluralize(codespaces, 'codespace')}</span>
        </button>
      </h2>
      <div id={bodyId} hidden={collapsed}>
        {onSelectGroup && groups.length > 0 && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            {groups.map((group) => (
              <span key={group.kind} className="inline-flex items-center gap-1" data-attention-group={group.kind}>
                {group.label} ({group.names.length})
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Select these ${pluralize(group.names.length, 'codespace')}: ${group.label}, to ${group.action} them at once`}
                  onClick={() => onSelectGroup(group.names)}
                >
                  Select these
                </Button>
              </span>
            ))}
          </div>
        )}
        {/* A phone shows the first two until asked: the list of codespaces is what people come for. */}
        <ul className={`divide-y divide-zinc-200 dark:divide-zinc-800 ${expanded ? '' : PHONE_COLLAPSED}`}>{visible.map(children)}</ul>
        {items.length > PHONE_SHOWN && (
          <div className={`border-t border-zinc-200 px-3 py-1.5 dark:border-zinc-800 ${items.length > shown ? '' : 'sm:hidden'}`}>
            <Button size="sm" variant="ghost" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {/* No second count here: the heading's is the panel's one number. */}
              {expanded ? 'Show fewer' : 'Show all'}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}

/** One thing that needs attention: severity, title (with `titleId` for the actions), label, why. */
export function AttentionRow({
  severity,
  title,
  titleId,
  details,
  label,
  sentence,
  actions,
  ...data
}: {
  severity: Severity;
  title: string;
  titleId?: string;
  details?: ReactNode;
  label: string;
  sentence: string;
  actions: ReactNode;
  'data-attention': string;
  'data-codespace'?: string;
}) {
  const { icon, className, label: severityLabel } = SEVERITY[severity];
  return (
    <li {...data} className="flex flex-wrap items-start gap-x-3 gap-y-1.5 px-3 py-2 text-sm">
      <Icon name={icon} label={severityLabel} className={`mt-0.5 size-4 shrink-0 ${className}`} />
      <div className="min-w-0 flex-1 basis-64">
        <p>
          <span id={titleId} className="font-medium">
            {title}
          </span>
          {details}
          <span className={`ml-2 text-xs font-medium ${className}`}>{label}</span>
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">{sentence}</p>
      </div>
      <div className="flex shrink-0 gap-1.5">{actions}</div>
    </li>
  );
}
