'use client';

import { Suspense, useState, type ReactElement, type ReactNode } from 'react';

/** What a lazily loaded menu's button does before the menu is there. */
export interface MenuReach {
  'aria-expanded': false;
  onPointerEnter: () => void;
  onFocus: () => void;
  onClick: () => void;
}

/**
 * A header menu whose code (and anything it reads) loads only when someone reaches for it: hover
 * or focus starts loading it, a click opens it. Until then the page carries only its button.
 */
export function LazyMenu({
  load,
  trigger,
  menu,
}: {
  load: () => Promise<unknown>;
  /** The menu's button, the same before and after it loads. */
  trigger: (reach: MenuReach) => ReactElement;
  /** The menu, open, from a `lazy` component that `load` loads. */
  menu: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const button = trigger({
    'aria-expanded': false,
    onPointerEnter: () => void load(),
    onFocus: () => void load(),
    onClick: () => setOpened(true),
  });
  if (!opened) return button;
  return <Suspense fallback={button}>{menu}</Suspense>;
}
