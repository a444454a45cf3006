'use client';

import Link from 'next/link';
import { AttentionRow, AttentionSection } from '@/components/attention/attention-parts';
import { ActionButton } from '@/components/codespaces/action-button';
import { buttonClass } from '@/components/ui/button';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary as Codespace } from '@/lib/codespaces/domain/types';
import { ATTENTION_LABELS, type AttentionItem } from '@/lib/orgs/domain/attention';
import { codespacesNeedingAttention, selectableGroups } from '@/lib/attention/domain/rules';
import { memberPath } from '@/lib/repositories/domain/path';

const SHOWN = 6;

/** What each kind's "Select these" selects its codespaces for: what costs while it runs is stopped, what GitHub deletes anyway is deleted. */
const GROUP_ACTIONS = { 'idle-running': 'stop', 'large-machine': 'stop', 'idle-timeout-outlier': 'stop', retention: 'delete' } as const;
const STOPPABLE = new Set<AttentionItem['kind']>(['idle-running', 'large-machine', 'idle-timeout-outlier']);

/**
 * What needs an admin's eyes, most urgent first, each with the action that fits: Stop for what
 * runs idle, Delete for what GitHub will delete anyway, Export for the admin's own work at risk;
 * each disabled, with the reason, when the codespace does not allow it now.
 */
export function AttentionList({
  org,
  items,
  me,
  onStop,
  onDelete,
  onSelectGroup,
}: {
  org: string;
  items: AttentionItem[];
  me: string;
  onStop: (codespace: Codespace) => void;
  onDelete: (codespace: Codespace) => void;
  /** Puts a group's codespaces into the table's bulk selection ("Select these"). */
  onSelectGroup?: (names: string[]) => void;
}) {
  if (items.length === 0) return null;
  return (
    <AttentionSection
      heading="Needs attention"
      items={items}
      codespaces={codespacesNeedingAttention(items)}
      shown={SHOWN}
      storageKey={`hangar.attention.org:${org}`}
      groups={selectableGroups(items, GROUP_ACTIONS, ATTENTION_LABELS)}
      onSelectGroup={onSelectGroup}
    >
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
                {STOPPABLE.has(item.kind) && <MemberAction codespace={c} action="stop" onClick={onStop} />}
                {item.kind === 'work-expiring' && c.owner.login.toLowerCase() === me.toLowerCase() && (
                  // Their own codespace: its page has Export (and Start) when the codespace allows them.
                  <Link href={`/codespaces/${encodeURIComponent(c.name)}`} className={buttonClass('secondary', 'sm')}>
                    {actionAvailability(c, 'export').allowed ? 'Export…' : 'Open'}
                  </Link>
                )}
                {item.kind === 'retention' && <MemberAction codespace={c} action="delete" onClick={onDelete} />}
              </>
            }
          />
        );
      }}
    </AttentionSection>
  );
}

const ACTION_WORDS = { stop: 'Stop', delete: 'Delete' } as const;

/** Stop or Delete on a member's codespace, named for it, disabled with the reason when its state does not allow it. */
function MemberAction({
  codespace,
  action,
  onClick,
}: {
  codespace: Codespace;
  action: 'stop' | 'delete';
  onClick: (codespace: Codespace) => void;
}) {
  const name = `${ACTION_WORDS[action]} ${codespaceTitle(codespace)}`;
  return (
    <ActionButton
      size="sm"
      label={name}
      availability={actionAvailability(codespace, action)}
      onClick={() => onClick(codespace)}
      aria-label={name}
    >
      {ACTION_WORDS[action]}
    </ActionButton>
  );
}
