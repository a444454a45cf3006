'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useMutationState, useQueryClient } from '@tanstack/react-query';
import { codespaceActionMutation, warmActions } from '@/lib/codespaces/actions';
import { codespaceTitle, powerAction } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { codespaceKeys } from '@/lib/codespaces/queries';
import { toast } from '@/lib/notices/toasts';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import type { PowerProps } from './power-button';

/**
 * Start and Stop for a page's codespaces, owned by the page and handed to its views: `onPower`
 * starts or stops a codespace, whichever its state calls for (a Start/Stop button's click, the `s`
 * shortcut), `onStop` stops it; `pendingNames` are the codespaces with an action on its way, whichever control asked
 * (a row's button, the palette, a bulk selection, the attention list), so their buttons wait.
 * A second click while the first is on its way sends nothing (useActionMutation).
 */
export function usePowerActions(): PowerProps & { onStop: (codespace: CodespaceSummary) => void } {
  const queryClient = useQueryClient();
  const start = useActionMutation(codespaceActionMutation(queryClient, 'start'));
  const stop = useActionMutation(codespaceActionMutation(queryClient, 'stop'));
  // Rows are memoised: `onPower` stays the same function, reading the latest mutations.
  const latest = useRef({ start, stop });
  useEffect(() => {
    latest.current = { start, stop };
  });
  // The rule behind the buttons loads after the first paint, before a click is likely to need it.
  useEffect(() => void warmActions(), []);
  const onPower = useCallback((codespace: CodespaceSummary) => {
    // The button is disabled (with its reason) when the state does not allow it; a key says why instead.
    const { action, availability } = powerAction(codespace);
    if (availability.allowed) latest.current[action].mutate(codespace);
    else toast.warning(`Cannot ${action} ${codespaceTitle(codespace)}: ${availability.reason}`);
  }, []);
  // The attention list's Stop, for a codespace it found running.
  const onStop = useCallback((codespace: CodespaceSummary) => latest.current.stop.mutate(codespace), []);
  const pending = useMutationState({
    filters: { mutationKey: codespaceKeys.all, status: 'pending' },
    select: (mutation) => mutation.meta?.targets?.(mutation.state.variables) ?? [],
  });
  const pendingNames = useMemo(() => new Set(pending.flat()), [pending]);
  return { onPower, onStop, pendingNames };
}
