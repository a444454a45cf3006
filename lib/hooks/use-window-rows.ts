'use client';

import { useEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCardLayout, type RowHeights } from './use-card-layout';

/**
 * Rows rendered beyond the screen for smooth scrolling: five (300 px of list rows) each way. Every
 * filter keystroke mounts each rendered row afresh, so more costs on every keystroke.
 */
const OVERSCAN = 5;

/** Where the element starts, in page coordinates. */
const pageTop = (element: HTMLElement) => element.getBoundingClientRect().top + window.scrollY;

/**
 * A table body virtualised against the page's own scrolling, as the codespace lists use it: rows
 * start at the body's offset in the page (`bodyRef`, followed as what is above it grows or
 * shrinks), and the server render (and the browser's first paint and hydration) holds only what a
 * screen of `initialHeight` shows, with the overscan added once in the browser. Rows are `heights`
 * tall (cards below `sm`); `estimateSize` gives each row's size from the current row height (a
 * table with group headers sizes those apart).
 */
export function useWindowRows({
  count,
  heights,
  estimateSize = (_index, rowHeight) => rowHeight,
  getItemKey,
  initialHeight,
  initialScrollMargin = 0,
}: {
  count: number;
  heights: RowHeights;
  estimateSize?: (index: number, rowHeight: number) => number;
  getItemKey: (index: number) => string;
  initialHeight: number;
  /** Where the body starts in the page, when something rendered the rows before (and measured it). */
  initialScrollMargin?: number;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(initialScrollMargin);
  const [mounted, setMounted] = useState(false);
  const card = useCardLayout();
  const rowHeight = card ? heights.card : heights.table;

  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const follow = () => setScrollMargin(Math.round(pageTop(body)));
    follow();
    setMounted(true);
    // A notice, a filter bar wrapping or an expanded list above moves the rows' origin.
    const observer = new ResizeObserver(follow);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: (index) => estimateSize(index, rowHeight),
    overscan: mounted ? OVERSCAN : 0,
    scrollMargin,
    initialRect: { width: 1280, height: initialHeight },
    getItemKey,
  });
  // Turning the phone, or a window narrowed past `sm`: every row changes height.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  return { bodyRef, virtualizer, card };
}
