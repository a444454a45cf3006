/**
 * ⌘K / Ctrl+K pressed while a page is painted but its script not yet running would be lost (the
 * palette's own listener does not exist yet). A few statements inline in the document's head note
 * such a press instead, and the palette opens as the header hydrates. Inline and dependency-free:
 * it must run before any bundle does, and every byte of it is in each page's HTML.
 */
const EARLY_PALETTE = '__hangarEarlyPalette';

interface EarlyPalette {
  wanted: boolean;
  stop: () => void;
}

/** Pressing it again before hydration closes the palette-to-be, as it would close the palette. */
export const EARLY_PALETTE_SCRIPT = `(function(){function k(e){if((e.key||"").toLowerCase()==="k"&&(e.ctrlKey||e.metaKey)&&!e.altKey){e.preventDefault();s.wanted=!s.wanted}}var s=window.${EARLY_PALETTE}={wanted:false,stop:function(){removeEventListener("keydown",k)}};addEventListener("keydown",k)})()`;

/** Ends the early listening (the palette's own listener takes over) and opens the palette if it was asked for. */
export function handOverEarlyPaletteShortcut(open: () => void): void {
  const global = window as unknown as Partial<Record<typeof EARLY_PALETTE, EarlyPalette>>;
  const early = global[EARLY_PALETTE];
  if (!early) return;
  early.stop();
  delete global[EARLY_PALETTE];
  if (early.wanted) open();
}
