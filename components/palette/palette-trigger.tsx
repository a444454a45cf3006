'use client';

import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { Icon } from '@/components/ui/icon';
import { isPaletteShortcut } from '@/lib/hooks/keyboard';
import { handOverEarlyPaletteShortcut } from '@/lib/palette/early-shortcut';

const loadPalette = () => import('./command-palette-dialog');
const CommandPalette = lazy(loadPalette);

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The header's way into the command palette: a visible button and ⌘K / Ctrl+K anywhere (also in a
 * text field: it is not a letter anyone types). Only this is in every page's script; the palette
 * and cmdk load when first wanted (hover or focus starts loading them).
 */
export function PaletteTrigger() {
  const [open, setOpen] = useState(false);
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      setOpen((wasOpen) => !wasOpen);
    };
    window.addEventListener('keydown', onKeyDown);
    // Pressed before this listener existed (see EARLY_PALETTE_SCRIPT): open now.
    handOverEarlyPaletteShortcut(() => setOpen(true));
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
        onClick={() => setOpen(true)}
        className="flex h-8 shrink-0 items-center gap-2 rounded-md border border-zinc-300 bg-zinc-50 px-2 text-sm lg:px-2.5 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        <Icon name="search" className="size-4" />
        <span className="sr-only xl:not-sr-only">Search or run a command</span>
        <kbd
          aria-hidden
          className="hidden rounded border border-zinc-300 bg-white px-1 font-sans text-[11px] lg:inline dark:border-zinc-600 dark:bg-zinc-800"
        >
          {apple ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
      {/* Mounted only while open: each opening starts fresh, with what the pages hold now. */}
      {open && (
        <Suspense fallback={null}>
          <CommandPalette open onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
