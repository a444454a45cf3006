'use client';

import type { ReactNode, Ref } from 'react';
import { useRouter } from 'next/navigation';

/** The header cell that selects every row the filter shows. */
export function SelectAllHeader({ checked, onToggle }: { checked: boolean; onToggle: () => void }) {
  return (
    <div role="columnheader">
      <input
        type="checkbox"
        aria-label="Select all matching the filter"
        checked={checked}
        onChange={onToggle}
        className="size-4 accent-sky-700"
      />
    </div>
  );
}

/**
 * The body of a window-virtualised table: as tall as all its rows, which are placed inside it.
 * Contained, so rows coming and going (scrolling, filtering) lay out and paint only this box.
 * Rows hold plain links (a next/link per row costs thousands of components): they are followed
 * client-side here, for all rows at once, on a plain left click only; new tabs, downloads and the
 * like stay the browser's.
 */
export function VirtualRowGroup({ ref, height, children }: { ref: Ref<HTMLDivElement>; height: number; children: ReactNode }) {
  const router = useRouter();
  return (
    <div
      role="rowgroup"
      ref={ref}
      style={{ height, position: 'relative', contain: 'strict' }}
      onClick={(event) => {
        const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-row-link]');
        if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        router.push(link.getAttribute('href')!);
      }}
    >
      {children}
    </div>
  );
}
