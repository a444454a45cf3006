'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';
import { loadToastLibrary, toasterMounted, useToasterWanted } from '@/lib/notices/toasts';
import { readTheme } from '@/lib/theme';

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
  return Toaster ? <Toaster position="bottom-right" richColors closeButton theme={readTheme()} /> : null;
}
