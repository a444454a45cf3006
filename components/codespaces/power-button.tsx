'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Play, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { actionAvailability, codespaceTitle } from '@/lib/codespaces/state';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { powerCodespace } from '@/lib/queries/codespaces';
import { ActionButton } from './action-button';

type Props = { codespace: CodespaceSummary; size?: 'sm' | 'md' };

/**
 * One-click Start or Stop, whichever the state calls for. When neither is possible
 * (a codespace on its way somewhere), a disabled Start says why. Each is its own component with
 * its own mutation: a list row holds one, not two.
 */
export function PowerButton(props: Props) {
  return actionAvailability(props.codespace, 'stop').allowed ? <StopButton {...props} /> : <StartButton {...props} />;
}

function StopButton({ codespace, size = 'sm' }: Props) {
  const stop = useMutation(powerCodespace(useQueryClient(), 'stop'));
  return (
    <Button size={size} onClick={() => stop.mutate(codespace)} disabled={stop.isPending} title={`Stop ${codespaceTitle(codespace)}`}>
      <Square aria-hidden className="size-3" /> Stop
    </Button>
  );
}

function StartButton({ codespace, size = 'sm' }: Props) {
  const start = useMutation(powerCodespace(useQueryClient(), 'start'));
  return (
    <ActionButton
      label="Start"
      availability={actionAvailability(codespace, 'start')}
      size={size}
      onClick={() => start.mutate(codespace)}
      disabled={start.isPending}
      title={`Start ${codespaceTitle(codespace)}`}
    >
      <Play aria-hidden className="size-3" /> Start
    </ActionButton>
  );
}
