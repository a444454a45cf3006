'use client';

import { Play, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { usePowerAction } from '@/lib/queries/codespaces';
import { ActionButton } from './action-button';

/**
 * One-click Start or Stop, whichever the state calls for. When neither is possible
 * (a codespace on its way somewhere), a disabled Start says why.
 */
export function PowerButton({ codespace, size = 'sm' }: { codespace: CodespaceSummary; size?: 'sm' | 'md' }) {
  const start = usePowerAction('start');
  const stop = usePowerAction('stop');
  const canStop = actionAvailability(codespace, 'stop');
  const title = codespaceTitle(codespace);

  if (canStop.allowed) {
    return (
      <Button size={size} onClick={() => stop.mutate(codespace)} disabled={stop.isPending} title={`Stop ${title}`}>
        <Square aria-hidden className="size-3" /> Stop
      </Button>
    );
  }
  return (
    <ActionButton
      label="Start"
      availability={actionAvailability(codespace, 'start')}
      size={size}
      onClick={() => start.mutate(codespace)}
      disabled={start.isPending}
      title={`Start ${title}`}
    >
      <Play aria-hidden className="size-3" /> Start
    </ActionButton>
  );
}
