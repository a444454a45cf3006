'use client';

import { useState } from 'react';
import Link from 'next/link';
import { AlertTriangle, Info, Siren } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/types';
import { pluralize } from '@/lib/format';
import { ATTENTION_LABELS, type AttentionItem, type Severity } from '@/lib/orgs/attention';
import { memberPath } from '@/lib/repositories/path';

const SEVERITY: Record<Severity, { icon: typeof Info; className: string; label: string }> = {
  urgent: { icon: Siren, className: 'text-red-700 dark:text-red-400', label: 'Urgent' },
  warning: { icon: AlertTriangle, className: 'text-orange-700 dark:text-orange-300', label: 'Warning' },
  info: { icon: Info, className: 'text-sky-700 dark:text-sky-300', label: 'Note' },
};

const SHOWN = 6;

/**
 * What needs an admin's eyes, most urgent first, each with the action that fits: Stop for what
 * runs idle, Delete for what GitHub will delete anyway, Export for the admin's own work at risk.
 */
export function AttentionList({
  org,
  items,
  me,
  onStop,
  onDelete,
}: {
  org: string;
  items: AttentionItem[];
  me: string;
  onStop: (codespace: Codespace) => void;
  onDelete: (codespace: Codespace) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, SHOWN);
  return (
    <section
      aria-labelledby="attention-heading"
      className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="attention-heading" className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">
        Needs attention <span className="font-normal text-zinc-500 dark:text-zinc-400">({items.length})</span>
      </h2>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {shown.map((item) => {
          const { icon: Icon, className, label } = SEVERITY[item.severity];
          const c = item.codespace;
          return (
            <li key={`${item.kind}:${c.name}`} data-attention={item.kind} className="flex items-start gap-3 px-4 py-2.5 text-sm">
              <Icon aria-label={label} className={`mt-0.5 size-4 shrink-0 ${className}`} />
              <div className="min-w-0 flex-1">
                <p>
                  <span className="font-medium">{codespaceTitle(c)}</span>
                  <span className="text-zinc-500 dark:text-zinc-400">
                    {' '}
                    ·{' '}
                    <Link
                      href={memberPath(org, c.owner.login)}
                      className="underline decoration-zinc-400 underline-offset-2 hover:text-sky-700 dark:decoration-zinc-500 dark:hover:text-sky-300"
                    >
                      {c.owner.login}
                    </Link>{' '}
                    · {c.repository.full_name}
                  </span>
                  <span className={`ml-2 text-xs font-medium ${className}`}>{ATTENTION_LABELS[item.kind]}</span>
                </p>
                <p className="text-zinc-600 dark:text-zinc-400">{item.reason}</p>
              </div>
              <div className="flex shrink-0 gap-1.5">
                {item.kind === 'idle-running' && (
                  <Button size="sm" onClick={() => onStop(c)} aria-label={`Stop ${codespaceTitle(c)}`}>
                    Stop
                  </Button>
                )}
                {item.kind === 'work-expiring' && c.owner.login === me && (
                  <Link
                    href={`/codespaces/${encodeURIComponent(c.name)}`}
                    className="inline-flex h-8 items-center rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  >
                    Export…
                  </Link>
                )}
                {item.kind === 'retention' && (
                  <Button size="sm" onClick={() => onDelete(c)} aria-label={`Delete ${codespaceTitle(c)}`}>
                    Delete
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {items.length > SHOWN && (
        <div className="border-t border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <Button size="sm" variant="ghost" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${pluralize(items.length, 'item')}`}
          </Button>
        </div>
      )}
    </section>
  );
}
