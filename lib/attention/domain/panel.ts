import { actionAvailability, type CodespaceAction } from '@/lib/codespaces/domain/state';
import type { AttentionInput } from './rules';

/**
 * What the attention panels need to render a list of items already worked out: their groups for
 * the bulk bar, their count, the personal panel's labels. Apart from the rules (rules.ts,
 * personal.ts), which `/` computes on the server for its first paint and loads after it.
 */

export type PersonalAttentionKind = 'work-expiring' | 'problem' | 'running-unused' | 'storage-only';

export const PERSONAL_ATTENTION_LABELS: Record<PersonalAttentionKind, string> = {
  'work-expiring': 'Work about to be deleted',
  problem: 'Not working',
  'running-unused': 'Running, unused',
  'storage-only': 'Stopped for weeks',
};

/** What a group of attention items can be selected for in a list's bulk bar. */
type GroupAction = Extract<CodespaceAction, 'stop' | 'delete'>;

export interface SelectableGroup<K extends string> {
  kind: K;
  label: string;
  action: GroupAction;
  /** The group's codespaces whose state allows the action now. */
  names: string[];
}

/**
 * The groups of a panel that "Select these" puts into the list's bulk selection, e.g. every
 * "Running, unused" codespace to stop at once: for each kind with a bulk action, its codespaces
 * that allow that action now (a group with none is not offered). In the panel's order.
 */
export function selectableGroups<K extends string>(
  items: readonly { kind: K; codespace: AttentionInput }[],
  actions: Partial<Record<K, GroupAction>>,
  labels: Record<K, string>,
): SelectableGroup<K>[] {
  const groups = new Map<K, SelectableGroup<K>>();
  for (const { kind, codespace } of items) {
    const action = actions[kind];
    if (!action || !actionAvailability(codespace, action).allowed) continue;
    const group = groups.get(kind) ?? { kind, label: labels[kind], action, names: [] };
    if (!group.names.includes(codespace.name)) group.names.push(codespace.name);
    groups.set(kind, group);
  }
  return [...groups.values()];
}

/**
 * How many codespaces a panel's items are about: the panel's count, in one noun ("3 codespaces"), the
 * same wherever it is shown. A codespace may be there for more than one reason.
 */
export function codespacesNeedingAttention(items: readonly { codespace: Pick<AttentionInput, 'name'> }[]): number {
  return new Set(items.map((item) => item.codespace.name)).size;
}
