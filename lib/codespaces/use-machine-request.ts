'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { pendingMachineChange, type MachineRequest } from '@/lib/codespaces/domain/machine-change';
import type { Codespace } from '@/lib/codespaces/domain/types';
import {
  forgetMachineRequest,
  machineRequestsSnapshot,
  readMachineRequests,
  subscribeMachineRequests,
} from '@/lib/codespaces/machine-requests.client';

/**
 * The machine change waiting for this codespace's next start, if Hangar asked for one; forgotten
 * once GitHub's answer shows it applied (or that it no longer will).
 */
export function usePendingMachineChange(
  codespace: Pick<Codespace, 'name' | 'machine' | 'state' | 'last_used_at'> | undefined,
): MachineRequest | null {
  const snapshot = useSyncExternalStore(subscribeMachineRequests, machineRequestsSnapshot, () => null);
  const request = useMemo(() => (codespace ? readMachineRequests(snapshot)[codespace.name] : undefined), [snapshot, codespace]);
  const pending = codespace ? pendingMachineChange(codespace, request) : null;
  const settled = Boolean(codespace && request && !pending);
  useEffect(() => {
    if (settled && codespace) forgetMachineRequest(codespace.name);
  }, [settled, codespace]);
  return pending;
}
