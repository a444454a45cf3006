'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Play, Square } from 'lucide-react';
import { codespaceTitle, powerAction } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { codespaceActionMutation } from '@/lib/codespaces/actions';
import { ActionButton } from './action-button';

type Props = { codespace: CodespaceSummary; size?: 'sm' | 'md' };

const LOOK = {
  start: { label: 'Start', Icon: Play },
  stop: { label: 'Stop', Icon: Square },
} as const;

/**
 * One-click Start or Stop, whichever the state calls for (lib/codespaces/state.ts: powerAction),
 * disabled with the reason when it cannot be used now. A click while the last one is still on its
 * way sends nothing (useActionMutation).
 */
export function PowerButton({ codespace, size = 'sm' }: Props) {
  const { action, availability } = powerAction(codespace);
  const power = useActionMutation(codespaceActionMutation(useQueryClient(), action));
  const { label, Icon } = LOOK[action];
  return (
    <ActionButton
      label={label}
      availability={availability}
      size={size}
      onClick={() => power.mutate(codespace)}
      disabled={power.isPending}
      title={`${label} ${codespaceTitle(codespace)}`}
    >
      <Icon aria-hidden className="size-3" /> {label}
    </ActionButton>
  );
}
