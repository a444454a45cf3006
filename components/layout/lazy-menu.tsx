'use client';

import { Suspense, useState, type ComponentProps, type ReactElement, type ReactNode } from 'react';

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
  /** The menu's button, the same before and after it loads; `reach` loads and opens the menu. */
  trigger: (reach: ComponentProps<'button'>) => ReactElement;
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
