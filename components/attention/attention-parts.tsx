'use client';

import { useId, useState, type ReactNode } from 'react';
import { AlertTriangle, Info, Siren } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { Severity } from '@/lib/attention/domain/rules';
import { pluralize } from '@/lib/format';

// The look both attention lists share (a person's own, an organisation's): one severity scale,
// one row, one "show all". What each row says and offers stays with its list.

const SEVERITY: Record<Severity, { icon: typeof Info; className: string; label: string }> = {
  urgent: { icon: Siren, className: 'text-red-700 dark:text-red-400', label: 'Urgent' },
  warning: { icon: AlertTriangle, className: 'text-orange-700 dark:text-orange-300', label: 'Warning' },
  info: { icon: Info, className: 'text-sky-700 dark:text-sky-300', label: 'Note' },
};

/** On a phone, rows shown until the person asks for all of them. */
const PHONE_SHOWN = 2;
const PHONE_COLLAPSED = 'max-sm:[&>li:nth-child(n+3)]:hidden';

/** A titled list of at most `shown` rows (two on a phone) until the person asks for all of them. */
export function AttentionSection<T>({
  heading,
  items,
  shown,
  children,
}: {
  heading: string;
  items: readonly T[];
  shown: number;
  children: (item: T) => ReactNode;
}) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? items : items.slice(0, shown);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="border-b border-zinc-200 px-3 py-2 text-sm font-semibold dark:border-zinc-800">
        {heading} <span className="font-normal text-zinc-500 dark:text-zinc-400">({items.length})</span>
      </h2>
      {/* A phone shows the first two until asked: the list of codespaces is what people come for. */}
      <ul className={`divide-y divide-zinc-200 dark:divide-zinc-800 ${expanded ? '' : PHONE_COLLAPSED}`}>{visible.map(children)}</ul>
      {items.length > PHONE_SHOWN && (
        <div className={`border-t border-zinc-200 px-3 py-1.5 dark:border-zinc-800 ${items.length > shown ? '' : 'sm:hidden'}`}>
          <Button size="sm" variant="ghost" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${pluralize(items.length, 'item')}`}
          </Button>
        </div>
      )}
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
  const { icon: Icon, className, label: severityLabel } = SEVERITY[severity];
  return (
    <li {...data} className="flex flex-wrap items-start gap-x-3 gap-y-1.5 px-3 py-2 text-sm">
      <Icon aria-label={severityLabel} role="img" className={`mt-0.5 size-4 shrink-0 ${className}`} />
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
