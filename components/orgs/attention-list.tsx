'use client';

import Link from 'next/link';
import { AttentionRow, AttentionSection } from '@/components/attention/attention-parts';
import { Button, buttonClass } from '@/components/ui/button';
import { codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/types';
import { ATTENTION_LABELS, type AttentionItem } from '@/lib/orgs/attention';
import { memberPath } from '@/lib/repositories/path';

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
  if (items.length === 0) return null;
  return (
    <AttentionSection heading="Needs attention" items={items} shown={SHOWN}>
      {(item) => {
        const c = item.codespace;
        return (
          <AttentionRow
            key={`${item.kind}:${c.name}`}
            data-attention={item.kind}
            severity={item.severity}
            title={codespaceTitle(c)}
            details={
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
            }
            label={ATTENTION_LABELS[item.kind]}
            sentence={item.reason}
            actions={
              <>
                {item.kind === 'idle-running' && (
                  <Button size="sm" onClick={() => onStop(c)} aria-label={`Stop ${codespaceTitle(c)}`}>
                    Stop
                  </Button>
                )}
                {item.kind === 'work-expiring' && c.owner.login === me && (
                  <Link href={`/codespaces/${encodeURIComponent(c.name)}`} className={buttonClass('secondary', 'sm')}>
                    Export…
                  </Link>
                )}
                {item.kind === 'retention' && (
                  <Button size="sm" onClick={() => onDelete(c)} aria-label={`Delete ${codespaceTitle(c)}`}>
                    Delete
                  </Button>
                )}
              </>
            }
          />
        );
      }}
    </AttentionSection>
  );
}
