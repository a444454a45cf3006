'use client';

import { useEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

/**
 * Rows rendered beyond the screen for smooth scrolling: five (300 px of list rows) each way. Every
 * filter keystroke mounts each rendered row afresh, so more costs on every keystroke.
 */
const OVERSCAN = 5;

/**
 * A table body virtualised against the page's own scrolling, as the codespace lists use it: rows
 * start at the body's offset in the page (`bodyRef`), and the server render (and the browser's
 * first paint and hydration) holds only what a screen of `initialHeight` shows, with the overscan
 * added once in the browser.
 */
export function useWindowRows({
  count,
  estimateSize,
  getItemKey,
  initialHeight,
}: {
  count: number;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
  initialHeight: number;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setScrollMargin(bodyRef.current?.offsetTop ?? 0);
    setMounted(true);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize,
    overscan: mounted ? OVERSCAN : 0,
    scrollMargin,
    initialRect: { width: 1280, height: initialHeight },
    getItemKey,
  });
  return { bodyRef, virtualizer };
}
