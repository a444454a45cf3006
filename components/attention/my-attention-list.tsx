'use client';

import { useId } from 'react';
import Link from 'next/link';
import { Icon } from '@/components/ui/icon';
import { Button, buttonClass } from '@/components/ui/button';
import { AttentionRow, AttentionSection } from './attention-parts';
import { codespacesNeedingAttention, PERSONAL_ATTENTION_LABELS, selectableGroups } from '@/lib/attention/domain/panel';
import type { AttentionInput } from '@/lib/attention/domain/rules';
import type { PersonalAttentionItem } from '@/lib/attention/domain/personal';

const SHOWN = 5;

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
  /** Puts a group's codespaces into the list's bulk selection ("Select these"). */
  onSelectGroup?: (names: string[]) => void;
}

/** What each kind's "Select these" selects its codespaces for. */
const GROUP_ACTIONS = { 'running-unused': 'stop', 'storage-only': 'delete' } as const;

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
  onSelectGroup,
}: MyAttentionListProps<T>) {
  const headingId = useId();

  if (items.length === 0) {
    return (
      <section
        aria-labelledby={headingId}
        className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <Icon name="check-circle" className="size-4 text-emerald-600 dark:text-emerald-400" />
        <h2 id={headingId} className="font-normal text-zinc-600 dark:text-zinc-400">
          Nothing needs your attention
        </h2>
      </section>
    );
  }

  return (
    <AttentionSection
      heading="Needs your attention"
      items={items}
      codespaces={codespacesNeedingAttention(items)}
      shown={SHOWN}
      storageKey="hangar.attention.mine"
      groups={selectableGroups(items, GROUP_ACTIONS, PERSONAL_ATTENTION_LABELS)}
      onSelectGroup={onSelectGroup}
    >
      {(item) => (
        <PersonalRow
          key={`${item.kind}:${item.name}`}
          item={item}
          onExport={onExport}
          onStop={onStop}
          onDelete={onDelete}
          openHref={openHref}
          pending={pendingNames?.has(item.name) ?? false}
        />
      )}
    </AttentionSection>
  );
}

function PersonalRow<T extends AttentionInput>({
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
  const c = item.codespace;
  // Every row has its own "Stop" or "Export": the codespace's title describes which.
  const about = { 'aria-describedby': titleId, disabled: pending };
  return (
    <AttentionRow
      data-attention={item.kind}
      data-codespace={item.name}
      severity={item.severity}
      title={item.title}
      titleId={titleId}
      label={PERSONAL_ATTENTION_LABELS[item.kind]}
      sentence={item.sentence}
      actions={item.actions.map((action) => {
        switch (action) {
          case 'export':
            return (
              <Button key={action} size="sm" variant="primary" onClick={() => onExport(c)} {...about}>
                Export
              </Button>
            );
          case 'open':
            // Not prefetched: each would be two requests to the server for every codespace in the panel as
            // the list loads; the page is read, with the codespace from GitHub, when it is opened.
            return (
              <Link key={action} href={openHref(c)} prefetch={false} aria-describedby={titleId} className={buttonClass('secondary', 'sm')}>
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
    />
  );
}
