'use client';

import { useSyncExternalStore } from 'react';
import type { ExternalToast } from 'sonner';

/**
 * Toasts, with the toast library loaded on the first one: most visits show none, and every page
 * would otherwise carry ~10 KB of compressed script for them. `<LazyToaster />` (in the root
 * providers) mounts the toaster once asked; a toast is shown only after it is there to show it.
 */

type Sonner = typeof import('sonner');

let library: Promise<Sonner> | null = null;
let mounted: Promise<void> | null = null;
let markMounted: () => void = () => {};
const listeners = new Set<() => void>();

function load(): Promise<Sonner> {
  if (!library) {
    mounted = new Promise((resolve) => (markMounted = resolve));
    library = import('sonner');
    for (const listener of listeners) listener();
  }
  return library;
}

async function show(kind: 'success' | 'warning' | 'error', message: string, options?: ExternalToast) {
  const { toast } = await load();
  await mounted;
  toast[kind](message, options);
}

export const toast = {
  success: (message: string, options?: ExternalToast) => void show('success', message, options),
  warning: (message: string, options?: ExternalToast) => void show('warning', message, options),
  error: (message: string, options?: ExternalToast) => void show('error', message, options),
};

/** Whether a toast has been asked for yet (so the toaster should be on the page). */
export function useToasterWanted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => library !== null,
    () => false,
  );
}

/** For the toaster: it is on the page and subscribed, toasts may go out. */
export function toasterMounted() {
  markMounted();
}

/** The library, for the toaster component itself. */
export const loadToastLibrary = load;
