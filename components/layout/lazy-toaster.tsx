'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';
import { useCardLayout } from '@/lib/hooks/use-card-layout';
import { loadToastLibrary, toasterMounted, useToasterWanted } from '@/lib/notices/toasts';
import { readTheme } from '@/lib/theme';

/**
 * Where notices go so they cover neither a list row's Start/Stop/Delete buttons (sonner keeps a notice
 * while the pointer rests on it, and an error's stays until closed) nor the header's controls. On a
 * desktop, the bottom centre: only a row's name, repository and state are under it (its buttons are
 * in the action column at the right). On a phone every row spans the width and the thumb acts near
 * the bottom edge, so notices sit at the top, just under the sticky header (3.5rem): the menu, search
 * and account stay in reach, and whatever is under a notice scrolls out from under it.
 */
const HEADER_PX = 56;
const DESKTOP: Partial<ToasterProps> = { position: 'bottom-center' };
const PHONE: Partial<ToasterProps> = {
  position: 'top-center',
  offset: { top: HEADER_PX + 8 },
  mobileOffset: { top: HEADER_PX + 8 },
  gap: 8,
};

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
