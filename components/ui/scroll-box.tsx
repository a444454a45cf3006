import type { ReactNode } from 'react';

/**
 * A box for a table wider than a phone: it scrolls sideways inside itself, never the page. Named
 * and focusable, so a keyboard can scroll it too (and screen readers say what it holds).
 */
export function ScrollBox({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto overscroll-x-contain ${className}`}>
      {children}
    </div>
  );
}
