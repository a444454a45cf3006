import { liveMachineRequests, type MachineRequest, type MachineRequests } from '@/lib/codespaces/domain/machine-change';

/**
 * Machine changes Hangar asked GitHub for and GitHub has not applied yet (lib/codespaces/machine-change.ts),
 * kept in this browser's storage so a reload or another tab still shows them. Only a codespace's
 * name and machine type names, no secret; read through a schema, as anything from storage.
 */

const KEY = 'hangar.machine-requests';
const CHANGED = 'hangar:machine-requests';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage refused (a privacy setting): remembered for nothing, and nothing breaks.
    return null;
  }
}

/** The stored text, as is: a stable snapshot for useSyncExternalStore. */
export function machineRequestsSnapshot(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

export function readMachineRequests(snapshot: string | null = machineRequestsSnapshot(), now = Date.now()): MachineRequests {
  if (!snapshot) return {};
  try {
    return liveMachineRequests(JSON.parse(snapshot), now);
  } catch {
    return {};
  }
}

function write(update: (requests: MachineRequests) => MachineRequests) {
  const store = storage();
  if (!store) return;
  const next = update(readMachineRequests());
  try {
    if (Object.keys(next).length === 0) store.removeItem(KEY);
    else store.setItem(KEY, JSON.stringify(next));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function rememberMachineRequest(name: string, request: MachineRequest) {
  write((requests) => ({ ...requests, [name]: request }));
}

export function forgetMachineRequest(name: string) {
  write((requests) => Object.fromEntries(Object.entries(requests).filter(([key]) => key !== name)));
}

/** Calls back when this tab or another changes the requests. */
export function subscribeMachineRequests(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) onChange();
  };
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
