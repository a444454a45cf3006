'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';
import { loadToastLibrary, toasterMounted, useToasterWanted } from '@/lib/notices/toasts';
import { readTheme } from '@/lib/theme';

/**
 * Where notices go: the bottom centre, so they never sit over what cannot be moved from under them.
 * On a desktop only a list row's name, repository and state are there (its Start/Stop/Delete are
 * in the action column at the right; sonner keeps a notice while the pointer rests on it). On a
 * phone a notice spans the width: rows scroll out from under it (the page leaves room below the
 * last one, see Page), while the sticky header, which an error notice that stays up used to cover
 * whole (menu, search, account), stays in reach, and so do a codespace page's actions at its top.
 */
const PLACEMENT: Partial<ToasterProps> = { position: 'bottom-center' };

/** The toaster, mounted when the first toast is asked for (see lib/notices/toasts.ts). */
export function LazyToaster() {
  const wanted = useToasterWanted();
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    if (wanted) void loadToastLibrary().then((library) => setToaster(() => library.Toaster));
  }, [wanted]);
  // Children's effects run first: once this runs, the toaster is subscribed to new toasts.
  useEffect(() => {
    if (Toaster) toasterMounted();
  }, [Toaster]);
  return Toaster ? <Toaster {...PLACEMENT} richColors closeButton theme={readTheme()} /> : null;
}
