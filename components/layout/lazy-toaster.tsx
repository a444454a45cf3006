'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';
import { useCardLayout } from '@/lib/hooks/use-card-layout';
import { loadToastLibrary, toasterMounted, useToasterWanted } from '@/lib/notices/toasts';
import { readTheme } from '@/lib/theme';

/**
 * Where notices go so they never sit over a list row's Start/Stop/Delete buttons (the action column
 * at the right; sonner keeps a notice while the pointer rests on it). On a desktop, the bottom
 * centre: only a row's name, repository and state are under it. On a phone every row spans the
 * width, so the one band rows never scroll through is the sticky header: notices go over it.
 */
const DESKTOP: Partial<ToasterProps> = { position: 'bottom-center' };
// The header is 3.5rem tall; a one-line notice is ~54 px. A smaller gap keeps a stack of them
// (each behind peeks out by the gap) inside the header too.
const PHONE: Partial<ToasterProps> = { position: 'top-center', offset: { top: 2 }, mobileOffset: { top: 2 }, gap: 8 };

/** The toaster, mounted when the first toast is asked for (see lib/notices/toasts.ts). */
export function LazyToaster() {
  const wanted = useToasterWanted();
  const phone = useCardLayout();
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    if (wanted) void loadToastLibrary().then((library) => setToaster(() => library.Toaster));
  }, [wanted]);
  // Children's effects run first: once this runs, the toaster is subscribed to new toasts.
  useEffect(() => {
    if (Toaster) toasterMounted();
  }, [Toaster]);
  return Toaster ? <Toaster {...(phone ? PHONE : DESKTOP)} richColors closeButton theme={readTheme()} /> : null;
}
