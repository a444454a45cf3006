'use client';

import { useId, useState } from 'react';
import Link from 'next/link';
import { AlertTriangle, CheckCircle2, Info, Siren } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { AttentionInput, Severity } from '@/lib/attention/rules';
import { PERSONAL_ATTENTION_LABELS, type PersonalAttentionItem } from '@/lib/attention/personal';
import { pluralize } from '@/lib/format';

const SEVERITY: Record<Severity, { icon: typeof Info; className: string; label: string }> = {
  urgent: { icon: Siren, className: 'text-red-700 dark:text-red-400', label: 'Urgent' },
  warning: { icon: AlertTriangle, className: 'text-orange-700 dark:text-orange-300', label: 'Warning' },
  info: { icon: Info, className: 'text-sky-700 dark:text-sky-300', label: 'Note' },
};

const SHOWN = 5;

const linkButtonClass =
  'inline-flex h-7 shrink-0 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';

export interface MyAttentionListProps<T extends AttentionInput> {
  /** From `personalAttention(codespaces, now)` (lib/attention/personal.ts). */
  items: PersonalAttentionItem<T>[];
  onExport: (codespace: T) => void;
  onStop: (codespace: T) => void;
  /** Should open the usual delete confirmation (which guards work at risk), not delete at once. */
  onDelete: (codespace: T) => void;
  /** Where Open goes; the codespace's page by default. */
  openHref?: (codespace: T) => string;
  /** Codespaces with an action in flight: their buttons wait. */
  pendingNames?: ReadonlySet<string>;
}

/**
 * The signed-in user's own "needs attention", at the top of their list: one calm line when all is
 * well, otherwise each codespace with what is wrong, its numbers and the action that fits.
 * Renders props only; the page gives it the items and the real mutations.
 */
export function MyAttentionList<T extends AttentionInput>({
  items,
  onExport,
  onStop,
  onDelete,
  openHref = (codespace) => `/codespaces/${encodeURIComponent(codespace.name)}`,
  pendingNames,
}: MyAttentionListProps<T>) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);

  if (items.length === 0) {
    return (
      <section
        aria-labelledby={headingId}
        className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <CheckCircle2 aria-hidden className="size-4 text-emerald-600 dark:text-emerald-400" />
        <h2 id={headingId} className="font-normal text-zinc-600 dark:text-zinc-400">
          Nothing needs your attention
        </h2>
      </section>
    );
  }

  const shown = expanded ? items : items.slice(0, SHOWN);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="border-b border-zinc-200 px-3 py-2 text-sm font-semibold dark:border-zinc-800">
        Needs your attention <span className="font-normal text-zinc-500 dark:text-zinc-400">({items.length})</span>
      </h2>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {shown.map((item) => (
          <AttentionRow
            key={`${item.kind}:${item.name}`}
            item={item}
            onExport={onExport}
            onStop={onStop}
            onDelete={onDelete}
            openHref={openHref}
            pending={pendingNames?.has(item.name) ?? false}
          />
        ))}
      </ul>
      {items.length > SHOWN && (
        <div className="border-t border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
          <Button size="sm" variant="ghost" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${pluralize(items.length, 'item')}`}
          </Button>
        </div>
      )}
    </section>
  );
}

function AttentionRow<T extends AttentionInput>({
  item,
  onExport,
  onStop,
  onDelete,
  openHref,
  pending,
}: Required<Pick<MyAttentionListProps<T>, 'onExport' | 'onStop' | 'onDelete' | 'openHref'>> & {
  item: PersonalAttentionItem<T>;
  pending: boolean;
}) {
  const titleId = useId();
  const { icon: Icon, className, label } = SEVERITY[item.severity];
  const c = item.codespace;
  // Every row has its own "Stop" or "Export": the codespace's title describes which.
  const about = { 'aria-describedby': titleId, disabled: pending };
  return (
    <li data-attention={item.kind} data-codespace={item.name} className="flex flex-wrap items-start gap-x-3 gap-y-1.5 px-3 py-2 text-sm">
      <Icon aria-label={label} role="img" className={`mt-0.5 size-4 shrink-0 ${className}`} />
      <div className="min-w-0 flex-1 basis-64">
        <p>
          <span id={titleId} className="font-medium">
            {item.title}
          </span>
          <span className={`ml-2 text-xs font-medium ${className}`}>{PERSONAL_ATTENTION_LABELS[item.kind]}</span>
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">{item.sentence}</p>
      </div>
      <div className="flex shrink-0 gap-1.5">
        {item.actions.map((action) => {
          switch (action) {
            case 'export':
              return (
                <Button key={action} size="sm" variant="primary" onClick={() => onExport(c)} {...about}>
                  Export
                </Button>
              );
            case 'open':
              return (
                <Link key={action} href={openHref(c)} aria-describedby={titleId} className={linkButtonClass}>
                  Open
                </Link>
              );
            case 'stop':
              return (
                <Button key={action} size="sm" onClick={() => onStop(c)} {...about}>
                  Stop
                </Button>
              );
            case 'delete':
              return (
                <Button key={action} size="sm" onClick={() => onDelete(c)} {...about}>
                  Delete
                </Button>
              );
          }
        })}
      </div>
    </li>
  );
}
