'use client';

import { Play, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/state';
import type { Codespace } from '@/lib/codespaces/types';
import { usePowerAction } from '@/lib/queries/codespaces';

/**
 * One-click Start or Stop, whichever the state calls for. When neither is possible
 * (a codespace on its way somewhere), a disabled button says why.
 */
export function PowerButton({ codespace, size = 'sm' }: { codespace: Codespace; size?: 'sm' | 'md' }) {
  const start = usePowerAction('start');
  const stop = usePowerAction('stop');
  const canStop = actionAvailability(codespace, 'stop');
  const canStart = actionAvailability(codespace, 'start');
  const label = codespaceTitle(codespace);

  if (canStop.allowed) {
    return (
      <Button size={size} onClick={() => stop.mutate(codespace)} disabled={stop.isPending} title={`Stop ${label}`}>
        <Square aria-hidden className="size-3" /> Stop
      </Button>
    );
  }
  if (canStart.allowed) {
    return (
      <Button size={size} onClick={() => start.mutate(codespace)} disabled={start.isPending} title={`Start ${label}`}>
        <Play aria-hidden className="size-3" /> Start
      </Button>
    );
  }
  return (
    <Tooltip content={canStart.reason}>
      {/* A disabled button cannot take focus; the wrapper lets keyboard users reach the reason. */}
      <span tabIndex={0} className="inline-flex rounded-md" aria-label={`Start unavailable: ${canStart.reason}`}>
        <Button size={size} disabled tabIndex={-1} aria-hidden>
          <Play aria-hidden className="size-3" /> Start
        </Button>
      </span>
    </Tooltip>
  );
}
