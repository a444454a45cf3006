'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const GAP = 6;

/**
 * A short explanation on hover and keyboard focus; Escape, leaving or scrolling hides it. The
 * trigger keeps its own accessible name (which should carry the same words); this is for the eye.
 * Drawn in a portal with fixed position, so a list with clipped overflow does not cut it off.
 * (Hand-written rather than Radix's: that one brought ~25 KB of compressed script to every page.)
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  const id = useId();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);

  useEffect(() => {
    if (!anchor) return;
    const hide = () => setAnchor(null);
    window.addEventListener('scroll', hide, { passive: true, capture: true });
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('scroll', hide, { capture: true });
      window.removeEventListener('resize', hide);
    };
  }, [anchor]);

  if (!content) return <>{children}</>;
  const show = (target: Element) => setAnchor(target.getBoundingClientRect());
  const below = anchor !== null && anchor.top < 80;
  return (
    <span
      className="inline-flex"
      onPointerEnter={(e) => show(e.currentTarget)}
      onPointerLeave={() => setAnchor(null)}
      onFocus={(e) => show(e.currentTarget)}
      onBlur={() => setAnchor(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAnchor(null);
      }}
    >
      {children}
      {anchor &&
        createPortal(
          <span
            role="tooltip"
            id={id}
            style={{
              position: 'fixed',
              left: anchor.left + anchor.width / 2,
              top: below ? anchor.bottom + GAP : anchor.top - GAP,
              transform: `translate(-50%, ${below ? '0' : '-100%'})`,
            }}
            className="pointer-events-none z-50 w-max max-w-xs rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs text-zinc-50 shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
          >
            {content}
          </span>,
          document.body,
        )}
    </span>
  );
}
