'use client';

import { lazy, Suspense, useState } from 'react';
import { OrgMenuButton } from './org-menu-button';

const loadOrgMenu = () => import('./org-menu-content');
const OrgMenuContent = lazy(loadOrgMenu);

/**
 * The organisations menu. Neither its code nor the user's organisations are fetched until someone
 * reaches for it: a page load costs GitHub nothing for a menu most people never open.
 */
export function OrgMenu({ current = false }: { current?: boolean }) {
  const [opened, setOpened] = useState(false);
  const trigger = (
    <OrgMenuButton
      current={current}
      aria-expanded={false}
      onPointerEnter={() => void loadOrgMenu()}
      onFocus={() => void loadOrgMenu()}
      onClick={() => setOpened(true)}
    />
  );
  if (!opened) return trigger;
  return (
    <Suspense fallback={trigger}>
      <OrgMenuContent defaultOpen current={current} />
    </Suspense>
  );
}
